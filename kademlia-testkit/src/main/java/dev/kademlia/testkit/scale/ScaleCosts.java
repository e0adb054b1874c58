package dev.kademlia.testkit.scale;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ScaleSimulation} cost the machine that ran it. Unlike the {@link ScaleOutcome}, these
 * figures depend on the JVM, the hardware and whatever else runs on it, and differ from run to run.
 *
 * @param joinWall         wall-clock time of the join phase
 * @param operationsWall   wall-clock time of the put/get phase, churn included
 * @param heapBytesPerNode the growth of the used heap ({@code Runtime.totalMemory() - freeMemory()}) across
 *                         the join phase, divided by the number of nodes. Both ends are read after
 *                         {@code System.gc()} (three calls, the smallest reading kept), which the JVM may
 *                         treat as a hint, so the figure is approximate; it includes each node's routing
 *                         table, store, pending timers and its share of the simulated network's state
 * @param eventsPerSecond  scheduler events run per wall-clock second, over both phases (heap measurement
 *                         excluded)
 * @param processCpu       CPU time the whole JVM process (simulation, garbage collector, compiler) used
 *                         during both phases; on a shared machine a steadier figure than wall-clock time.
 *                         Zero if the platform does not report it
 */
public record ScaleCosts(Duration joinWall, Duration operationsWall, long heapBytesPerNode,
        double eventsPerSecond, Duration processCpu) {

    /** Checks for nulls. */
    public ScaleCosts {
        Objects.requireNonNull(joinWall, "joinWall");
        Objects.requireNonNull(operationsWall, "operationsWall");
        Objects.requireNonNull(processCpu, "processCpu");
    }

    /**
     * The wall-clock time of both phases.
     *
     * @return {@code joinWall + operationsWall}
     */
    public Duration totalWall() {
        return joinWall.plus(operationsWall);
    }
}
