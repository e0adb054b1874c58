package dev.kademlia.core.lookup;

/**
 * The tuning of one iterative lookup.
 *
 * <p>The paper (Maymounkov and Mazières, 2002) uses {@code k = 20} and {@code alpha = 3}; it leaves the
 * time after which a silent peer stops holding up the lookup to the implementation.
 *
 * @param k                 how many results the lookup wants: it ends once the {@code k} closest peers it
 *                          has seen (failed and unresponsive ones aside) have answered; the paper's
 *                          replication parameter, {@code 20} there
 * @param alpha             the parallelism: how many requests may be in flight while the lookup makes
 *                          progress ({@code 3} in the paper); a stalled lookup allows
 *                          {@code max(k, alpha)}
 * @param peerTimeoutMillis after this many milliseconds without an answer a queried peer counts as
 *                          unresponsive and no longer occupies a slot; its late answer is still used
 */
public record LookupParameters(int k, int alpha, long peerTimeoutMillis) {

    /**
     * Checks the parameters.
     *
     * @param k                 results wanted, at least 1
     * @param alpha             parallelism, at least 1
     * @param peerTimeoutMillis the peer timeout, positive
     * @throws IllegalArgumentException if {@code k} or {@code alpha} is below 1, or the timeout is not
     *                                  positive
     */
    public LookupParameters {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1; got " + k);
        }
        if (alpha < 1) {
            throw new IllegalArgumentException("alpha must be at least 1; got " + alpha);
        }
        if (peerTimeoutMillis <= 0) {
            throw new IllegalArgumentException(
                    "peerTimeoutMillis must be positive; got " + peerTimeoutMillis);
        }
    }

    /**
     * The number of requests a lookup may have in flight: {@code alpha} while it makes progress, and
     * {@code max(k, alpha)} once it has stalled.
     *
     * @param stalled whether the lookup has stalled
     * @return the maximum number of peers waited for at once
     */
    public int parallelism(boolean stalled) {
        return stalled ? Math.max(k, alpha) : alpha;
    }
}
