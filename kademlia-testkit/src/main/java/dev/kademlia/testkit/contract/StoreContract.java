package dev.kademlia.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoredValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} must have, written once and run against each provider. A provider's
 * tests subclass this and implement {@link #newStore(int)}:
 *
 * <pre>{@code
 * class RocksDbStoreContractTest extends StoreContract {
 *     @TempDir Path directory;
 *     private int opened;
 *
 *     @Override
 *     protected Store newStore(int maxValueBytes) {
 *         return new RocksDbStoreProvider().open(new StoreOptions(
 *                 Optional.of(directory.resolve("store-" + opened++)), maxValueBytes));
 *     }
 * }
 * }</pre>
 *
 * <p>Every store a test opens is closed after it, whatever the outcome. The test methods are public so
 * that JUnit can run them from a subclass in another module.
 */
public abstract class StoreContract {

    /** The value size limit the tests open stores with, unless a test is about the limit itself. */
    protected static final int MAX_VALUE_BYTES = 1_000;

    private final List<Store> opened = new ArrayList<>();

    /** For subclasses. */
    protected StoreContract() {
    }

    /**
     * Opens a new, empty store. Called once or more per test; each call must return a store that shares
     * nothing with the others (a disk store uses a fresh directory each time, for example under a JUnit
     * {@code @TempDir}).
     *
     * @param maxValueBytes the largest value the store must accept; it refuses anything longer
     * @return the store, open and empty; the contract closes it
     * @throws Exception if the store cannot be opened, which fails the test
     */
    protected abstract Store newStore(int maxValueBytes) throws Exception;

    /**
     * Opens a store through {@link #newStore(int)}, checks it is empty, and registers it to be closed
     * after the test.
     *
     * @param maxValueBytes the value size limit
     * @return the store
     * @throws Exception if {@link #newStore(int)} fails
     */
    protected final Store open(int maxValueBytes) throws Exception {
        Store store = newStore(maxValueBytes);
        assertNotNull(store, "newStore returned null");
        opened.add(store);
        assertEquals(0, store.size(), "newStore must return an empty store");
        return store;
    }

    /** Closes every store the test opened. */
    @AfterEach
    public final void closeOpenedStores() {
        for (Store store : opened) {
            store.close();
        }
        opened.clear();
    }

    private static Key key(String name) {
        return Key.sha256(name);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static StoredValue entry(String name, String value, long expiresAt) {
        return new StoredValue(key(name), bytes(value), expiresAt, 0, false);
    }

    /**
     * A stored entry comes back with every field intact.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void putThenGetReturnsTheEntry() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        StoredValue written = new StoredValue(key("a"), bytes("alpha"), 5_000, 1_234, false);
        store.put(written);

        StoredValue read = store.get(written.key(), 0).orElseThrow();
        assertEquals(written, read);
        assertArrayEquals(bytes("alpha"), read.value());
        assertEquals(1, store.size());
    }

    /**
     * A second put for the same key replaces the first, expired or not.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void putReplacesTheEntryForTheSameKey() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        store.put(entry("a", "first", StoredValue.NEVER));
        StoredValue second = new StoredValue(key("a"), bytes("second, longer"), 9_000, 42, true);
        store.put(second);

        assertEquals(Optional.of(second), store.get(key("a"), 0));
        assertEquals(1, store.size());

        store.put(entry("b", "stale", 10));
        assertEquals(Optional.empty(), store.get(key("b"), 20));
        StoredValue fresh = entry("b", "fresh", StoredValue.NEVER);
        store.put(fresh);
        assertEquals(Optional.of(fresh), store.get(key("b"), 20), "a put over an expired entry revives the key");
        assertEquals(2, store.size());
    }

    /**
     * A key never put, or put and removed, is absent; other keys do not shadow it.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void getOfAbsentKeyIsEmpty() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        assertEquals(Optional.empty(), store.get(key("missing"), 0));
        store.put(entry("present", "value", StoredValue.NEVER));
        assertEquals(Optional.empty(), store.get(key("missing"), 0));
        assertTrue(store.get(key("present"), 0).isPresent());
    }

    /**
     * Remove deletes the entry and reports whether there was one, expired or not.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void removeDeletesAndReportsWhetherItDid() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        store.put(entry("a", "alpha", StoredValue.NEVER));
        store.put(entry("b", "beta", 100));

        assertTrue(store.remove(key("a")));
        assertEquals(Optional.empty(), store.get(key("a"), 0));
        assertFalse(store.remove(key("a")), "a second remove finds nothing");
        assertFalse(store.remove(key("never put")));
        assertTrue(store.remove(key("b")), "an expired entry is still removed");
        assertEquals(0, store.size());
    }

    /**
     * An entry is visible before its expiry time and invisible from that very millisecond, while still
     * held until swept.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void entryIsInvisibleFromItsExpiryTime() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        StoredValue written = entry("a", "alpha", 1_000);
        store.put(written);

        assertEquals(Optional.of(written), store.get(key("a"), 999));
        assertEquals(Optional.empty(), store.get(key("a"), 1_000));
        assertEquals(Optional.empty(), store.get(key("a"), 1_001));
        assertEquals(1, store.size(), "expired entries are held until removeExpired");
    }

    /**
     * An entry expiring {@link StoredValue#NEVER} is visible at any time a clock can show and survives
     * every sweep.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void neverExpiringEntryStaysVisible() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        StoredValue written = entry("a", "alpha", StoredValue.NEVER);
        store.put(written);

        long farFuture = Long.MAX_VALUE - 1;
        assertEquals(Optional.of(written), store.get(key("a"), farFuture));
        assertEquals(0, store.removeExpired(farFuture));
        assertEquals(1, store.size());
    }

    /**
     * forEach visits each unexpired entry once and skips expired ones.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void forEachVisitsExactlyTheUnexpiredEntries() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        Map<Key, StoredValue> live = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            StoredValue e = entry("key " + i, "value " + i, i % 2 == 0 ? 500 : StoredValue.NEVER);
            store.put(e);
            if (i % 2 == 1) {
                live.put(e.key(), e);
            }
        }
        store.put(entry("expired long ago", "old", 1));
        store.put(entry("expires now", "now", 1_000));

        List<StoredValue> visited = new ArrayList<>();
        store.forEach(1_000, visited::add);

        assertEquals(live.size(), visited.size(), "each unexpired entry once");
        Map<Key, StoredValue> seen = new HashMap<>();
        for (StoredValue e : visited) {
            seen.put(e.key(), e);
        }
        assertEquals(live, seen);

        List<StoredValue> early = new ArrayList<>();
        store.forEach(0, early::add);
        assertEquals(52, early.size(), "before any expiry every entry is visited");
    }

    /**
     * removeExpired removes exactly the entries expired at the given time, reports how many, and the size
     * drops by as many.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void valueBytesFollowsPutsOverwritesRemovalsAndSweeps() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        assertEquals(0, store.valueBytes());
        store.put(entry("a", "x".repeat(100), StoredValue.NEVER));
        store.put(entry("b", "y".repeat(50), 100));
        assertEquals(150, store.valueBytes());
        store.put(entry("a", "z".repeat(30), StoredValue.NEVER));
        assertEquals(80, store.valueBytes(), "an overwrite counts the new value only");
        store.put(entry("c", "", StoredValue.NEVER));
        assertEquals(80, store.valueBytes(), "an empty value counts nothing");
        assertEquals(1, store.removeExpired(100));
        assertEquals(30, store.valueBytes(), "a sweep gives the bytes back");
        assertTrue(store.remove(key("a")));
        assertFalse(store.remove(key("a")));
        assertEquals(0, store.valueBytes());
    }

    @Test
    public void removeExpiredReturnsTheCountAndShrinksTheStore() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        store.put(entry("a", "1", 100));
        store.put(entry("b", "2", 100));
        store.put(entry("c", "3", 200));
        store.put(entry("d", "4", StoredValue.NEVER));
        assertEquals(4, store.size());

        assertEquals(0, store.removeExpired(99));
        assertEquals(4, store.size());
        assertEquals(2, store.removeExpired(150));
        assertEquals(2, store.size());
        assertFalse(store.remove(key("a")), "swept entries are gone");
        assertEquals(1, store.removeExpired(200), "an entry expiring exactly now is swept");
        assertEquals(0, store.removeExpired(200));
        assertEquals(1, store.size());
        assertTrue(store.get(key("d"), 200).isPresent());
    }

    /**
     * Values from empty up to the limit are accepted and read back byte for byte; one byte more is refused
     * with {@link StoreException.Reason#VALUE_TOO_LARGE}, leaving the store as it was. Checked for several
     * limits, so the store must honour the limit it was opened with.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void valuesUpToTheLimitAreAcceptedAndOneByteMoreIsRefused() throws Exception {
        for (int limit : new int[] {1, 100, MAX_VALUE_BYTES}) {
            Store store = open(limit);
            byte[] largest = new byte[limit];
            for (int i = 0; i < limit; i++) {
                largest[i] = (byte) (i * 31 + 7);
            }
            store.put(new StoredValue(key("empty"), new byte[0], StoredValue.NEVER, 0, false));
            store.put(new StoredValue(key("largest"), largest, StoredValue.NEVER, 0, false));
            assertArrayEquals(new byte[0], store.get(key("empty"), 0).orElseThrow().value());
            assertArrayEquals(largest, store.get(key("largest"), 0).orElseThrow().value());

            StoredValue tooLarge = new StoredValue(key("largest"), new byte[limit + 1], StoredValue.NEVER, 0, false);
            StoreException e = assertThrows(StoreException.class, () -> store.put(tooLarge),
                    "a value of " + (limit + 1) + " bytes with a limit of " + limit);
            assertEquals(StoreException.Reason.VALUE_TOO_LARGE, e.reason());
            assertArrayEquals(largest, store.get(key("largest"), 0).orElseThrow().value(),
                    "a refused put leaves the previous entry");
            StoredValue tooLargeNew = new StoredValue(key("new"), new byte[limit + 1], StoredValue.NEVER, 0, false);
            assertThrows(StoreException.class, () -> store.put(tooLargeNew));
            assertEquals(Optional.empty(), store.get(key("new"), 0));
            assertEquals(2, store.size());
        }
    }

    /**
     * The original-publisher flag and the republish time are stored, not defaulted: both flag values and
     * extreme times come back as written.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void publisherFlagAndRepublishTimeSurviveARoundTrip() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        List<StoredValue> written = List.of(
                new StoredValue(key("own"), bytes("mine"), StoredValue.NEVER, 86_400_000L, true),
                new StoredValue(key("replica"), bytes("theirs"), 7_200_000L, 3_600_000L, false),
                new StoredValue(key("old clock"), bytes("x"), 10, -5, true),
                new StoredValue(key("late clock"), bytes("y"), StoredValue.NEVER, Long.MAX_VALUE - 1, false));
        for (StoredValue e : written) {
            store.put(e);
        }
        for (StoredValue e : written) {
            StoredValue read = store.get(e.key(), 0).orElseThrow();
            assertEquals(e.originalPublisher(), read.originalPublisher(), e.toString());
            assertEquals(e.republishedAtMillis(), read.republishedAtMillis(), e.toString());
            assertEquals(e.expiresAtMillis(), read.expiresAtMillis(), e.toString());
            assertEquals(e, read);
        }
    }

    /**
     * Republishing (a put of {@link StoredValue#withRepublishedAt}) updates the republish time and keeps
     * everything else.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void republishingUpdatesOnlyTheRepublishTime() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        StoredValue original = new StoredValue(key("a"), bytes("alpha"), 90_000, 1_000, true);
        store.put(original);

        store.put(store.get(key("a"), 2_000).orElseThrow().withRepublishedAt(2_000));

        StoredValue read = store.get(key("a"), 2_000).orElseThrow();
        assertEquals(2_000, read.republishedAtMillis());
        assertEquals(original.withRepublishedAt(2_000), read);
        assertEquals(1, store.size());
    }

    /**
     * Keys that differ in a single bit, and the extreme keys, are kept apart: a store that encodes keys
     * (a disk store) must not lose or merge bits.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void keysDifferingInOneBitAreKeptApart() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        List<Key> keys = new ArrayList<>();
        keys.add(Key.ZERO);
        keys.add(Key.ofWords(-1, -1, -1, -1));
        for (int bit = 0; bit < Key.BITS; bit++) {
            long word = 1L << (bit % 64);
            int index = 3 - bit / 64;
            keys.add(Key.ofWords(index == 0 ? word : 0, index == 1 ? word : 0, index == 2 ? word : 0,
                    index == 3 ? word : 0));
        }
        for (int i = 0; i < keys.size(); i++) {
            store.put(new StoredValue(keys.get(i), bytes("value " + i), StoredValue.NEVER, i, false));
        }
        assertEquals(keys.size(), store.size());
        for (int i = 0; i < keys.size(); i++) {
            StoredValue read = store.get(keys.get(i), 0).orElseThrow();
            assertEquals(keys.get(i), read.key());
            assertArrayEquals(bytes("value " + i), read.value());
        }
        Set<Key> visited = new HashSet<>();
        store.forEach(0, e -> visited.add(e.key()));
        assertEquals(new HashSet<>(keys), visited);
    }

    /**
     * Several threads put distinct and shared keys at once while another reads: afterwards every key
     * holds one of the values written for it, and nothing is lost or duplicated.
     *
     * @throws Exception if the store fails or a thread does
     */
    @Test
    public void concurrentWritersLeaveOneWrittenValuePerKey() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        int writers = 4;
        int ownKeys = 200;
        int sharedKeys = 50;
        int rounds = 3;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                        for (int i = 0; i < ownKeys; i++) {
                            store.put(entry("own " + writer + " " + i, writer + ":" + r + ":" + i,
                                    StoredValue.NEVER));
                            if (i < sharedKeys) {
                                store.put(entry("shared " + i, writer + ":" + r + ":" + i, StoredValue.NEVER));
                            }
                        }
                    }
                    return null;
                }));
            }
            tasks.add(pool.submit(() -> {
                start.await();
                for (int r = 0; r < rounds * 10; r++) {
                    for (int i = 0; i < sharedKeys; i++) {
                        Optional<StoredValue> seen = store.get(key("shared " + i), 0);
                        if (seen.isPresent()) {
                            assertSharedValue(seen.get(), i, writers, rounds);
                        }
                    }
                }
                return null;
            }));
            start.countDown();
            for (Future<?> task : tasks) {
                task.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals((long) writers * ownKeys + sharedKeys, store.size());
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < ownKeys; i++) {
                assertArrayEquals(bytes(w + ":" + (rounds - 1) + ":" + i),
                        store.get(key("own " + w + " " + i), 0).orElseThrow().value(),
                        "a key written by one thread holds its last write");
            }
        }
        for (int i = 0; i < sharedKeys; i++) {
            assertSharedValue(store.get(key("shared " + i), 0).orElseThrow(), i, writers, rounds);
        }
        int[] visited = new int[1];
        store.forEach(0, e -> visited[0]++);
        assertEquals(writers * ownKeys + sharedKeys, visited[0]);
    }

    private static void assertSharedValue(StoredValue entry, int index, int writers, int rounds) {
        Set<String> written = new HashSet<>();
        for (int w = 0; w < writers; w++) {
            for (int r = 0; r < rounds; r++) {
                written.add(w + ":" + r + ":" + index);
            }
        }
        String value = new String(entry.value(), StandardCharsets.UTF_8);
        assertTrue(written.contains(value), "shared key " + index + " holds \"" + value
                + "\", which no writer wrote; expected one of " + written);
        assertEquals(key("shared " + index), entry.key());
    }

    /**
     * Close may be called more than once, and a closed store refuses work with
     * {@link StoreException.Reason#BACKEND_FAILURE} rather than failing some other way.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void closeIsIdempotentAndAClosedStoreRefusesWork() throws Exception {
        Store store = open(MAX_VALUE_BYTES);
        store.put(entry("a", "alpha", StoredValue.NEVER));
        store.close();
        assertDoesNotThrow(store::close);

        StoreException put = assertThrows(StoreException.class,
                () -> store.put(entry("b", "beta", StoredValue.NEVER)));
        assertEquals(StoreException.Reason.BACKEND_FAILURE, put.reason());
        StoreException get = assertThrows(StoreException.class, () -> store.get(key("a"), 0));
        assertEquals(StoreException.Reason.BACKEND_FAILURE, get.reason());
    }

    /**
     * Stores opened by separate calls of {@link #newStore(int)} share nothing.
     *
     * @throws Exception if the store fails
     */
    @Test
    public void separateStoresAreIndependent() throws Exception {
        Store first = open(MAX_VALUE_BYTES);
        Store second = open(MAX_VALUE_BYTES);
        first.put(entry("a", "in first", StoredValue.NEVER));
        second.put(entry("a", "in second", StoredValue.NEVER));
        second.put(entry("b", "only in second", StoredValue.NEVER));

        assertArrayEquals(bytes("in first"), first.get(key("a"), 0).orElseThrow().value());
        assertEquals(Optional.empty(), first.get(key("b"), 0));
        assertEquals(1, first.size());
        assertEquals(2, second.size());
    }
}
