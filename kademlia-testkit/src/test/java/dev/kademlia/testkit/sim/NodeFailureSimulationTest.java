package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Nodes that crash while a lookup is asking them do not stall it. */
class NodeFailureSimulationTest {

    @Test
    void nodesDyingMidLookupDoNotStallIt() {
        SimulatedNetwork network = new SimulatedNetwork(99);
        network.setLatency(5, 5); // every hop takes 5 ms, so the crash below lands while requests are in flight
        try (SimulatedCluster cluster = SimulatedCluster.start(network, 200, builder -> builder.k(10))) {
            KademliaNode origin = cluster.node(17);
            Key target = Key.sha256("mid-lookup");
            List<Key> truth = cluster.trueClosest(target, 30, origin.id());

            CompletableFuture<LookupResult> lookup = origin.lookupNodes(target);
            network.scheduler().runFor(Duration.ofMillis(6)); // the first requests have arrived, no answer has
            List<Key> victims = truth.subList(0, 5);
            for (int i = 0; i < cluster.nodes().size(); i++) {
                if (victims.contains(cluster.node(i).id())) {
                    cluster.crash(i);
                }
            }
            LookupResult result = cluster.await(lookup);

            List<Key> found = result.closest().stream().map(Contact::id).collect(Collectors.toList());
            assertEquals(10, found.size(), "a full result of live nodes");
            assertTrue(found.stream().noneMatch(victims::contains), "no dead node reported live: " + found);
            assertEquals(truth.get(5), found.get(0), "the closest live node is found");
            // Peers keep returning the dead nodes they have not yet noticed, which hides a few live ones
            // further out: most, not all, of the ten closest live nodes are found.
            long overlap = found.stream().filter(truth.subList(5, 15)::contains).count();
            assertTrue(overlap >= 8, "only " + overlap + " of the ten closest live nodes found: " + found);
            assertTrue(result.stats().timeouts() > 0, "some victims were asked and never answered");
        }
    }
}
