package dev.kademlia.core.node;

import dev.kademlia.core.protocol.FindNode;
import dev.kademlia.core.protocol.FindValue;
import dev.kademlia.core.protocol.Ping;
import dev.kademlia.core.protocol.Request;
import dev.kademlia.core.protocol.Store;

/** The four Kademlia RPCs, for counting and messages. */
public enum Rpc {
    /** Is the node alive? */
    PING,
    /** Keep this value. */
    STORE,
    /** Which nodes do you know closest to this key? */
    FIND_NODE,
    /** Give me the value of this key, or the nodes you know closest to it. */
    FIND_VALUE;

    /**
     * The RPC a request belongs to.
     *
     * @param request a request
     * @return its RPC
     */
    public static Rpc of(Request request) {
        if (request instanceof Ping) {
            return PING;
        } else if (request instanceof Store) {
            return STORE;
        } else if (request instanceof FindNode) {
            return FIND_NODE;
        } else if (request instanceof FindValue) {
            return FIND_VALUE;
        }
        throw new IllegalArgumentException("not a Kademlia request: " + request);
    }
}
