package dev.kademlia.testkit.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scale scenario on a small network: deterministic for a seed, every get succeeds without faults, and
 * with loss and churn exactly the configured number of nodes is replaced and gets still succeed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleSimulationTest {

    private static final ScaleConfig SMALL = ScaleConfig.defaults(100).withOperations(10, 100).withSeed(42);

    private ScaleResult faultFree;
    private final List<String> progress = new ArrayList<>();

    @BeforeAll
    void runFaultFree() {
        long[] lastEvents = {0};
        faultFree = ScaleSimulation.run(SMALL, (phase, done, total, events, virtualMillis) -> {
            progress.add(phase + " " + done + "/" + total);
            assertTrue(events >= lastEvents[0], "events only grow");
            lastEvents[0] = events;
        });
    }

    @Test
    void sameSeedGivesTheSameOutcome() {
        ScaleResult again = ScaleSimulation.run(SMALL);
        assertEquals(faultFree.outcome(), again.outcome());
        assertEquals(faultFree.config(), again.config());
        ScaleResult otherSeed = ScaleSimulation.run(SMALL.withSeed(43));
        assertNotEquals(faultFree.outcome(), otherSeed.outcome(), "the seed decides ids, latencies and workload");
    }

    @Test
    void everyGetSucceedsWithoutFaults() {
        ScaleOutcome outcome = faultFree.outcome();
        assertEquals(100, outcome.gets());
        assertEquals(100, outcome.getsSucceeded());
        assertEquals(1.0, outcome.getSuccessRate());
        assertEquals(0, outcome.putsFailed());
        assertEquals(20, outcome.replicas().min(), "every put reaches k = 20 nodes");
        assertEquals(0, outcome.datagramsDropped());
        assertTrue(outcome.datagramsDelivered() <= outcome.datagramsSent(), "some may still be in flight");
        assertEquals(100, outcome.nodesStarted());
        assertEquals(100, outcome.liveAtEnd());
        assertEquals(0, outcome.nodesLeft());
    }

    @Test
    void lookupFiguresComeFromTheGetsThatWentToTheNetwork() {
        ScaleOutcome outcome = faultFree.outcome();
        assertEquals(outcome.gets() - outcome.localHits(), outcome.hops().count());
        assertEquals(outcome.hops().count(), outcome.rpcs().count());
        assertTrue(outcome.hops().min() >= 1, "a lookup that sent requests took at least one round");
        assertTrue(outcome.rpcs().min() >= outcome.hops().min());
        assertTrue(outcome.hops().median() <= 4, "rounds in a 100-node network: " + outcome.hops());
        assertTrue(outcome.events() > outcome.joinEvents());
        assertTrue(outcome.virtualMillis() > outcome.joinVirtualMillis());
    }

    @Test
    void costsAndProgressAreReported() {
        assertTrue(faultFree.costs().eventsPerSecond() > 0);
        assertFalse(faultFree.costs().processCpu().isNegative());
        assertTrue(faultFree.costs().totalWall().compareTo(faultFree.costs().joinWall()) >= 0);
        assertEquals("JOIN 5/100", progress.get(0));
        assertTrue(progress.contains("JOIN 100/100"), progress.toString());
        assertEquals("OPERATIONS 110/110", progress.get(progress.size() - 1));
    }

    @Test
    void churnReplacesTheConfiguredNumberOfNodesAndLossIsSurvived() {
        ScaleOutcome outcome = ScaleSimulation.run(SMALL.withFaults(0.1, 0.3)).outcome();
        assertEquals(30, outcome.nodesLeft());
        assertEquals(30, outcome.nodesJoinedLater());
        assertEquals(130, outcome.nodesStarted());
        assertEquals(100, outcome.liveAtEnd());
        assertTrue(outcome.datagramsDropped() > outcome.datagramsSent() / 20, "about a tenth is lost");
        assertTrue(outcome.getSuccessRate() >= ScaleTargets.MIN_SUCCESS_WITH_FAULTS,
                outcome.getsSucceeded() + " of " + outcome.gets());
    }
}
