package dev.kademlia.core.lookup;

import dev.kademlia.api.Contact;
import java.util.Objects;

/**
 * What a {@link ClosestPeersLookup} wants its driver to do next; the answer of
 * {@link ClosestPeersLookup#next(long)}.
 *
 * <p>A driver calls {@code next} until it returns something other than {@link Query}, sends one request
 * per {@code Query}, and calls {@code next} again when a response or failure arrives or when the clock
 * reaches the deadline a {@link Waiting} or {@link AtCapacity} step names.
 */
public sealed interface LookupStep {

    /**
     * Send a request (FIND_NODE or FIND_VALUE) to {@code peer}; the lookup now waits for it. Call
     * {@link ClosestPeersLookup#next(long)} again: more slots may be free.
     *
     * @param peer the peer to query; never the local node, never a peer queried before
     */
    record Query(Contact peer) implements LookupStep {

        /**
         * Checks that the peer is present.
         *
         * @param peer the peer to query
         */
        public Query {
            Objects.requireNonNull(peer, "peer");
        }
    }

    /**
     * Nothing to send now, though fewer requests are in flight than the parallelism allows: the closest
     * candidates are all answered or awaited. Wake the lookup when a response arrives or at
     * {@code nextDeadlineMillis}.
     *
     * @param nextDeadlineMillis the earliest deadline of a peer still waited for, on the caller's clock
     */
    record Waiting(long nextDeadlineMillis) implements LookupStep {}

    /**
     * As many requests are in flight as the parallelism allows ({@code alpha}, or {@code max(k, alpha)}
     * when stalled). Wake the lookup when a response arrives or at {@code nextDeadlineMillis}, when the
     * earliest waited-for peer becomes unresponsive and frees its slot.
     *
     * @param nextDeadlineMillis the earliest deadline of a peer still waited for, on the caller's clock
     */
    record AtCapacity(long nextDeadlineMillis) implements LookupStep {}

    /** The lookup is over; read {@link ClosestPeersLookup#result()}. */
    record Finished() implements LookupStep {}
}
