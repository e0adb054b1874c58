package dev.kademlia.testkit.scale;

/**
 * Told how far a {@link ScaleSimulation} has got, a few dozen times per run, on the simulating thread.
 */
@FunctionalInterface
public interface ScaleProgress {

    /** A listener that ignores everything. */
    ScaleProgress NONE = (phase, done, total, events, virtualMillis) -> { };

    /** The two phases of a run. */
    enum Phase {
        /** Nodes join one by one through the bootstrap node. */
        JOIN,
        /** Puts, then gets, from random live nodes, with churn interleaved. */
        OPERATIONS
    }

    /**
     * Reports progress.
     *
     * @param phase         the phase running
     * @param done          nodes joined, or operations completed, so far
     * @param total         nodes to join, or operations to run, in the phase
     * @param events        scheduler events run so far
     * @param virtualMillis the virtual time
     */
    void onProgress(Phase phase, int done, int total, long events, long virtualMillis);
}
