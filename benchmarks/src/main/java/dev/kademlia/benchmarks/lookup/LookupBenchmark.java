package dev.kademlia.benchmarks.lookup;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupResult;
import dev.kademlia.testkit.sim.SimulatedCluster;
import dev.kademlia.testkit.sim.SimulatedNetwork;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A full iterative node lookup (k = 20, alpha = 3) in a simulated network of real nodes with zero
 * latency: the cost of the protocol code itself (lookup state machine, routing tables, codec, request
 * handling on every node it touches), without sockets. The network is built once per trial: {@code nodes}
 * nodes join one by one through the first.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LookupBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LookupBenchmark {

    private static final int TARGETS = 1 << 10;

    /** Network size. */
    @Param({"1000", "10000"})
    public int nodes;

    private SimulatedCluster cluster;
    private List<KademliaNode> members;
    private final Key[] targets = new Key[TARGETS];
    private final int[] origins = new int[TARGETS];
    private int next;

    /** Builds the network and the lookup inputs. */
    @Setup(Level.Trial)
    public void setUp() {
        SimulatedNetwork network = new SimulatedNetwork(2026);
        network.setLatency(0, 0);
        cluster = SimulatedCluster.start(network, nodes, builder -> { });
        members = cluster.nodes();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < TARGETS; i++) {
            targets[i] = Key.random(random);
            origins[i] = random.nextInt(nodes);
        }
        LookupResult check = cluster.await(members.get(0).lookupNodes(targets[0]));
        if (check.closest().size() != 20) {
            throw new IllegalStateException("a lookup found " + check.closest().size() + " nodes, not 20");
        }
    }

    /** Stops the nodes. */
    @TearDown(Level.Trial)
    public void tearDown() {
        cluster.close();
    }

    /**
     * One lookup from a node to a target, cycling through {@value #TARGETS} pairs.
     *
     * @return the lookup's result
     */
    @Benchmark
    public LookupResult lookup() {
        int i = next++ & (TARGETS - 1);
        return cluster.await(members.get(origins[i]).lookupNodes(targets[i]));
    }
}
