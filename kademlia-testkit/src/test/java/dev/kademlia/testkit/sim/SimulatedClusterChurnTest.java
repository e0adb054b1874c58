package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.KademliaNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Nodes leave and join a running cluster; new nodes join through the first node still live. */
class SimulatedClusterChurnTest {

    @Test
    void crashedNodesAreNotLiveAndNewNodesJoinThroughTheFirstLiveOne() {
        try (SimulatedCluster cluster = SimulatedCluster.start(new SimulatedNetwork(5), 6, builder -> { })) {
            assertEquals(6, cluster.liveCount());
            assertEquals(0, cluster.bootstrapIndex());

            cluster.crash(0);
            cluster.crash(3);
            assertFalse(cluster.isLive(0));
            assertFalse(cluster.isLive(3));
            assertTrue(cluster.isLive(1));
            assertEquals(4, cluster.liveCount());
            assertEquals(cluster.liveNodes().size(), cluster.liveCount());
            assertEquals(1, cluster.bootstrapIndex());

            KademliaNode joiner = cluster.addNode();
            assertEquals(5, cluster.liveCount());
            assertTrue(cluster.isLive(6));
            cluster.await(cluster.node(2).put("churn", "survives"));
            assertEquals(Optional.of("survives"), cluster.await(joiner.get("churn")));
        }
    }

    @Test
    void aClusterWithEveryNodeCrashedHasNoBootstrapNode() {
        try (SimulatedCluster cluster = SimulatedCluster.start(new SimulatedNetwork(6), 2, builder -> { })) {
            cluster.crash(0);
            cluster.crash(1);
            assertEquals(0, cluster.liveCount());
            assertEquals(-1, cluster.bootstrapIndex());
        }
    }
}
