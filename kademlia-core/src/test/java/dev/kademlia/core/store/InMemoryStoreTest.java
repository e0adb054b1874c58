package dev.kademlia.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.Providers;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoreOptions;
import dev.kademlia.api.spi.StoreProvider;
import dev.kademlia.api.spi.StoredValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What {@link InMemoryStore} adds to the store contract (which the test kit's {@code StoreContract}
 * checks): the entry limit, its messages, its closed state and its provider.
 */
class InMemoryStoreTest {

    private static StoredValue entry(int n, long expiresAt) {
        return new StoredValue(Key.sha256("key " + n), new byte[] {(byte) n}, expiresAt, 0, false);
    }

    @Test
    void rejectsNonPositiveLimits() {
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> new InMemoryStore(0));
        assertTrue(value.getMessage().contains("maxValueBytes must be positive; got 0"), value.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> new InMemoryStore(10, -1));
        assertTrue(count.getMessage().contains("maxEntries must be positive; got -1"), count.getMessage());
    }

    @Test
    void tooLargeValueMessageNamesSizeAndLimit() {
        try (InMemoryStore store = new InMemoryStore(1_200)) {
            StoreException e = assertThrows(StoreException.class, () -> store.put(
                    new StoredValue(Key.ZERO, new byte[70_000], StoredValue.NEVER, 0, true)));
            assertEquals(StoreException.Reason.VALUE_TOO_LARGE, e.reason());
            assertTrue(e.getMessage().contains("70,000 bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("the limit is 1,200"), e.getMessage());
            assertEquals(0, store.size());
        }
    }

    @Test
    void newKeyBeyondEntryLimitIsRefusedButOverwriteIsAllowed() {
        try (InMemoryStore store = new InMemoryStore(16, 2)) {
            assertEquals(2, store.maxEntries());
            store.put(entry(1, StoredValue.NEVER));
            store.put(entry(2, StoredValue.NEVER));

            StoreException e = assertThrows(StoreException.class, () -> store.put(entry(3, StoredValue.NEVER)));
            assertEquals(StoreException.Reason.FULL, e.reason());
            assertTrue(e.getMessage().contains("2 entries"), e.getMessage());
            assertEquals(Optional.empty(), store.get(entry(3, 0).key(), 0));

            StoredValue replacement = entry(2, 500).withRepublishedAt(7);
            store.put(replacement);
            assertEquals(Optional.of(replacement), store.get(replacement.key(), 0));
            assertEquals(2, store.size());

            assertTrue(store.remove(entry(1, 0).key()));
            store.put(entry(3, StoredValue.NEVER));
            assertEquals(2, store.size());
        }
    }

    @Test
    void expiredEntriesHoldTheirPlaceUntilRemoved() {
        try (InMemoryStore store = new InMemoryStore(16, 1)) {
            store.put(entry(1, 100));
            assertEquals(Optional.empty(), store.get(entry(1, 0).key(), 100));
            assertEquals(StoreException.Reason.FULL,
                    assertThrows(StoreException.class, () -> store.put(entry(2, StoredValue.NEVER))).reason());

            assertEquals(1, store.removeExpired(100));
            store.put(entry(2, StoredValue.NEVER));
            assertEquals(1, store.size());
        }
    }

    @Test
    void concurrentPutsNeverExceedTheEntryLimit() throws Exception {
        int limit = 100;
        int threads = 4;
        int perThread = 200;
        try (InMemoryStore store = new InMemoryStore(16, limit)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> accepted = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t * perThread;
                    accepted.add(pool.submit(() -> {
                        start.await();
                        int ok = 0;
                        for (int i = first; i < first + perThread; i++) {
                            try {
                                store.put(entry(i, StoredValue.NEVER));
                                ok++;
                            } catch (StoreException e) {
                                assertEquals(StoreException.Reason.FULL, e.reason());
                            }
                        }
                        return ok;
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> f : accepted) {
                    total += f.get(1, TimeUnit.MINUTES);
                }
                assertEquals(limit, total);
                assertEquals(limit, store.size());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void everyOperationAfterCloseFails() {
        InMemoryStore store = new InMemoryStore(16);
        store.put(entry(1, StoredValue.NEVER));
        store.close();
        store.close();
        List<Executable> operations = List.of(
                () -> store.put(entry(2, StoredValue.NEVER)),
                () -> store.get(Key.ZERO, 0),
                () -> store.remove(Key.ZERO),
                () -> store.forEach(0, e -> { }),
                () -> store.removeExpired(0),
                store::size);
        for (Executable operation : operations) {
            StoreException e = assertThrows(StoreException.class, operation);
            assertEquals(StoreException.Reason.BACKEND_FAILURE, e.reason());
            assertEquals("store is closed", e.getMessage());
        }
    }

    @Test
    void providerIsFoundByNameAndOpensFreshStores() {
        StoreProvider provider = Providers.store(InMemoryStoreProvider.NAME).orElseThrow();
        assertInstanceOf(InMemoryStoreProvider.class, provider);
        assertEquals("memory", provider.name());

        StoreOptions options = new StoreOptions(Optional.of(Path.of("ignored")), 64);
        try (Store first = provider.open(options); Store second = provider.open(options)) {
            InMemoryStore memory = assertInstanceOf(InMemoryStore.class, first);
            assertEquals(64, memory.maxValueBytes());
            assertEquals(InMemoryStore.UNLIMITED_ENTRIES, memory.maxEntries());
            first.put(entry(1, StoredValue.NEVER));
            assertEquals(1, first.size());
            assertEquals(0, second.size());
            assertFalse(second.get(entry(1, 0).key(), 0).isPresent());
        }
    }
}
