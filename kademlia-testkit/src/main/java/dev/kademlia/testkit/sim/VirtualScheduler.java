package dev.kademlia.testkit.sim;

import dev.kademlia.api.spi.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Scheduler} on virtual time: an event queue ordered by due time, then by the order events were
 * scheduled, so that every run of the same program is identical. Time stands still until the test drives
 * the queue with {@link #runNext()}, {@link #runFor(Duration)}, {@link #runUntilIdle()} or
 * {@link #runUntilDone(CompletableFuture, Duration)}; each event moves {@link #nowMillis()} to its due
 * time before it runs. One scheduler can be shared by thousands of simulated nodes.
 *
 * <p><b>Single-threaded by design.</b> Nothing here is synchronized: tasks run on the thread that drives
 * the queue, and every other call ({@link #execute}, {@link #schedule}, cancelling) must come from that
 * thread too, or from a task. A task must not drive the queue itself.
 *
 * <p><b>Failures are loud.</b> A task that throws stops the driving method, which rethrows the failure
 * wrapped in an {@link IllegalStateException} naming the event's time: in a simulation an exception
 * escaping a node is a bug. The queue stays usable; the failed event is gone.
 *
 * <p><b>Runaway guard.</b> Each call of a driving method runs at most {@link #maxEventsPerRun()} events
 * and then throws, so a periodic task that never stops (a bucket refresh, say) fails
 * {@link #runUntilIdle()} with a message instead of hanging the test.
 *
 * <p>Delays are truncated to whole milliseconds; delays too large to represent are saturated to the end
 * of time ({@link Long#MAX_VALUE}).
 */
public final class VirtualScheduler implements Scheduler {

    /** The default {@linkplain #maxEventsPerRun() runaway guard}: ten million events per driving call. */
    public static final long DEFAULT_MAX_EVENTS_PER_RUN = 10_000_000L;

    private final EventQueue queue = new EventQueue();
    private long now;
    private long eventsRun;
    private long maxEventsPerRun = DEFAULT_MAX_EVENTS_PER_RUN;
    private boolean driving;
    private boolean runningTask;

    /** Creates an empty scheduler whose clock reads 0. */
    public VirtualScheduler() {
        this(0);
    }

    /**
     * Creates an empty scheduler whose clock starts at {@code epochMillis}.
     *
     * @param epochMillis the initial value of {@link #nowMillis()}; must not be negative
     * @throws IllegalArgumentException if {@code epochMillis} is negative
     */
    public VirtualScheduler(long epochMillis) {
        if (epochMillis < 0) {
            throw new IllegalArgumentException("epochMillis must not be negative; got " + epochMillis);
        }
        this.now = epochMillis;
    }

    /**
     * The virtual time: the due time of the event running or last run, or the time {@link #runFor}
     * advanced to.
     *
     * @return milliseconds
     */
    @Override
    public long nowMillis() {
        return now;
    }

    /**
     * Queues {@code task} to run at the current virtual time, after every event already due by then.
     *
     * @param task the task
     */
    @Override
    public void execute(Runnable task) {
        enqueue(now, task);
    }

    /**
     * Queues {@code task} to run {@code delay} from now; events due at the same millisecond run in the order
     * they were scheduled.
     *
     * @param delay how long to wait, truncated to milliseconds; zero or negative means now
     * @param task  the task
     * @return a handle that removes the task from the queue if it has not run
     */
    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        return enqueue(dueTime(delay), task);
    }

    /**
     * Queues {@code task} to run {@code delayMillis} from now: {@link #schedule(Duration, Runnable)} without
     * the {@link Duration}, for the simulation's own hot paths.
     *
     * @param delayMillis how long to wait; zero or negative means now
     * @param task        the task
     * @return a handle that removes the task from the queue if it has not run
     */
    public Cancellable schedule(long delayMillis, Runnable task) {
        long due = delayMillis <= 0 ? now : now + delayMillis;
        return enqueue(due < now ? Long.MAX_VALUE : due, task);
    }

    /**
     * Runs the earliest pending event, advancing the clock to its due time.
     *
     * @return false if no event was pending
     * @throws IllegalStateException if the task throws, or if called from a task
     */
    public boolean runNext() {
        enterDriving();
        try {
            return step();
        } finally {
            driving = false;
        }
    }

    /**
     * Runs events until none is pending, including the events they schedule.
     *
     * @throws IllegalStateException if a task throws, or after {@link #maxEventsPerRun()} events (a task
     *                               that keeps rescheduling itself never lets the queue empty)
     */
    public void runUntilIdle() {
        enterDriving();
        try {
            long budget = maxEventsPerRun;
            while (queue.size() > 0) {
                if (budget-- == 0) {
                    throw new IllegalStateException(String.format(
                            "runUntilIdle ran %,d events and %,d are still pending at virtual time %,d ms: a "
                                    + "periodic task probably never stops; use runFor, or raise "
                                    + "maxEventsPerRun", maxEventsPerRun, queue.size(), now));
                }
                step();
            }
        } finally {
            driving = false;
        }
    }

    /**
     * Runs every event due within {@code duration} from now, including those they schedule within that
     * window, then sets the clock to now + {@code duration}.
     *
     * @param duration how much virtual time to let pass; not negative
     * @throws IllegalArgumentException if {@code duration} is negative
     * @throws IllegalStateException    if a task throws, or after {@link #maxEventsPerRun()} events
     */
    public void runFor(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative; got " + duration);
        }
        enterDriving();
        try {
            long end = dueTime(duration);
            long budget = maxEventsPerRun;
            EventQueue.Entry next;
            while ((next = queue.peek()) != null && next.due <= end) {
                if (budget-- == 0) {
                    throw new IllegalStateException(String.format(
                            "runFor(%s) ran %,d events and reached only virtual time %,d ms of %,d ms: a task "
                                    + "probably reschedules itself without delay; raise maxEventsPerRun if "
                                    + "this is intended", duration, maxEventsPerRun, now, end));
                }
                step();
            }
            now = end;
        } finally {
            driving = false;
        }
    }

    /**
     * Runs events until {@code future} is done, then returns its result.
     *
     * @param <T>            the result type
     * @param future         the future to wait for, completed by some task
     * @param maxVirtualTime the most virtual time to let pass
     * @return the future's value, as {@link CompletableFuture#join()} returns it
     * @throws IllegalStateException                      if the queue empties or the time limit passes first,
     *                                                    if a task throws, or after {@link #maxEventsPerRun()}
     *                                                    events
     * @throws java.util.concurrent.CompletionException   if the future completed exceptionally
     * @throws java.util.concurrent.CancellationException if the future was cancelled
     */
    public <T> T runUntilDone(CompletableFuture<T> future, Duration maxVirtualTime) {
        Objects.requireNonNull(future, "future");
        Objects.requireNonNull(maxVirtualTime, "maxVirtualTime");
        if (maxVirtualTime.isNegative()) {
            throw new IllegalArgumentException("maxVirtualTime must not be negative; got " + maxVirtualTime);
        }
        enterDriving();
        try {
            long start = now;
            long deadline = dueTime(maxVirtualTime);
            long budget = maxEventsPerRun;
            while (!future.isDone()) {
                EventQueue.Entry next = queue.peek();
                if (next == null) {
                    throw new IllegalStateException(String.format(
                            "the event queue emptied at virtual time %,d ms (%,d ms after the start) before "
                                    + "the future completed", now, now - start));
                }
                if (next.due > deadline) {
                    now = deadline;
                    throw new IllegalStateException(String.format(
                            "the future was not done after %,d ms of virtual time (now %,d ms); %,d events "
                                    + "pending, the next at %,d ms", deadline - start, now, queue.size(), next.due));
                }
                if (budget-- == 0) {
                    throw new IllegalStateException(String.format(
                            "ran %,d events waiting for the future, reaching virtual time %,d ms: a task "
                                    + "probably reschedules itself without delay", maxEventsPerRun, now));
                }
                step();
            }
        } finally {
            driving = false;
        }
        return future.join();
    }

    /**
     * The number of events run since the scheduler was created.
     *
     * @return the count
     */
    public long eventsRun() {
        return eventsRun;
    }

    /**
     * The number of events waiting to run; cancelled events are not counted.
     *
     * @return the count
     */
    public int pendingEvents() {
        return queue.size();
    }

    /**
     * The runaway guard: the most events one call of a driving method runs before it throws.
     *
     * @return the limit
     */
    public long maxEventsPerRun() {
        return maxEventsPerRun;
    }

    /**
     * Sets the {@linkplain #maxEventsPerRun() runaway guard}.
     *
     * @param maxEvents the most events one driving call may run; positive
     * @return this scheduler
     * @throws IllegalArgumentException if {@code maxEvents} is not positive
     */
    public VirtualScheduler maxEventsPerRun(long maxEvents) {
        if (maxEvents <= 0) {
            throw new IllegalArgumentException("maxEventsPerRun must be positive; got " + maxEvents);
        }
        this.maxEventsPerRun = maxEvents;
        return this;
    }

    @Override
    public String toString() {
        return "VirtualScheduler[now=" + now + " ms, " + queue.size() + " pending, " + eventsRun + " run]";
    }

    private long dueTime(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return now;
        }
        long millis;
        try {
            millis = delay.toMillis();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
        long due = now + millis;
        return due < now ? Long.MAX_VALUE : due;
    }

    private Event enqueue(long due, Runnable task) {
        Objects.requireNonNull(task, "task");
        Event event = new Event(this, due, task);
        queue.add(event);
        return event;
    }

    /**
     * Whether a task of this scheduler is running now (everything runs on the driving thread).
     *
     * @return true inside a task
     */
    @Override
    public boolean inEventLoop() {
        return runningTask;
    }

    /** Runs the earliest pending event, if any; the caller holds the driving flag. */
    private boolean step() {
        EventQueue.Entry event = queue.peek();
        if (event == null) {
            return false;
        }
        Runnable task = queue.takeFirst();
        now = event.due;
        eventsRun++;
        runningTask = true;
        try {
            task.run();
        } catch (RuntimeException | AssertionError e) {
            throw new IllegalStateException("task due at virtual time " + String.format("%,d", event.due)
                    + " ms failed: " + e, e);
        } finally {
            runningTask = false;
        }
        return true;
    }

    private void enterDriving() {
        if (driving) {
            throw new IllegalStateException("the scheduler is already being driven: a task must not call "
                    + "runNext, runFor, runUntilIdle or runUntilDone");
        }
        driving = true;
    }

    /** One queued task; also its cancellation handle. */
    private static final class Event extends EventQueue.Entry implements Cancellable {

        private final VirtualScheduler owner;

        Event(VirtualScheduler owner, long due, Runnable task) {
            super(due, task);
            this.owner = owner;
        }

        @Override
        public void cancel() {
            owner.queue.cancel(this);
        }
    }
}
