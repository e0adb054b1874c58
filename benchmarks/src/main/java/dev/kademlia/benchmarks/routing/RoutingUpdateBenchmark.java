package dev.kademlia.benchmarks.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.benchmarks.key.KeyInputs;
import dev.kademlia.core.routing.BucketView;
import dev.kademlia.core.routing.RoutingTable;
import dev.kademlia.core.routing.UpdateOutcome;
import java.util.List;
import java.util.SplittableRandom;
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
 * {@link RoutingTable#seen} on a full table: the update a node makes for every message it receives.
 *
 * <ul>
 *   <li>{@link #seenKnown}: a contact already in its bucket. The table finds the bucket, scans it for the
 *       id, moves the entry to the most-recently-seen end with a new {@code RoutingEntry}, and returns
 *       {@code Updated}.</li>
 *   <li>{@link #seenNew}: a new contact whose bucket is full. The table scans the bucket and its
 *       replacement cache, drops the cache's oldest contact, appends the newcomer and returns
 *       {@code Cached}, since the bucket's eviction probe started during the fill is still outstanding
 *       (nobody answers it here).</li>
 * </ul>
 *
 * <p>Beside them, {@link #naiveSeenKnown} and {@link #naiveSeenNew} run the same inputs through
 * {@link NaiveRoutingTable}, the original Rust crate's table (byte-array ids, a bit-by-bit bucket index, a
 * scan of the bucket comparing ids), holding the same contacts in the same order. Its newcomer to a full
 * bucket is simply dropped (no replacement cache), which is less work than ours does.
 *
 * <p>The table is {@link Population#grow(int)} with the {@code k} parameter, as in the {@code closest}
 * benchmarks: with {@code k = 20} it holds 264 contacts, the twelve farthest buckets full; with
 * {@code k = 200} it holds 2,000, the nine farthest full. Replacement caches hold {@code k} contacts, as
 * the table's javadoc recommends, and are full.
 *
 * <p>Inputs: {@value KeyInputs#SIZE} contacts of the table (repeating when it holds fewer), and
 * {@value KeyInputs#SIZE} seeded new contacts that all fall into full buckets; each is cycled with a
 * masked index. A new contact comes round again only after its bucket's cache has been refilled by
 * others, so it is new again every time.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RoutingUpdateBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingUpdateBenchmark {

    /** The bucket capacity (and replacement cache capacity). */
    @Param({"20", "200"})
    int k;

    private RoutingTable table;
    private NaiveRoutingTable naive;
    private Contact[] known;
    private Contact[] strangers;
    private byte[][] knownIds;
    private byte[][] strangerIds;

    /** Per-thread position in the inputs, and the clock passed to the table. */
    @State(Scope.Thread)
    public static class ThreadState {
        int index;
        long nowMillis = Population.NETWORK_SIZE;
    }

    /** Fills the table and picks the inputs. */
    @Setup
    public void setUp() {
        Population population = Population.grow(k);
        table = population.table();
        naive = new NaiveRoutingTable(population.localId(), k, population.contacts());
        if (naive.size() != table.size()) {
            throw new IllegalStateException("the naive table holds " + naive.size() + " contacts, ours "
                    + table.size());
        }
        SplittableRandom random = new SplittableRandom(7);

        List<Contact> present = population.contacts();
        known = new Contact[KeyInputs.SIZE];
        for (int i = 0; i < known.length; i++) {
            known[i] = present.get(random.nextInt(present.size()));
        }

        boolean[] full = new boolean[Key.BITS];
        for (BucketView bucket : table.buckets()) {
            full[bucket.index()] = bucket.entries().size() == k;
        }
        strangers = new Contact[KeyInputs.SIZE];
        for (int found = 0; found < strangers.length; ) {
            Key id = Key.random(random);
            int index = population.localId().bucketIndex(id);
            if (index >= 0 && full[index]) {
                strangers[found] = Population.contact(id, 11, found + 1);
                found++;
            }
        }
        knownIds = ids(known);
        strangerIds = ids(strangers);
    }

    private static byte[][] ids(Contact[] contacts) {
        byte[][] ids = new byte[contacts.length][];
        for (int i = 0; i < contacts.length; i++) {
            ids[i] = contacts[i].id().toBytes();
        }
        return ids;
    }

    /**
     * A message from a contact already in the table.
     *
     * @param thread the position in the inputs and the clock
     * @return {@code Updated}
     */
    @Benchmark
    public UpdateOutcome seenKnown(ThreadState thread) {
        return table.seen(known[thread.index++ & KeyInputs.MASK], thread.nowMillis++);
    }

    /**
     * A message from a new contact whose bucket is full.
     *
     * @param thread the position in the inputs and the clock
     * @return {@code Cached} (or {@code Pending} the first time a full bucket that never overflowed is hit)
     */
    @Benchmark
    public UpdateOutcome seenNew(ThreadState thread) {
        return table.seen(strangers[thread.index++ & KeyInputs.MASK], thread.nowMillis++);
    }

    /**
     * A message from a contact already in the table, in the naive table.
     *
     * @param thread the position in the inputs and the clock
     * @return {@code UPDATED}
     */
    @Benchmark
    public NaiveRoutingTable.Outcome naiveSeenKnown(ThreadState thread) {
        int i = thread.index++ & KeyInputs.MASK;
        return naive.seen(knownIds[i], known[i].address(), thread.nowMillis++);
    }

    /**
     * A message from a new contact whose bucket is full, in the naive table.
     *
     * @param thread the position in the inputs and the clock
     * @return {@code DROPPED}
     */
    @Benchmark
    public NaiveRoutingTable.Outcome naiveSeenNew(ThreadState thread) {
        int i = thread.index++ & KeyInputs.MASK;
        return naive.seen(strangerIds[i], strangers[i].address(), thread.nowMillis++);
    }
}
