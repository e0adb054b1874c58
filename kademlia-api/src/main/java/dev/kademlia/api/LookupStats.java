package dev.kademlia.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How an iterative lookup went.
 *
 * @param hops      the longest chain of referrals the lookup followed: contacts given at start are hop 1,
 *                  contacts they returned are hop 2, and so on; in the paper's lockstep terms, the rounds
 * @param rpcs      requests sent
 * @param responses requests that were answered (late answers included)
 * @param timeouts  requests that timed out
 * @param elapsed   time from start to finish, on the node's clock
 */
public record LookupStats(int hops, int rpcs, int responses, int timeouts, Duration elapsed) {

    /** Checks that the counts are not negative. */
    public LookupStats {
        if (hops < 0 || rpcs < 0 || responses < 0 || timeouts < 0) {
            throw new IllegalArgumentException("lookup counts must not be negative");
        }
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
