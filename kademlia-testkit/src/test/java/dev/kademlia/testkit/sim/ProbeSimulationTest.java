package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.core.node.DhtNode;
import dev.kademlia.core.routing.BucketView;
import dev.kademlia.core.routing.RoutingTable;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A node PINGs the least-recently seen contact of a full bucket only once that contact has been silent for
 * the builder's {@code probeAfter}; a dead one is then evicted and the newcomer takes its slot.
 */
class ProbeSimulationTest {

    private static final int NODES = 40;
    private static final int K = 3;
    private static final int FARTHEST = Key.BITS - 1;

    /** What became of the dead head and the newcomer in the observer's farthest bucket. */
    private record Outcome(boolean headKept, boolean newcomerEntered, boolean newcomerCached) {
    }

    private static Outcome newcomerAfterTheHeadDied(Duration probeAfter) {
        SimulatedNetwork network = new SimulatedNetwork(12);
        try (SimulatedCluster cluster = SimulatedCluster.start(network, NODES, builder -> builder
                .k(K)
                .probeAfter(probeAfter))) {
            int observerIndex = NODES - 1;
            DhtNode observer = (DhtNode) cluster.node(observerIndex);
            RoutingTable table = observer.routingTable();
            BucketView farthest = table.buckets().stream()
                    .filter(b -> b.index() == FARTHEST)
                    .findFirst()
                    .orElseThrow();
            assertEquals(K, farthest.entries().size(), "the observer's farthest bucket is full");
            Key head = farthest.entries().get(0).contact().id();
            for (int i = 0; i < cluster.nodes().size(); i++) {
                if (cluster.node(i).id().equals(head)) {
                    cluster.crash(i);
                }
            }
            network.scheduler().runFor(Duration.ofMinutes(2));

            Key newcomerId = observer.id().randomInBucket(FARTHEST, new SplittableRandom(13));
            KademliaNode newcomer = cluster.addNode(builder -> builder.nodeId(newcomerId));
            cluster.await(newcomer.ping(observer.contact().address()));
            network.scheduler().runFor(Duration.ofSeconds(10)); // any probe has answered or timed out

            return new Outcome(table.contains(head), table.contains(newcomerId), table.isCached(newcomerId));
        }
    }

    @Test
    void aHeadSilentLongerThanProbeAfterIsProbedAndTheDeadOneEvicted() {
        Outcome outcome = newcomerAfterTheHeadDied(Duration.ofMinutes(1));
        assertFalse(outcome.headKept(), "the dead head was probed and evicted");
        assertTrue(outcome.newcomerEntered(), "the newcomer took its slot");
    }

    @Test
    void aHeadSilentForLessThanProbeAfterIsNotProbedAndTheNewcomerWaits() {
        Outcome outcome = newcomerAfterTheHeadDied(Duration.ofMinutes(15));
        assertTrue(outcome.headKept(), "no probe yet: the dead head is still listed");
        assertTrue(outcome.newcomerCached(), "the newcomer waits in the replacement cache");
    }
}
