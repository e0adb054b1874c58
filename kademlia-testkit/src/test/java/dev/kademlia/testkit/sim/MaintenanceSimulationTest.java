package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.core.node.DhtNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Expiry, republishing, replication on join and bucket refresh, in virtual time. */
class MaintenanceSimulationTest {

    private static final int NODES = 150;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The live nodes whose store holds {@code key} now. */
    private static List<KademliaNode> holders(SimulatedCluster cluster, Key key) {
        long now = cluster.network().scheduler().nowMillis();
        return cluster.liveNodes().stream()
                .filter(n -> ((DhtNode) n).store().get(key, now).isPresent())
                .collect(Collectors.toList());
    }

    @Test
    void valueSurvivesTheDepartureOfAllButOneHolder() {
        SimulatedNetwork network = new SimulatedNetwork(31);
        try (SimulatedCluster cluster = SimulatedCluster.start(network, NODES, builder -> builder
                .republishInterval(Duration.ofMinutes(10))
                .refreshInterval(Duration.ofMinutes(15)))) {
            Key key = Key.sha256("survivor");
            KademliaNode publisher = cluster.node(0);
            cluster.await(publisher.put(key, utf8("alive")));
            List<KademliaNode> holders = holders(cluster, key);
            assertTrue(holders.size() >= 20, "stored on the k closest: " + holders.size());
            // Everyone who holds it leaves, except one replica holder (the publisher, which keeps its own
            // copy, leaves too).
            KademliaNode last = holders.stream().filter(n -> n != publisher).findFirst().orElseThrow();
            for (int i = 0; i < cluster.nodes().size(); i++) {
                KademliaNode node = cluster.node(i);
                if (node != last && holders.contains(node)) {
                    cluster.crash(i);
                }
            }
            assertEquals(List.of(last), holders(cluster, key));

            // The first republish reaches few nodes: the live nodes' tables still list the departed holders
            // as the closest, and replies carry only k contacts. Lookups and bucket refreshes find the dead
            // contacts out within a refresh period; the republishes after that reach the new k closest.
            network.scheduler().runFor(Duration.ofMinutes(45));

            assertTrue(holders(cluster, key).size() >= 20,
                    "republished onto the k closest live nodes: " + holders(cluster, key).size());
            SplittableRandom random = new SplittableRandom(1);
            List<KademliaNode> live = cluster.liveNodes();
            for (int i = 0; i < 20; i++) {
                KademliaNode reader = live.get(random.nextInt(live.size()));
                assertEquals(Optional.of("alive"), cluster.await(reader.get(key))
                        .map(v -> new String(v, StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void nodeJoiningNextToAKeyReceivesIt() {
        SimulatedNetwork network = new SimulatedNetwork(32);
        try (SimulatedCluster cluster = SimulatedCluster.start(network, NODES, builder -> { })) {
            Key key = Key.sha256("neighbourhood");
            cluster.await(cluster.node(5).put(key, utf8("moved in")));
            KademliaNode newcomer = cluster.addNode(builder ->
                    builder.nodeId(key.randomInBucket(8, new SplittableRandom(2)))); // closer than anyone
            network.scheduler().runFor(Duration.ofSeconds(30)); // the holders' STOREs arrive
            long now = network.scheduler().nowMillis();
            assertEquals(Optional.of("moved in"), ((DhtNode) newcomer).store().get(key, now)
                    .map(v -> new String(v.value(), StandardCharsets.UTF_8)),
                    "the holders replicated the value to the new closest node");
        }
    }

    @Test
    void expiredValuesDisappearEverywhereDespiteRepublishing() {
        SimulatedNetwork network = new SimulatedNetwork(33);
        try (SimulatedCluster cluster = SimulatedCluster.start(network, NODES, builder -> builder
                .valueTtl(Duration.ofMinutes(30))
                .republishInterval(Duration.ofMinutes(5)))) { // replicas republish six times in its life
            Key key = Key.sha256("ephemeral");
            cluster.await(cluster.node(9).put(key, utf8("soon gone")));
            network.scheduler().runFor(Duration.ofMinutes(20));
            assertTrue(holders(cluster, key).size() >= 20, "alive within its lifetime");
            assertEquals(Optional.of("soon gone"), cluster.await(cluster.node(100).get(key))
                    .map(v -> new String(v, StandardCharsets.UTF_8)));

            network.scheduler().runFor(Duration.ofMinutes(11)); // past the 30 minutes

            assertEquals(List.of(), holders(cluster, key), "republishing carries the remaining lifetime only");
            assertEquals(Optional.empty(), cluster.await(cluster.node(100).get(key)));
        }
    }

    @Test
    void bucketRefreshRepopulatesATableAfterHalfTheNetworkChanged() {
        SimulatedNetwork network = new SimulatedNetwork(34);
        try (SimulatedCluster cluster = SimulatedCluster.start(network, NODES,
                builder -> builder.refreshInterval(Duration.ofMinutes(20)))) {
            DhtNode observer = (DhtNode) cluster.node(1);
            // The observer is cut off while half the network leaves and as many new nodes join, so it
            // hears of none of the changes; only its bucket refreshes can bring it up to date.
            network.isolate(observer.contact().address());
            for (int i = 2; i < NODES; i += 2) {
                cluster.crash(i);
            }
            for (int i = 0; i < NODES / 2; i++) {
                cluster.addNode();
            }
            Set<Key> live = cluster.liveNodes().stream().map(KademliaNode::id).collect(Collectors.toSet());
            network.reconnect(observer.contact().address());
            List<Contact> before = observer.routingTable().contacts();
            long deadBefore = before.stream().filter(c -> !live.contains(c.id())).count();

            network.scheduler().runFor(Duration.ofMinutes(45)); // every bucket idles past 20 minutes, twice

            List<Contact> after = observer.routingTable().contacts();
            long deadAfter = after.stream().filter(c -> !live.contains(c.id())).count();
            assertTrue(deadBefore > 0, "the departures left dead contacts behind");
            assertEquals(0, deadAfter, "refresh lookups found the dead contacts out");
            assertTrue(after.size() - deadAfter > before.size() - deadBefore,
                    "live contacts took their place: " + (before.size() - deadBefore) + " -> " + after.size());
            int fresh = ((DhtNode) cluster.addNode()).routingTable().size();
            assertTrue(after.size() >= fresh * 9 / 10,
                    "as full as a newly joined node's table: " + after.size() + " vs " + fresh);
        }
    }
}
