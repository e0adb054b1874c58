package dev.kademlia.core.node;

import dev.kademlia.api.spi.Scheduler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The production {@link Scheduler}: one daemon thread that runs every task of a node, with the wall clock.
 * Tasks submitted after {@link #close()} are dropped (the node is gone). A task that throws is logged and
 * does not stop the loop.
 */
public final class EventLoop implements Scheduler, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    /** Starts the loop's thread. */
    public EventLoop() {
        int n = COUNTER.incrementAndGet();
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kademlia-node-" + n);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public long nowMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException closed) {
            LOG.log(Level.DEBUG, "task dropped: event loop closed");
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> f = executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> { };
        }
    }

    /**
     * Whether the calling thread is this loop's thread.
     *
     * @return true inside a task of this loop
     */
    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Stops the loop: tasks already queued to run now still run, delayed ones are dropped, and new ones are
     * refused. Waits up to a second for the thread to end unless called from the loop itself.
     */
    @Override
    public void close() {
        executor.shutdown();
        if (!inEventLoop()) {
            try {
                executor.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "task failed on the node's event loop", e);
            }
        };
    }
}
