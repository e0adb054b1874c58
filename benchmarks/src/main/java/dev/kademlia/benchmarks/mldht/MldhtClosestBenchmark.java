package dev.kademlia.benchmarks.mldht;

import dev.kademlia.api.Contact;
import dev.kademlia.benchmarks.key.KeyInputs;
import dev.kademlia.benchmarks.routing.ClosestBenchmark;
import dev.kademlia.benchmarks.routing.Population;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import lbms.plugins.mldht.kad.KBucketEntry;
import lbms.plugins.mldht.kad.Key;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * mldht's FIND_NODE answer (bt-dht 1.9), beside {@code ClosestBenchmark}: a new
 * {@code KClosestNodesSearch} for the target, {@code fill()}ed from an mldht routing table that holds the
 * very contacts of our table for the same {@code k} ({@link Population#grow(int)}: 2,000 contacts for
 * {@code k = 200}, 264 for {@code k = 20}), queried with the same seeded targets. mldht's buckets hold at
 * most 8, so its table holds those contacts in prefix buckets of up to 8: 359 buckets for the 2,000
 * contacts, 48 for the 264 (see {@link MldhtTable} for how it is built and what is set by reflection).
 *
 * <p>What one operation is: construct the search, walk mldht's buckets in XOR order from the target's
 * bucket (a binary search of its prefix table for each non-adjacent step), stream each bucket's entries
 * through mldht's eligibility filter into a list until it holds 20, sort the last up-to-8 entries and cut
 * the overshoot, ask the server manager for a server to advertise (there is none), and return the
 * entries. Unlike ours, the result is not sorted by distance as a whole, only its last bucket: with
 * {@code sorted=true} the benchmark also sorts the 20 entries with mldht's own
 * {@code KBucketEntry.DistanceOrder}, for the figure comparable with ours, which returns them nearest
 * first.
 *
 * <p>{@code setUp} checks that mldht returns the same 20 contacts as our table for every target (as a
 * set, since mldht does not sort them), and that the sorted variant is in distance order.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MldhtClosestBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MldhtClosestBenchmark {

    /** The bucket capacity of our table, which sets which contacts both tables hold. */
    @Param({"200", "20"})
    int k;

    /** Whether to sort mldht's answer by distance, as ours comes. */
    @Param({"false", "true"})
    boolean sorted;

    private Key[] targets;
    private MldhtTable table;

    /** Per-thread position in the inputs. */
    @State(Scope.Thread)
    public static class ThreadState {
        int index;
    }

    /** Builds mldht's table from our table's contacts and checks it answers as ours does. */
    @Setup
    public void setUp() {
        Population population = Population.grow(k);
        List<Contact> contacts = population.contacts();
        table = MldhtTable.of(population.localId(), contacts);
        dev.kademlia.api.Key[] ourTargets = KeyInputs.random(6);
        targets = MldhtKeys.of(ourTargets);
        for (int i = 0; i < KeyInputs.SIZE; i++) {
            Set<Key> expected = new HashSet<>();
            for (Contact c : population.table().closest(ourTargets[i], ClosestBenchmark.N)) {
                expected.add(MldhtKeys.of(c.id()));
            }
            Set<Key> actual = new HashSet<>();
            for (KBucketEntry e : table.closest(targets[i], ClosestBenchmark.N)) {
                actual.add(e.getID());
            }
            List<KBucketEntry> inOrder = table.closestSorted(targets[i], ClosestBenchmark.N);
            boolean ordered = true;
            for (int j = 1; j < inOrder.size(); j++) {
                ordered &= targets[i].threeWayDistance(inOrder.get(j - 1).getID(), inOrder.get(j).getID()) < 0;
            }
            if (!expected.equals(actual) || !ordered) {
                throw new IllegalStateException("mldht's closest " + ClosestBenchmark.N + " to target " + i
                        + " differ from ours");
            }
        }
    }

    /**
     * The 20 entries closest to one target, by mldht, and then sorted if {@code sorted}.
     *
     * @param thread the position in the inputs
     * @return the entries
     */
    @Benchmark
    public List<KBucketEntry> closest(ThreadState thread) {
        Key target = targets[thread.index++ & KeyInputs.MASK];
        return sorted ? table.closestSorted(target, ClosestBenchmark.N) : table.closest(target, ClosestBenchmark.N);
    }
}
