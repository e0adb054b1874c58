package dev.kademlia.core.node;

import dev.kademlia.core.routing.AddressDiversity;
import java.time.Duration;
import java.util.Objects;

/**
 * The protocol parameters of one node, as set on {@code Kademlia.builder()}. The builder checks each
 * setting with a message; this record re-checks the ranges so no node runs with nonsense.
 *
 * @param k                         bucket capacity and the number of nodes a value is stored on (paper: 20)
 * @param alpha                     lookup parallelism (paper: 3)
 * @param rpcTimeout                how long a request waits for its answer; lookups stop waiting for a peer
 *                                  after this long but still use an answer that arrives within twice as long
 * @param valueTtl                  how long stored values live, or {@code null} for values that never expire
 * @param republishInterval         how often a holder republishes its replicas (paper: one hour)
 * @param originalRepublishInterval how often the original publisher republishes (paper: 24 hours)
 * @param refreshInterval           a bucket with no lookup for this long is refreshed (paper: one hour)
 * @param replacementCacheSize      contacts kept per bucket in reserve for evicted ones
 * @param maxFailures               consecutive failed requests after which a contact is dropped
 * @param probeAfter                how long the least-recently seen contact of a full bucket must have been
 *                                  silent before a newcomer to that bucket makes the node PING it
 * @param maxRetransmits            how many times an unanswered request is sent again within its timeout
 * @param clientMode                a client node asks others not to add it to their routing tables
 * @param addressDiversity          how many contacts of a bucket may share an address or subnet
 * @param requestsPerSecond         requests answered per second and source address
 * @param maxStoredEntries          values this node keeps for others at most
 * @param maxStoredBytes            total value bytes this node keeps for others at most
 */
public record NodeConfig(
        int k,
        int alpha,
        Duration rpcTimeout,
        Duration valueTtl,
        Duration republishInterval,
        Duration originalRepublishInterval,
        Duration refreshInterval,
        int replacementCacheSize,
        int maxFailures,
        Duration probeAfter,
        int maxRetransmits,
        boolean clientMode,
        AddressDiversity addressDiversity,
        int requestsPerSecond,
        long maxStoredEntries,
        long maxStoredBytes) {

    /** Checks the ranges. */
    public NodeConfig {
        if (k < 1 || k > 64) {
            throw new IllegalArgumentException("k must be in [1, 64]; got " + k);
        }
        if (alpha < 1 || alpha > k) {
            throw new IllegalArgumentException("alpha must be in [1, k=" + k + "]; got " + alpha);
        }
        requirePositive(rpcTimeout, "rpcTimeout");
        if (valueTtl != null) {
            requirePositive(valueTtl, "valueTtl");
        }
        requirePositive(republishInterval, "republishInterval");
        requirePositive(originalRepublishInterval, "originalRepublishInterval");
        requirePositive(refreshInterval, "refreshInterval");
        if (replacementCacheSize < 1) {
            throw new IllegalArgumentException("replacementCacheSize must be at least 1; got " + replacementCacheSize);
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1; got " + maxFailures);
        }
        Objects.requireNonNull(probeAfter, "probeAfter");
        if (probeAfter.isNegative()) {
            throw new IllegalArgumentException("probeAfter must not be negative; got " + probeAfter);
        }
        if (maxRetransmits < 0 || maxRetransmits > 10) {
            throw new IllegalArgumentException("maxRetransmits must be in [0, 10]; got " + maxRetransmits);
        }
        Objects.requireNonNull(addressDiversity, "addressDiversity");
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond must be at least 1; got " + requestsPerSecond);
        }
        if (maxStoredEntries < 1 || maxStoredBytes < 1) {
            throw new IllegalArgumentException("store limits must be positive; got " + maxStoredEntries
                    + " entries, " + maxStoredBytes + " bytes");
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive; got " + d);
        }
    }
}
