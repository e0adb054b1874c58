package dev.kademlia.benchmarks.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.benchmarks.key.KeyInputs;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code closest(target, 20)} on a routing table: what a node computes for every FIND_NODE it answers and
 * at the start of every lookup. Ours ({@link ClosestAlgorithm#TABLE}) runs beside the naive reference
 * ({@link ClosestAlgorithm#SORT_ALL}) and a candidate improvement of ours
 * ({@link ClosestAlgorithm#BUCKET_SELECT}, which selects from a bucket rather than sorting it). The table
 * is {@link Population#grow(int)}, filled from a simulated network: with {@code k = 200} it holds
 * {@value Population#CONTACTS} contacts (the class comment of {@link Population} explains why a realistic
 * table of 2,000 contacts has large buckets), and with {@code k = 20} it holds the 264 contacts a table of
 * the paper's bucket size keeps from the same network. Ours reads each bucket's nearest contacts off a
 * crit-bit tree of its ids, so its cost follows the number of contacts returned, not the table size.
 * The mldht
 * benchmark {@code MldhtClosestBenchmark} queries the same contacts with the same targets.
 *
 * <p>Inputs: {@value KeyInputs#SIZE} seeded random targets, cycled with a masked index. {@code setUp}
 * checks that every algorithm returns the same contacts in the same order for every target.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar '\.ClosestBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClosestBenchmark {

    /** How many contacts a FIND_NODE answer carries: the paper's {@code k}. */
    public static final int N = 20;

    /** The bucket capacity of the table, which sets how many contacts it holds. */
    @Param({"200", "20"})
    int k;

    /** The algorithm under test. */
    @Param({"TABLE", "SORT_ALL", "BUCKET_SELECT"})
    ClosestAlgorithm algorithm;

    private Key[] targets;
    private ClosestQuery query;

    /** Per-thread position in the inputs. */
    @State(Scope.Thread)
    public static class ThreadState {
        int index;
    }

    /** Builds the table and checks the algorithms agree. */
    @Setup
    public void setUp() {
        Population population = Population.grow(k);
        if (k == Population.LARGE_K && population.table().size() != Population.CONTACTS) {
            throw new IllegalStateException("the k=" + k + " table holds " + population.table().size()
                    + " contacts; " + Population.CONTACTS + " were wanted");
        }
        targets = KeyInputs.random(6);
        ClosestQuery naive = ClosestAlgorithm.SORT_ALL.prepare(population);
        for (ClosestAlgorithm other : ClosestAlgorithm.values()) {
            ClosestQuery query = other.prepare(population);
            for (Key target : targets) {
                List<Contact> expected = naive.closest(target, N);
                if (expected.size() != N || !expected.equals(query.closest(target, N))) {
                    throw new IllegalStateException(other + ": closest(" + target + ", " + N
                            + ") disagrees with a full sort");
                }
            }
        }
        query = algorithm.prepare(population);
    }

    /**
     * The 20 contacts closest to one target.
     *
     * @param thread the position in the inputs
     * @return the contacts, nearest first
     */
    @Benchmark
    public List<Contact> closest(ThreadState thread) {
        return query.closest(targets[thread.index++ & KeyInputs.MASK], N);
    }
}
