package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupResult;
import dev.kademlia.api.PutResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A 500-node network without faults: every value put from one node is found from every node, and node
 * lookups return exactly the true k closest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KademliaSimulationTest {

    private static final int NODES = 500;
    private static final int K = 20;

    private SimulatedCluster cluster;

    @BeforeAll
    void startNetwork() {
        cluster = SimulatedCluster.start(new SimulatedNetwork(20261126L), NODES, builder -> { });
    }

    @AfterAll
    void stopNetwork() {
        cluster.close();
    }

    @Test
    void everyGetAfterPutReturnsTheValueFromEveryNode() {
        SplittableRandom random = new SplittableRandom(1);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String key = "key-" + i;
            KademliaNode publisher = cluster.node(random.nextInt(NODES));
            PutResult put = cluster.await(publisher.put(key, "value-" + i));
            assertEquals(K, put.storedAt().size(), "a put reaches the k closest nodes");
            keys.add(key);
        }
        for (KademliaNode reader : cluster.nodes()) {
            for (int i = 0; i < keys.size(); i++) {
                Optional<String> value = cluster.await(reader.get(keys.get(i)));
                assertEquals(Optional.of("value-" + i), value, "get of " + keys.get(i) + " from " + reader.contact());
            }
        }
    }

    @Test
    void putStoresOnTheTrueClosestNodes() {
        Key key = Key.sha256("placement");
        PutResult put = cluster.await(cluster.node(7).put(key, new byte[] {1, 2, 3}));
        List<Key> storedAt = put.storedAt().stream().map(Contact::id).collect(Collectors.toList());
        assertEquals(cluster.trueClosest(key, K, null), storedAt);
    }

    @Test
    void lookupNodesFindsTheTrueKClosest() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 50; i++) {
            KademliaNode from = cluster.node(random.nextInt(NODES));
            Key target = Key.random(random);
            LookupResult result = cluster.await(from.lookupNodes(target));
            List<Key> found = result.closest().stream().map(Contact::id).collect(Collectors.toList());
            assertEquals(cluster.trueClosest(target, K, from.id()), found, "lookup " + i + " of " + target);
            assertTrue(result.stats().hops() >= 1);
        }
    }

    @Test
    void getOfAMissingKeyIsEmpty() {
        assertEquals(Optional.empty(), cluster.await(cluster.node(3).get("never stored")));
    }
}
