package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.ValueLookupResult;
import dev.kademlia.api.spi.StoredValue;
import dev.kademlia.core.node.DhtNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The paper's caching: a successful value lookup leaves a shorter-lived copy on its path. */
class CachingSimulationTest {

    @Test
    void valueLookupCachesACopyAtTheClosestNodeThatLackedIt() {
        SimulatedNetwork network = new SimulatedNetwork(51);
        // k = 5: few holders, so lookups from far away meet nodes that lack the value on their way.
        try (SimulatedCluster cluster = SimulatedCluster.start(network, 300, builder -> builder.k(5))) {
            Key key = Key.sha256("cached");
            cluster.await(cluster.node(0).put(key, new byte[] {42}));
            Map<Key, StoredValue> replicas = copies(cluster, key);
            long longest = replicas.values().stream().mapToLong(StoredValue::expiresAtMillis).max().orElseThrow();

            for (KademliaNode reader : cluster.nodes()) {
                ValueLookupResult result = cluster.await(reader.lookupValue(key));
                assertInstanceOf(ValueLookupResult.Found.class, result);
            }
            network.scheduler().runFor(Duration.ofSeconds(10)); // the last cache STOREs arrive

            Map<Key, StoredValue> cached = copies(cluster, key);
            cached.keySet().removeAll(replicas.keySet());
            assertTrue(cached.size() > 0, "value lookups left cached copies on their paths");
            for (StoredValue copy : cached.values()) {
                assertTrue(copy.expiresAtMillis() <= longest,
                        "a cached copy never outlives the replicas: " + copy + " vs " + longest);
                assertEquals(false, copy.originalPublisher());
            }
            assertTrue(cached.values().stream().anyMatch(c -> c.expiresAtMillis() < longest - 3_600_000),
                    "copies farther along the path live shorter");
        }
    }

    private static Map<Key, StoredValue> copies(SimulatedCluster cluster, Key key) {
        long now = cluster.network().scheduler().nowMillis();
        Map<Key, StoredValue> copies = new HashMap<>();
        for (KademliaNode node : cluster.liveNodes()) {
            ((DhtNode) node).store().get(key, now).ifPresent(v -> copies.put(node.id(), v));
        }
        return copies;
    }
}
