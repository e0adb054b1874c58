package dev.kademlia.core.node;

import java.util.Map;

/**
 * A snapshot of a node's counters.
 *
 * @param requestsSent       requests sent, by RPC
 * @param requestsReceived   requests received and answered, by RPC
 * @param timeouts           requests that got no answer in time
 * @param droppedMalformed   datagrams the codec rejected
 * @param droppedUnmatched   responses that matched no outstanding request (late, duplicated or forged)
 * @param storesRefused      STORE requests refused (bad token, store full)
 * @param retransmissions    requests sent again because their answer was late
 * @param droppedRateLimited requests dropped because their source address exceeded its rate
 */
public record NodeStats(
        Map<Rpc, Long> requestsSent,
        Map<Rpc, Long> requestsReceived,
        long timeouts,
        long droppedMalformed,
        long droppedUnmatched,
        long storesRefused,
        long retransmissions,
        long droppedRateLimited) {

    /** Copies the maps. */
    public NodeStats {
        requestsSent = Map.copyOf(requestsSent);
        requestsReceived = Map.copyOf(requestsReceived);
    }
}
