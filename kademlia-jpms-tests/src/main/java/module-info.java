/** A black-box consumer of the SDK on the module path: its tests find the providers through ServiceLoader. */
module dev.kademlia.jpmstests {
    requires dev.kademlia.core;
}
