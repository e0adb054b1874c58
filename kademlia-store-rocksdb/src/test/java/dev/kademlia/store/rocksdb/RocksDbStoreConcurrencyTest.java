package dev.kademlia.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.StoredValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent puts, removes, sweeps and a close keep the count and the expiry index exact. */
class RocksDbStoreConcurrencyTest {

    @TempDir
    Path directory;

    @Test
    void concurrentPutsRemovesAndSweepsKeepTheCountAndIndexExact() throws Exception {
        int threads = 4;
        int operations = 1_500;
        int keys = 64; // few keys, so threads collide on them
        try (RocksDbStore store = RocksDbStore.open(directory, 100)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> tasks = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long seed = t;
                    tasks.add(pool.submit(() -> {
                        Random random = new Random(seed);
                        start.await();
                        for (int i = 0; i < operations; i++) {
                            Key key = Key.sha256("key " + random.nextInt(keys));
                            if (random.nextInt(5) == 0) {
                                store.remove(key);
                            } else {
                                long expiresAt = random.nextBoolean() ? StoredValue.NEVER : random.nextInt(200);
                                store.put(new StoredValue(key, new byte[] {(byte) i}, expiresAt, i, false));
                            }
                        }
                        return null;
                    }));
                }
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        store.removeExpired(50);
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

            Set<Key> present = new HashSet<>();
            store.forEach(Long.MIN_VALUE, e -> present.add(e.key()));
            assertEquals(present.size(), store.size(), "the in-memory count matches the entries held");
        }
        long stored;
        long indexed;
        try (RawDatabase raw = new RawDatabase(directory)) {
            stored = raw.keys(StoreDatabase.VALUES).size();
            indexed = raw.keys(StoreDatabase.EXPIRY).size();
        }
        assertEquals(stored, indexed, "one index record per entry");
        try (RocksDbStore store = RocksDbStore.open(directory, 100)) {
            assertEquals(stored, store.size());
            long expired = store.removeExpired(199);
            assertEquals(stored - expired, store.size());
        }
    }

    @Test
    void closeWaitsForCallsInProgressAndLaterCallsFailCleanly() throws Exception {
        RocksDbStore store = RocksDbStore.open(directory, 100);
        for (int i = 0; i < 100; i++) {
            store.put(new StoredValue(Key.sha256("k" + i), new byte[] {1}, StoredValue.NEVER, 0, false));
        }
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> visiting = pool.submit(() -> {
                int[] seen = new int[1];
                store.forEach(0, e -> {
                    if (seen[0]++ == 0) {
                        inside.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
                return seen[0];
            });
            inside.await();
            Thread closer = new Thread(store::close);
            closer.start();
            release.countDown();
            closer.join();
            assertEquals(100, visiting.get(1, TimeUnit.MINUTES), "forEach finished over a store that was open");
        } finally {
            pool.shutdownNow();
        }
        try (RocksDbStore again = RocksDbStore.open(directory, 100)) {
            assertEquals(100, again.size());
        }
    }
}
