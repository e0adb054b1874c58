package dev.kademlia.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.FindValueResult;
import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.core.Kademlia;
import dev.kademlia.testkit.sim.SimulatedCluster;
import dev.kademlia.testkit.sim.SimulatedNetwork;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node on a RocksDB store, in a simulated network, is stopped and started again on the same data
 * directory: it keeps its id, rejoins through its saved contacts without a bootstrap node, and serves the
 * values it held.
 */
class RocksDbNodeRestartTest {

    @TempDir
    Path dataDirectory;

    private KademliaNode start(SimulatedNetwork network, InetSocketAddress address, long seed,
            InetSocketAddress... bootstrap) {
        return Kademlia.builder()
                .scheduler(network.scheduler())
                .transport(network.transport(address))
                .random(new SplittableRandom(seed))
                .store("rocksdb")
                .dataDirectory(dataDirectory)
                .bootstrap(bootstrap)
                .build();
    }

    @Test
    void restartedNodeKeepsItsIdAndServesItsValues() {
        SimulatedNetwork network = new SimulatedNetwork(11);
        try (SimulatedCluster cluster = SimulatedCluster.start(network, 40, builder -> { })) {
            InetSocketAddress address = network.nextAddress();
            KademliaNode node = start(network, address, 1, cluster.node(0).contact().address());
            Key id = node.id();
            SplittableRandom random = new SplittableRandom(2);
            List<Key> keys = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Key key = id.randomInBucket(200, random); // next to the node: it is among the k closest
                cluster.await(cluster.node(i + 1).put(key, ("value-" + i).getBytes(StandardCharsets.UTF_8)));
                keys.add(key);
            }
            node.close(); // releases the RocksDB lock: the restart below would fail with LOCKED otherwise

            KademliaNode restarted = start(network, address, 3); // no bootstrap contact
            assertEquals(id, restarted.id(), "the node keeps its identity");
            KademliaNode asker = cluster.node(30);
            for (int i = 0; i < keys.size(); i++) {
                FindValueResult answer = cluster.await(asker.findValue(restarted.contact(), keys.get(i)));
                assertEquals(new FindValueResult.Value(("value-" + i).getBytes(StandardCharsets.UTF_8)), answer,
                        "the restarted node serves value " + i + " from disk");
            }
            // It rejoined through its saved contacts: its lookups reach the network.
            var lookup = cluster.await(restarted.lookupNodes(Key.random(random)));
            assertEquals(20, lookup.closest().size());
            assertTrue(cluster.await(asker.lookupNodes(id)).closest().stream().anyMatch(c -> c.id().equals(id)),
                    "the network knows the restarted node again");
            assertEquals(Optional.of("value-0"), cluster.await(asker.get(keys.get(0)))
                    .map(v -> new String(v, StandardCharsets.UTF_8)));
            restarted.close();
        }
    }
}
