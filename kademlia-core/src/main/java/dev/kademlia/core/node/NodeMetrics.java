package dev.kademlia.core.node;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A node's counters. Written by the node's event loop, readable from any thread through
 * {@link #snapshot()}.
 */
final class NodeMetrics {

    private final AtomicLongArray sent = new AtomicLongArray(Rpc.values().length);
    private final AtomicLongArray received = new AtomicLongArray(Rpc.values().length);
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong storesRefused = new AtomicLong();
    private final AtomicLong retransmitted = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();

    void requestSent(Rpc rpc) {
        sent.incrementAndGet(rpc.ordinal());
    }

    void requestReceived(Rpc rpc) {
        received.incrementAndGet(rpc.ordinal());
    }

    void timeout() {
        timeouts.incrementAndGet();
    }

    void malformed() {
        malformed.incrementAndGet();
    }

    void unmatched() {
        unmatched.incrementAndGet();
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    void retransmitted() {
        retransmitted.incrementAndGet();
    }

    void storeRefused() {
        storesRefused.incrementAndGet();
    }

    NodeStats snapshot() {
        return new NodeStats(byRpc(sent), byRpc(received), timeouts.get(), malformed.get(), unmatched.get(),
                storesRefused.get(), retransmitted.get(), rateLimited.get());
    }

    private static Map<Rpc, Long> byRpc(AtomicLongArray counts) {
        Map<Rpc, Long> out = new EnumMap<>(Rpc.class);
        for (Rpc rpc : Rpc.values()) {
            out.put(rpc, counts.get(rpc.ordinal()));
        }
        return out;
    }
}
