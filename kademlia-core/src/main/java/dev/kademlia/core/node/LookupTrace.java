package dev.kademlia.core.node;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupStats;
import java.util.List;
import java.util.Objects;

/**
 * Everything one lookup did, in order: for learning how Kademlia converges and for debugging. Hop
 * {@code h} is the paper's round {@code h}: seeds are hop 1, contacts they returned hop 2, and so on.
 *
 * @param origin          the node that looked up
 * @param target          the key looked up
 * @param findValue       true for a value lookup (FIND_VALUE), false for a node lookup (FIND_NODE)
 * @param startedAtMillis when it started, on the node's clock
 * @param events          what happened, in order
 * @param closest         the closest contacts that answered, nearest first
 * @param stats           the lookup's statistics
 */
public record LookupTrace(Contact origin, Key target, boolean findValue, long startedAtMillis, List<Event> events,
        List<Contact> closest, LookupStats stats) {

    /** Copies the lists and checks for nulls. */
    public LookupTrace {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(target, "target");
        events = List.copyOf(events);
        closest = List.copyOf(closest);
        Objects.requireNonNull(stats, "stats");
    }

    /** One thing that happened during a lookup. */
    public sealed interface Event {

        /**
         * When it happened.
         *
         * @return milliseconds on the node's clock
         */
        long atMillis();

        /**
         * The peer it concerns.
         *
         * @return the peer
         */
        Contact peer();
    }

    /**
     * A request was sent.
     *
     * @param atMillis when
     * @param peer     to whom
     * @param hop      the peer's hop number
     */
    public record Queried(long atMillis, Contact peer, int hop) implements Event {
    }

    /**
     * A peer answered.
     *
     * @param atMillis  when
     * @param peer      who
     * @param returned  the contacts it returned (empty when it returned the value)
     * @param withValue whether it returned the value
     */
    public record Answered(long atMillis, Contact peer, List<Contact> returned, boolean withValue) implements Event {

        /** Copies the list. */
        public Answered {
            returned = List.copyOf(returned);
        }
    }

    /**
     * A peer did not answer within the RPC timeout: the lookup stopped waiting for it and went on. It may
     * still answer late (an {@link Answered} follows) or fail for good (a {@link Failed} follows).
     *
     * @param atMillis when its deadline passed
     * @param peer     who
     */
    public record TimedOut(long atMillis, Contact peer) implements Event {
    }

    /**
     * A request failed for good: no answer within twice the RPC timeout, or an error reply.
     *
     * @param atMillis when the request failed
     * @param peer     who
     */
    public record Failed(long atMillis, Contact peer) implements Event {
    }
}
