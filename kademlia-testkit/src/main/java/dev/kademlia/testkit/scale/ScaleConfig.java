package dev.kademlia.testkit.scale;

import dev.kademlia.core.Kademlia;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ScaleSimulation} runs: how many nodes join, how many puts and gets follow, which faults
 * the network has, and the protocol parameters every node is built with.
 *
 * @param nodes      nodes that join one by one through the first, at least 2
 * @param puts       values put after the join phase, each under a fresh random key, at least 1
 * @param gets       gets of those keys from random live nodes, at least 1
 * @param loss       the probability that any datagram is lost, in [0, 1), for the whole run
 * @param churn      the fraction of {@code nodes} that leave (crash) during the put/get phase, and as many
 *                   new nodes join, in [0, 1)
 * @param seed       the seed of every random decision: node ids, latencies, losses, workload
 * @param k          bucket size and replication factor, in [1, 64]
 * @param alpha      lookup parallelism, at least 1
 * @param rpcTimeout how long a request waits for its answer; positive
 */
public record ScaleConfig(int nodes, int puts, int gets, double loss, double churn, long seed, int k, int alpha,
        Duration rpcTimeout) {

    /** The default number of puts. */
    public static final int DEFAULT_PUTS = 100;

    /** The default number of gets. */
    public static final int DEFAULT_GETS = 1_000;

    /** The default seed. */
    public static final long DEFAULT_SEED = 1;

    /** Checks every parameter, with a message that names it and its allowed range. */
    public ScaleConfig {
        if (nodes < 2) {
            throw new IllegalArgumentException("nodes must be at least 2 (a bootstrap node and a joiner); got "
                    + nodes);
        }
        if (puts < 1) {
            throw new IllegalArgumentException("puts must be at least 1; got " + puts);
        }
        if (gets < 1) {
            throw new IllegalArgumentException("gets must be at least 1; got " + gets);
        }
        if (!(loss >= 0 && loss < 1)) {
            throw new IllegalArgumentException("loss must be in [0, 1); got " + loss);
        }
        if (!(churn >= 0 && churn < 1)) {
            throw new IllegalArgumentException("churn must be in [0, 1); got " + churn);
        }
        if (k < 1 || k > 64) {
            throw new IllegalArgumentException("k must be in [1, 64]; got " + k);
        }
        if (alpha < 1) {
            throw new IllegalArgumentException("alpha must be at least 1; got " + alpha);
        }
        Objects.requireNonNull(rpcTimeout, "rpcTimeout");
        if (rpcTimeout.isNegative() || rpcTimeout.isZero()) {
            throw new IllegalArgumentException("rpcTimeout must be positive; got " + rpcTimeout);
        }
    }

    /**
     * The fault-free scenario for {@code nodes} nodes: {@value #DEFAULT_PUTS} puts, {@value #DEFAULT_GETS}
     * gets, seed {@value #DEFAULT_SEED}, and the builder's defaults (k = 20, alpha = 3, 2 s RPC timeout).
     *
     * @param nodes at least 2
     * @return the configuration
     */
    public static ScaleConfig defaults(int nodes) {
        return new ScaleConfig(nodes, DEFAULT_PUTS, DEFAULT_GETS, 0, 0, DEFAULT_SEED,
                Kademlia.DEFAULT_K, Kademlia.DEFAULT_ALPHA, Kademlia.DEFAULT_RPC_TIMEOUT);
    }

    /**
     * This configuration with other operation counts.
     *
     * @param puts at least 1
     * @param gets at least 1
     * @return the new configuration
     */
    public ScaleConfig withOperations(int puts, int gets) {
        return new ScaleConfig(nodes, puts, gets, loss, churn, seed, k, alpha, rpcTimeout);
    }

    /**
     * This configuration with faults.
     *
     * @param loss  in [0, 1)
     * @param churn in [0, 1)
     * @return the new configuration
     */
    public ScaleConfig withFaults(double loss, double churn) {
        return new ScaleConfig(nodes, puts, gets, loss, churn, seed, k, alpha, rpcTimeout);
    }

    /**
     * This configuration with another seed.
     *
     * @param seed the seed
     * @return the new configuration
     */
    public ScaleConfig withSeed(long seed) {
        return new ScaleConfig(nodes, puts, gets, loss, churn, seed, k, alpha, rpcTimeout);
    }

    /**
     * This configuration with another network size.
     *
     * @param nodes at least 2
     * @return the new configuration
     */
    public ScaleConfig withNodes(int nodes) {
        return new ScaleConfig(nodes, puts, gets, loss, churn, seed, k, alpha, rpcTimeout);
    }

    /**
     * This configuration with other protocol parameters.
     *
     * @param k          in [1, 64]
     * @param alpha      at least 1
     * @param rpcTimeout positive
     * @return the new configuration
     */
    public ScaleConfig withProtocol(int k, int alpha, Duration rpcTimeout) {
        return new ScaleConfig(nodes, puts, gets, loss, churn, seed, k, alpha, rpcTimeout);
    }

    /**
     * How many nodes leave during the put/get phase, and how many new ones join: {@code churn × nodes},
     * rounded to the nearest whole node, and never the bootstrap node.
     *
     * @return the count, at most {@code nodes - 1}
     */
    public int churnedNodes() {
        return (int) Math.min(nodes - 1L, Math.round(churn * nodes));
    }

    /**
     * Whether the network has faults: loss or churn.
     *
     * @return true if {@code loss} or {@code churn} is positive
     */
    public boolean hasFaults() {
        return loss > 0 || churn > 0;
    }
}
