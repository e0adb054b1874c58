package dev.kademlia.api.spi;

import java.time.Duration;

/**
 * The clock and the event loop of a node. All of a node's mutable state (routing table, lookups, pending
 * requests) is touched only by tasks run through its scheduler, one at a time, so none of it needs locks.
 *
 * <p>In production this is a single thread with a real clock; in the test kit's simulation it is a
 * virtual-time event queue shared by thousands of nodes, which makes timeouts, republishing and bucket
 * refresh run in milliseconds and makes every run with the same seed identical.
 */
public interface Scheduler {

    /**
     * The current time in milliseconds: wall-clock (epoch) time in production, virtual time in
     * simulations. Stored entries' expiry times are on this clock.
     *
     * @return milliseconds
     */
    long nowMillis();

    /**
     * Runs {@code task} on the event loop, after the tasks already queued.
     *
     * @param task the task
     */
    void execute(Runnable task);

    /**
     * Runs {@code task} on the event loop after {@code delay}.
     *
     * @param delay how long to wait; zero or negative runs it as soon as possible
     * @param task  the task
     * @return a handle that cancels the task if it has not run yet
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Whether the caller is running as a task of this scheduler, on its thread. A node uses it to handle a
     * datagram at once when its transport already delivers on the event loop (as a simulated network
     * does), instead of queueing it again.
     *
     * @return true inside a task of this scheduler; the default, false, is always safe
     */
    default boolean inEventLoop() {
        return false;
    }

    /** A scheduled task that can still be cancelled. */
    @FunctionalInterface
    interface Cancellable {

        /** Prevents the task from running if it has not started. Idempotent. */
        void cancel();
    }
}
