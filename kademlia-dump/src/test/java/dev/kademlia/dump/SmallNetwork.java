package dev.kademlia.dump;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.testkit.sim.SimulatedCluster;
import dev.kademlia.testkit.sim.SimulatedNetwork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A small deterministic simulated network for dump tests: 12 nodes with k = 4 and alpha = 2, three keys put
 * from the first node and read from the last, all on virtual time, so the same seed gives the same dumps
 * to the byte.
 */
final class SmallNetwork implements AutoCloseable {

    static final long SEED = 20240605L;
    static final int NODES = 12;
    static final int K = 4;
    static final List<String> KEYS = List.of("alpha", "beta", "gamma");

    final SimulatedCluster cluster;

    SmallNetwork() {
        this(SEED);
    }

    SmallNetwork(long seed) {
        cluster = SimulatedCluster.start(new SimulatedNetwork(seed), NODES, builder -> builder
                .k(K)
                .alpha(2)
                .rpcTimeout(Duration.ofMillis(500)));
        for (String key : KEYS) {
            cluster.await(cluster.node(0).put(key, "value of " + key));
        }
        for (String key : KEYS) {
            cluster.await(cluster.node(NODES - 1).get(key));
        }
    }

    NodeDump node(int index) {
        return cluster.await(NodeDump.capture(cluster.node(index)));
    }

    List<NodeDump> nodes() {
        List<NodeDump> dumps = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            dumps.add(node(i));
        }
        return dumps;
    }

    /** The node whose id is farthest from {@code target}: its lookup of the target takes the most hops. */
    KademliaNode farthestFrom(Key target) {
        return cluster.liveNodes().stream().max(Comparator.comparing(n -> n.id().distanceTo(target))).orElseThrow();
    }

    /** A traced value lookup of the first key, from the node farthest from it. */
    LookupDump valueLookup() {
        Key target = Key.sha256(KEYS.get(0));
        return cluster.await(LookupDump.trace(farthestFrom(target), target, true));
    }

    /**
     * Crashes the node nearest to the first key, then traces a node lookup of that key from the node
     * farthest from it: the lookup asks the crashed node and records its failure.
     */
    LookupDump nodeLookupAfterCrash() {
        Key target = Key.sha256(KEYS.get(0));
        KademliaNode origin = farthestFrom(target);
        int nearest = 0;
        for (int i = 1; i < NODES; i++) {
            if (target.compareDistance(cluster.node(i).id(), cluster.node(nearest).id()) < 0) {
                nearest = i;
            }
        }
        cluster.crash(nearest);
        return cluster.await(LookupDump.trace(origin, target, false));
    }

    NetworkDump network() {
        return NetworkDump.of(nodes());
    }

    @Override
    public void close() {
        cluster.close();
    }
}
