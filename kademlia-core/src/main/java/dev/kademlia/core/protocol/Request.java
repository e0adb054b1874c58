package dev.kademlia.core.protocol;

/**
 * One of the four remote procedure calls of the Kademlia paper: {@link Ping PING}, {@link Store STORE},
 * {@link FindNode FIND_NODE} and {@link FindValue FIND_VALUE}.
 */
public sealed interface Request extends Payload permits Ping, Store, FindNode, FindValue {
}
