package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.spi.Scheduler.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<String> ran = new ArrayList<>();

    private Runnable record(String name) {
        return () -> ran.add(name + "@" + scheduler.nowMillis());
    }

    @Test
    void runsByDueTimeThenInSchedulingOrder() {
        scheduler.schedule(Duration.ofMillis(30), record("a"));
        scheduler.schedule(Duration.ofMillis(10), record("b"));
        scheduler.schedule(Duration.ofMillis(10), record("c"));
        scheduler.execute(record("d"));
        scheduler.schedule(Duration.ofMillis(-5), record("e"));
        scheduler.schedule(Duration.ofMillis(20), record("f"));
        scheduler.schedule(Duration.ofMillis(10), record("g"));

        scheduler.runUntilIdle();

        assertEquals(List.of("d@0", "e@0", "b@10", "c@10", "g@10", "f@20", "a@30"), ran);
        assertEquals(30, scheduler.nowMillis());
        assertEquals(7, scheduler.eventsRun());
        assertEquals(0, scheduler.pendingEvents());
    }

    @Test
    void executeFromATaskRunsAfterEventsAlreadyDueAtTheSameTime() {
        scheduler.schedule(Duration.ofMillis(5), () -> {
            ran.add("first@" + scheduler.nowMillis());
            scheduler.execute(record("posted"));
        });
        scheduler.schedule(Duration.ofMillis(5), record("second"));

        scheduler.runUntilIdle();

        assertEquals(List.of("first@5", "second@5", "posted@5"), ran);
    }

    @Test
    void clockStartsAtTheEpochAndMovesOnlyWhenEventsRun() {
        VirtualScheduler late = new VirtualScheduler(1_700_000_000_000L);
        assertEquals(1_700_000_000_000L, late.nowMillis());
        late.schedule(Duration.ofSeconds(1), () -> { });
        assertEquals(1_700_000_000_000L, late.nowMillis(), "scheduling does not move time");
        assertTrue(late.runNext());
        assertEquals(1_700_000_001_000L, late.nowMillis());
        assertFalse(late.runNext());
        assertEquals(1_700_000_001_000L, late.nowMillis());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VirtualScheduler(-1));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
    }

    @Test
    void durationsBeyondTheEndOfTimeSaturate() {
        scheduler.schedule(Duration.ofSeconds(Long.MAX_VALUE), record("never"));
        scheduler.schedule(Long.MAX_VALUE, record("also never"));
        scheduler.schedule(Duration.ofMillis(1), record("soon"));
        scheduler.runNext();
        assertEquals(List.of("soon@1"), ran);
        scheduler.runUntilIdle();
        assertEquals(List.of("soon@1", "never@" + Long.MAX_VALUE, "also never@" + Long.MAX_VALUE), ran);
    }

    @Test
    void cancelledTasksAreSkippedAndDoNotKeepTheQueueAlive() {
        Cancellable a = scheduler.schedule(Duration.ofMillis(10), record("a"));
        scheduler.schedule(Duration.ofMillis(20), record("b"));
        Cancellable c = scheduler.schedule(Duration.ofMillis(30), record("c"));
        assertEquals(3, scheduler.pendingEvents());

        a.cancel();
        a.cancel();
        c.cancel();
        assertEquals(1, scheduler.pendingEvents());

        scheduler.runUntilIdle();
        assertEquals(List.of("b@20"), ran);
        assertEquals(20, scheduler.nowMillis(), "a cancelled later event does not move the clock");
        assertEquals(1, scheduler.eventsRun());
    }

    @Test
    void cancellingAfterTheTaskRanChangesNothing() {
        Cancellable a = scheduler.schedule(Duration.ofMillis(1), record("a"));
        scheduler.schedule(Duration.ofMillis(2), record("b"));
        scheduler.runNext();
        a.cancel();
        assertEquals(1, scheduler.pendingEvents());
        scheduler.runUntilIdle();
        assertEquals(List.of("a@1", "b@2"), ran);
    }

    @Test
    void aTaskCanCancelALaterOne() {
        Cancellable[] later = new Cancellable[1];
        scheduler.schedule(Duration.ofMillis(1), () -> later[0].cancel());
        later[0] = scheduler.schedule(Duration.ofMillis(2), record("later"));
        scheduler.runUntilIdle();
        assertEquals(List.of(), ran);
        assertEquals(1, scheduler.nowMillis());
    }

    @Test
    void manyCancelledTimersArePurgedAndTheRestStillRunInOrder() {
        List<Cancellable> timeouts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            timeouts.add(scheduler.schedule(Duration.ofSeconds(60 + i % 7), () -> ran.add("timeout")));
        }
        for (int i = 0; i < 20_000; i++) {
            if (i % 1_000 != 0) {
                timeouts.get(i).cancel();
            }
        }
        assertEquals(20, scheduler.pendingEvents());

        scheduler.runUntilIdle();

        assertEquals(20, ran.size());
        assertEquals(20, scheduler.eventsRun());
        assertEquals(66_000, scheduler.nowMillis());
    }

    @Test
    void runForRunsEventsDueWithinTheWindowThenSetsTheClockToItsEnd() {
        scheduler.schedule(Duration.ofMillis(50), () -> {
            ran.add("a@" + scheduler.nowMillis());
            scheduler.schedule(Duration.ofMillis(50), record("chained"));
            scheduler.schedule(Duration.ofMillis(51), record("too late"));
        });
        scheduler.schedule(Duration.ofMillis(101), record("after"));

        scheduler.runFor(Duration.ofMillis(100));

        assertEquals(List.of("a@50", "chained@100"), ran);
        assertEquals(100, scheduler.nowMillis());
        assertEquals(2, scheduler.pendingEvents());

        scheduler.runFor(Duration.ofSeconds(5));
        assertEquals(List.of("a@50", "chained@100", "after@101", "too late@101"), ran,
                "equal due times run in scheduling order");
        assertEquals(5_100, scheduler.nowMillis(), "the clock reaches the end of the window even when idle");

        assertThrows(IllegalArgumentException.class, () -> scheduler.runFor(Duration.ofMillis(-1)));
    }

    @Test
    void runUntilDoneReturnsTheValueAtTheTimeItCompletes() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        scheduler.schedule(Duration.ofMillis(300), () -> answer.complete("pong"));
        scheduler.schedule(Duration.ofMillis(900), record("later"));

        assertEquals("pong", scheduler.runUntilDone(answer, Duration.ofSeconds(1)));
        assertEquals(300, scheduler.nowMillis());
        assertEquals(List.of(), ran, "events after completion are left pending");
        assertEquals(1, scheduler.pendingEvents());
    }

    @Test
    void runUntilDoneFailsWhenTheQueueEmptiesFirst() {
        CompletableFuture<String> never = new CompletableFuture<>();
        scheduler.schedule(Duration.ofMillis(10), record("a"));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> scheduler.runUntilDone(never, Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("queue emptied"), e.getMessage());
        assertEquals(List.of("a@10"), ran);
    }

    @Test
    void runUntilDoneFailsWhenTheVirtualTimeLimitPasses() {
        CompletableFuture<String> late = new CompletableFuture<>();
        scheduler.schedule(Duration.ofMillis(500), record("a"));
        scheduler.schedule(Duration.ofSeconds(2), () -> late.complete("too late"));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> scheduler.runUntilDone(late, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("not done after 1,000 ms of virtual time"), e.getMessage());
        assertEquals(List.of("a@500"), ran);
        assertEquals(1_000, scheduler.nowMillis());
        assertFalse(late.isDone());
    }

    @Test
    void runUntilDoneRethrowsTheFuturesFailure() {
        CompletableFuture<String> failing = new CompletableFuture<>();
        IllegalArgumentException cause = new IllegalArgumentException("bad");
        scheduler.schedule(Duration.ofMillis(1), () -> failing.completeExceptionally(cause));

        CompletionException e = assertThrows(CompletionException.class,
                () -> scheduler.runUntilDone(failing, Duration.ofSeconds(1)));
        assertSame(cause, e.getCause());
    }

    @Test
    void runUntilIdleStopsARunawayPeriodicTask() {
        scheduler.maxEventsPerRun(1_000);
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> scheduler.schedule(Duration.ofSeconds(1), tick[0]);
        scheduler.execute(tick[0]);

        IllegalStateException e = assertThrows(IllegalStateException.class, scheduler::runUntilIdle);
        assertTrue(e.getMessage().contains("periodic task"), e.getMessage());
        assertEquals(1_000, scheduler.eventsRun());
        assertEquals(999_000, scheduler.nowMillis());

        scheduler.runFor(Duration.ofSeconds(10));
        assertEquals(1_010, scheduler.eventsRun(), "runFor ends a periodic task's window normally");
        assertThrows(IllegalArgumentException.class, () -> scheduler.maxEventsPerRun(0));
    }

    @Test
    void aFailingTaskFailsTheDrivingCallLoudlyAndTheQueueStaysUsable() {
        IllegalArgumentException bug = new IllegalArgumentException("node bug");
        scheduler.schedule(Duration.ofMillis(1_234), () -> {
            throw bug;
        });
        scheduler.schedule(Duration.ofMillis(2_000), record("next"));

        IllegalStateException e = assertThrows(IllegalStateException.class, scheduler::runUntilIdle);
        assertSame(bug, e.getCause());
        assertTrue(e.getMessage().contains("virtual time 1,234 ms"), e.getMessage());

        scheduler.runUntilIdle();
        assertEquals(List.of("next@2000"), ran);
    }

    @Test
    void aTaskMayNotDriveTheScheduler() {
        scheduler.execute(scheduler::runNext);
        IllegalStateException e = assertThrows(IllegalStateException.class, scheduler::runNext);
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(cause.getMessage().contains("already being driven"), cause.getMessage());
    }

    @Test
    void aMillionEventsRunInOrder() {
        long[] last = {-1};
        long[] outOfOrder = {0};
        int count = 1_000_000;
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < count; i++) {
            scheduler.schedule(random.nextLong(1_000_000), () -> {
                if (scheduler.nowMillis() < last[0]) {
                    outOfOrder[0]++;
                }
                last[0] = scheduler.nowMillis();
            });
        }
        scheduler.runUntilIdle();
        assertEquals(count, scheduler.eventsRun());
        assertEquals(0, outOfOrder[0]);
    }
}
