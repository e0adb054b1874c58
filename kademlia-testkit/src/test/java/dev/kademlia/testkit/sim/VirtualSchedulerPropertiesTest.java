package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kademlia.api.spi.Scheduler.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class VirtualSchedulerPropertiesTest {

    /**
     * Whatever the delays and cancellations, the tasks that run are exactly the uncancelled ones, in order
     * of due time and, for equal times, of scheduling; each runs with the clock at its due time.
     */
    @Property
    void runsUncancelledTasksByDueTimeThenSchedulingOrder(
            @ForAll @Size(max = 200) List<@IntRange(min = -5, max = 50) Integer> delays,
            @ForAll @Size(max = 200) List<Boolean> cancel) {
        VirtualScheduler scheduler = new VirtualScheduler(1_000);
        List<int[]> ran = new ArrayList<>();
        List<Cancellable> handles = new ArrayList<>();
        for (int i = 0; i < delays.size(); i++) {
            int index = i;
            handles.add(scheduler.schedule(Duration.ofMillis(delays.get(i)),
                    () -> ran.add(new int[] {index, (int) (scheduler.nowMillis() - 1_000)})));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < delays.size(); i++) {
            if (i < cancel.size() && cancel.get(i)) {
                handles.get(i).cancel();
            } else {
                expected.add(i);
            }
        }
        expected.sort(Comparator.comparingInt(i -> Math.max(0, delays.get(i))));

        scheduler.runUntilIdle();

        List<Integer> order = new ArrayList<>();
        for (int[] r : ran) {
            order.add(r[0]);
            assertEquals(Math.max(0, delays.get(r[0])), r[1], "task " + r[0] + " ran at its due time");
        }
        assertEquals(expected, order);
        assertEquals(0, scheduler.pendingEvents());
    }

    /**
     * Tasks that schedule and cancel other tasks, driven in slices by {@code runFor} with a task scheduled
     * from outside after each slice, run exactly as a
     * naive reference queue (a list scanned for the earliest due time, then the earliest scheduled) runs
     * them.
     */
    @Property
    void agreesWithANaiveQueueWhenTasksScheduleAndCancel(
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = -2, max = 40) Integer> initial,
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 99) Integer> actions,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 30) Integer> slices) {
        assertEquals(Reference.trace(initial, actions, slices), Real.trace(initial, actions, slices));
    }

    /** Each event's reaction, shared by both queues: schedule a child, cancel an event, or nothing. */
    private static int[] reaction(List<Integer> actions, int id) {
        int action = actions.get(id % actions.size());
        if (action < 45) {
            return new int[] {0, action - 5};
        }
        if (action < 80) {
            return new int[] {1, action * 7919 % (id + 1)};
        }
        return new int[] {2, 0};
    }

    private static final int MAX_EVENTS = 500;

    /** The scheduler under test. */
    private static final class Real {

        static List<String> trace(List<Integer> initial, List<Integer> actions, List<Integer> slices) {
            VirtualScheduler scheduler = new VirtualScheduler();
            List<Cancellable> handles = new ArrayList<>();
            List<String> trace = new ArrayList<>();
            class Task implements Runnable {
                final int id;

                Task(int id) {
                    this.id = id;
                }

                @Override
                public void run() {
                    trace.add(id + "@" + scheduler.nowMillis());
                    int[] r = reaction(actions, id);
                    if (r[0] == 0 && handles.size() < MAX_EVENTS) {
                        handles.add(scheduler.schedule(Duration.ofMillis(r[1]), new Task(handles.size())));
                    } else if (r[0] == 1) {
                        handles.get(r[1]).cancel();
                    }
                }
            }
            for (int delay : initial) {
                handles.add(scheduler.schedule(Duration.ofMillis(delay), new Task(handles.size())));
            }
            for (int slice : slices) {
                scheduler.runFor(Duration.ofMillis(slice));
                trace.add("now " + scheduler.nowMillis() + ", " + scheduler.pendingEvents() + " pending");
                if (handles.size() < MAX_EVENTS) {
                    handles.add(scheduler.schedule(Duration.ofMillis(slice % 7), new Task(handles.size())));
                }
            }
            scheduler.runUntilIdle();
            trace.add("end " + scheduler.nowMillis());
            return trace;
        }
    }

    /** A queue too simple to be wrong: scan for the minimum (due, id). */
    private static final class Reference {

        static List<String> trace(List<Integer> initial, List<Integer> actions, List<Integer> slices) {
            List<long[]> pending = new ArrayList<>();
            int[] ids = {0};
            long[] now = {0};
            List<String> trace = new ArrayList<>();
            for (int delay : initial) {
                pending.add(new long[] {now[0] + Math.max(0, delay), ids[0]++});
            }
            Runnable runOne = () -> {
                long[] next = pending.get(0);
                for (long[] p : pending) {
                    if (p[0] < next[0] || (p[0] == next[0] && p[1] < next[1])) {
                        next = p;
                    }
                }
                pending.remove(next);
                now[0] = next[0];
                int id = (int) next[1];
                trace.add(id + "@" + now[0]);
                int[] r = reaction(actions, id);
                if (r[0] == 0 && ids[0] < MAX_EVENTS) {
                    pending.add(new long[] {now[0] + Math.max(0, r[1]), ids[0]++});
                } else if (r[0] == 1) {
                    pending.removeIf(p -> p[1] == r[1]);
                }
            };
            for (int slice : slices) {
                long end = now[0] + slice;
                while (!pending.isEmpty() && earliest(pending) <= end) {
                    runOne.run();
                }
                now[0] = end;
                trace.add("now " + now[0] + ", " + pending.size() + " pending");
                if (ids[0] < MAX_EVENTS) {
                    pending.add(new long[] {now[0] + slice % 7, ids[0]++});
                }
            }
            while (!pending.isEmpty()) {
                runOne.run();
            }
            trace.add("end " + now[0]);
            return trace;
        }

        private static long earliest(List<long[]> pending) {
            long min = Long.MAX_VALUE;
            for (long[] p : pending) {
                min = Math.min(min, p[0]);
            }
            return min;
        }
    }
}
