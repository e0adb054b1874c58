package dev.kademlia.api;

import java.net.InetSocketAddress;
import java.time.Duration;

/** A single RPC got no answer within the RPC timeout. */
public final class RpcTimeoutException extends KademliaException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param rpc     the RPC name, e.g. {@code PING}
     * @param address where it was sent
     * @param timeout how long the node waited
     */
    public RpcTimeoutException(String rpc, InetSocketAddress address, Duration timeout) {
        super(rpc + " to " + address + " got no answer within " + timeout.toMillis() + " ms");
    }
}
