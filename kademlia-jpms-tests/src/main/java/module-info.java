/**
 * A black-box consumer of the SDK. It requires only the core module: the transport and store providers
 * are found through {@link java.util.ServiceLoader}, which on the module path means JPMS service binding
 * resolves them without any {@code requires}.
 */
module dev.kademlia.jpmstests {
    requires dev.kademlia.core;
}
