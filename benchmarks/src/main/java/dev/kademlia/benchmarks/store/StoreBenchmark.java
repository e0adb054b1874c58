package dev.kademlia.benchmarks.store;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoredValue;
import dev.kademlia.core.store.InMemoryStore;
import dev.kademlia.store.rocksdb.RocksDbStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Put and get throughput of the stores: the in-memory reference ({@code memory}) beside the persistent
 * RocksDB store ({@code rocksdb}, default durability: WAL written, not synced), for small and large values.
 *
 * <p>The store is filled with {@value #KEYS} entries in {@link #setUp()}, so every get hits and every put
 * replaces an entry (for RocksDB: a read of the previous record, then one write batch of the entry and its
 * expiry index record). Keys and entries are prepared up front and cycled with a masked index, so the
 * figures measure the store, not the key generator. Run, from the repository root:
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar StoreBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 *
 * <p>Add {@code -t 4} for four threads, {@code -p store=rocksdb} or {@code -p valueBytes=1000} to narrow.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreBenchmark {

    /** Entries in the store and inputs cycled through; a power of two. */
    static final int KEYS = 1 << 14;

    private static final int MASK = KEYS - 1;

    /** The time every get is made at; no entry expires before it. */
    private static final long NOW = 1_000_000L;

    /** Which store: {@code memory} for {@link InMemoryStore}, {@code rocksdb} for {@link RocksDbStore}. */
    @Param({"memory", "rocksdb"})
    public String store;

    /** The length of every value, in bytes. */
    @Param({"100", "1000"})
    public int valueBytes;

    private Store target;
    private Path directory;
    private Key[] keys;
    private StoredValue[] entries;

    /** Creates the benchmark; JMH calls this. */
    public StoreBenchmark() {
    }

    /** Where each benchmark thread is in the cycle of inputs. */
    @State(Scope.Thread)
    public static class Cursor {

        /** The next input, masked on use. */
        int index;

        /** Creates the cursor; JMH calls this. */
        public Cursor() {
        }

        /** Starts each thread at a different place, so threads do not move in step over the same keys. */
        @Setup(Level.Trial)
        public void setUp() {
            index = new SplittableRandom().nextInt(KEYS);
        }
    }

    /**
     * Prepares the inputs and opens and fills the store.
     *
     * @throws IOException if the temporary directory cannot be created
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        keys = new Key[KEYS];
        entries = new StoredValue[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = Key.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
            byte[] value = new byte[valueBytes];
            random.nextBytes(value);
            entries[i] = new StoredValue(keys[i], value, NOW + 3_600_000L + i, NOW, i % 2 == 0);
        }
        switch (store) {
            case "memory":
                target = new InMemoryStore(valueBytes);
                break;
            case "rocksdb":
                directory = Files.createTempDirectory("store-benchmark");
                target = RocksDbStore.open(directory, valueBytes);
                break;
            default:
                throw new IllegalArgumentException("store must be memory or rocksdb; got " + store);
        }
        for (StoredValue entry : entries) {
            target.put(entry);
        }
    }

    /**
     * Closes the store and deletes its files.
     *
     * @throws IOException if the files cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        target.close();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(StoreBenchmark::delete);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one entry that is present.
     *
     * @param cursor this thread's place in the inputs
     * @return the entry read
     */
    @Benchmark
    public Optional<StoredValue> get(Cursor cursor) {
        return target.get(keys[cursor.index++ & MASK], NOW);
    }

    /**
     * Replaces one entry.
     *
     * @param cursor this thread's place in the inputs
     * @return the entry written
     */
    @Benchmark
    public StoredValue put(Cursor cursor) {
        StoredValue entry = entries[cursor.index++ & MASK];
        target.put(entry);
        return entry;
    }
}
