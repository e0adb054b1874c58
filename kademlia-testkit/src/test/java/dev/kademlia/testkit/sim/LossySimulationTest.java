package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupResult;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same 500-node network with 10% of all datagrams lost, in both directions: retransmission and the
 * lookup's tolerance of unresponsive peers keep every get successful and lookups on the true closest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LossySimulationTest {

    private static final int NODES = 500;
    private static final int K = 20;

    private SimulatedCluster cluster;

    @BeforeAll
    void startNetwork() {
        SimulatedNetwork network = new SimulatedNetwork(777L);
        network.setLoss(0.10);
        cluster = SimulatedCluster.start(network, NODES, builder -> { });
    }

    @AfterAll
    void stopNetwork() {
        cluster.close();
    }

    @Test
    void everyGetAfterPutReturnsTheValue() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10; i++) {
            cluster.await(cluster.node(random.nextInt(NODES)).put("lossy-" + i, "value-" + i));
        }
        for (KademliaNode reader : cluster.nodes()) {
            for (int i = 0; i < 10; i++) {
                assertEquals(Optional.of("value-" + i), cluster.await(reader.get("lossy-" + i)),
                        "get of lossy-" + i + " from " + reader.contact());
            }
        }
        assertTrue(cluster.network().datagramsDropped() > 0, "the network did lose datagrams");
    }

    /**
     * With loss, a true-closest node whose request and every retransmission were lost within the timeout is
     * legitimately missing from a result; lookups must still agree with the truth almost everywhere.
     */
    @Test
    void lookupNodesFindsTheTrueKClosest() {
        SplittableRandom random = new SplittableRandom(4);
        int lookups = 50;
        int exact = 0;
        for (int i = 0; i < lookups; i++) {
            KademliaNode from = cluster.node(random.nextInt(NODES));
            Key target = Key.random(random);
            LookupResult result = cluster.await(from.lookupNodes(target));
            List<Key> truth = cluster.trueClosest(target, K, from.id());
            List<Key> found = result.closest().stream().map(Contact::id).collect(Collectors.toList());
            Set<Key> overlap = new HashSet<>(found);
            overlap.retainAll(truth);
            assertTrue(overlap.size() >= K - 2, "lookup " + i + " found only " + overlap.size() + " of the true " + K);
            assertEquals(truth.get(0), found.get(0), "lookup " + i + " missed the closest node");
            if (found.equals(truth)) {
                exact++;
            }
        }
        assertTrue(exact >= lookups * 9 / 10, "only " + exact + " of " + lookups + " lookups were exact");
    }
}
