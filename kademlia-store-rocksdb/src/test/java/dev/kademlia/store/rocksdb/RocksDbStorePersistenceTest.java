package dev.kademlia.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.StoredValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a {@link RocksDbStore} keeps across a close and reopen, and how its expiry index behaves. */
class RocksDbStorePersistenceTest {

    private static final int MAX_VALUE_BYTES = 1_000;

    @TempDir
    Path directory;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static StoredValue entry(String name, long expiresAt) {
        return new StoredValue(Key.sha256(name), bytes("value of " + name), expiresAt, 17, name.hashCode() % 2 == 0);
    }

    @Test
    void reopenRestoresEveryEntryTheMetadataAndTheExactSize() {
        Map<Key, StoredValue> written = new HashMap<>();
        long[] bytesBefore = new long[1];
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            for (int i = 0; i < 300; i++) {
                StoredValue e = entry("key " + i, i % 3 == 0 ? StoredValue.NEVER : 10_000 + i);
                store.put(e);
                written.put(e.key(), e);
            }
            for (int i = 0; i < 300; i += 10) {
                assertTrue(store.remove(Key.sha256("key " + i)));
                written.remove(Key.sha256("key " + i));
            }
            store.put(entry("expired", 5));
            store.putMetadata("node-id", bytes("the id"));
            store.putMetadata("contacts", new byte[] {0, 1, 2, (byte) 0xFF});
            assertEquals(written.size() + 1, store.size());
            bytesBefore[0] = store.valueBytes();
        }

        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            assertEquals(written.size() + 1, store.size(), "the count is rebuilt exactly, the expired entry included");
            assertEquals(bytesBefore[0], store.valueBytes(), "so is the byte total");
            assertEquals(written.values().stream().mapToLong(StoredValue::valueLength).sum()
                    + entry("expired", 5).valueLength(), store.valueBytes());
            for (StoredValue e : written.values()) {
                assertEquals(Optional.of(e), store.get(e.key(), 0));
            }
            assertEquals(Optional.empty(), store.get(Key.sha256("key 0"), 0), "a removed entry stays removed");
            assertEquals(Optional.empty(), store.get(Key.sha256("expired"), 5), "expired after reopen too");
            assertArrayEquals(bytes("the id"), store.metadata("node-id").orElseThrow());
            assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xFF}, store.metadata("contacts").orElseThrow());
            assertEquals(Optional.empty(), store.metadata("absent"));

            Map<Key, StoredValue> visited = new HashMap<>();
            store.forEach(0, e -> visited.put(e.key(), e));
            assertEquals(written.size() + 1, visited.size());
            assertEquals(1, store.removeExpired(5));
            assertEquals(written.size(), store.size());
        }
    }

    @Test
    void metadataIsNeitherCountedNorVisitedAndIsReplaced() {
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            byte[] id = bytes("first");
            store.putMetadata("node-id", id);
            id[0] = 'X';
            assertArrayEquals(bytes("first"), store.metadata("node-id").orElseThrow(), "the value is copied in");
            store.putMetadata("node-id", bytes("second"));
            assertArrayEquals(bytes("second"), store.metadata("node-id").orElseThrow());
            assertEquals(0, store.size());
            List<StoredValue> visited = new ArrayList<>();
            store.forEach(0, visited::add);
            assertEquals(List.of(), visited);
            assertEquals(0, store.removeExpired(Long.MAX_VALUE));
            assertTrue(store.metadata("node-id").isPresent());
        }
    }

    @Test
    void removeExpiredSweepsOnlyTheExpiredAndTheIndexFollowsOverwrites() throws Exception {
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            store.put(entry("a", 100));
            store.put(entry("b", 200));
            store.put(entry("c", 300));
            store.put(entry("live", StoredValue.NEVER));
            // Move a's expiry later and c's earlier; b is rewritten with the same expiry.
            store.put(entry("a", 1_000));
            store.put(entry("c", 50));
            store.put(entry("b", 200).withRepublishedAt(99));

            assertEquals(1, store.removeExpired(150), "only c, which now expires at 50");
            assertEquals(Optional.empty(), store.get(Key.sha256("c"), 0));
            assertEquals(Optional.of(entry("a", 1_000)), store.get(Key.sha256("a"), 150),
                    "a's old expiry time (100) no longer removes it");
            assertEquals(Optional.of(entry("b", 200).withRepublishedAt(99)), store.get(Key.sha256("b"), 0),
                    "a rewrite with the same expiry keeps the entry and its index record");
            assertEquals(1, store.removeExpired(999), "b");
            assertFalse(store.remove(Key.sha256("b")), "b was swept");
            assertEquals(1, store.removeExpired(1_000), "a, at its new time");
            assertEquals(0, store.removeExpired(Long.MAX_VALUE - 1));
            assertEquals(Optional.of(entry("live", StoredValue.NEVER)), store.get(Key.sha256("live"), 5_000));
            assertEquals(1, store.size());
        }
        try (RawDatabase raw = new RawDatabase(directory)) {
            List<byte[]> index = raw.keys(StoreDatabase.EXPIRY);
            assertEquals(1, index.size(), "one index record per stored entry, none left behind");
            assertArrayEquals(EntryCodec.expiryKey(StoredValue.NEVER, Key.sha256("live").toBytes()), index.get(0));
        }
    }

    @Test
    void expiryIndexHoldsExactlyOneRecordPerEntryAfterManyOverwrites() throws Exception {
        Map<Key, Long> expiries = new HashMap<>();
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            java.util.Random random = new java.util.Random(42);
            for (int i = 0; i < 2_000; i++) {
                String name = "key " + random.nextInt(100);
                long expiresAt = random.nextInt(4) == 0 ? StoredValue.NEVER : random.nextInt(1_000) - 500;
                if (random.nextInt(10) == 0) {
                    store.remove(Key.sha256(name));
                    expiries.remove(Key.sha256(name));
                } else {
                    store.put(entry(name, expiresAt));
                    expiries.put(Key.sha256(name), expiresAt);
                }
            }
            assertEquals(expiries.size(), store.size());
        }
        try (RawDatabase raw = new RawDatabase(directory)) {
            Set<List<Byte>> expected = new HashSet<>();
            expiries.forEach((key, at) -> expected.add(boxed(EntryCodec.expiryKey(at, key.toBytes()))));
            Set<List<Byte>> actual = new HashSet<>();
            for (byte[] k : raw.keys(StoreDatabase.EXPIRY)) {
                actual.add(boxed(k));
            }
            assertEquals(expected, actual);
        }
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            long expired = expiries.values().stream().filter(at -> at <= 0).count();
            assertEquals(expired, store.removeExpired(0), "negative and zero expiry times sort and sweep in order");
            assertEquals(expiries.size() - expired, store.size());
            int[] visible = new int[1];
            store.forEach(0, e -> visible[0]++);
            assertEquals(expiries.size() - expired, visible[0]);
        }
    }

    @Test
    void powerLossDurabilityStoresTheSameWay() {
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES, Durability.POWER_LOSS)) {
            assertEquals(Durability.POWER_LOSS, store.durability());
            store.put(entry("synced", StoredValue.NEVER));
            store.putMetadata("node-id", bytes("id"));
        }
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            assertEquals(Durability.PROCESS_CRASH, store.durability());
            assertEquals(Optional.of(entry("synced", StoredValue.NEVER)), store.get(Key.sha256("synced"), 0));
            assertArrayEquals(bytes("id"), store.metadata("node-id").orElseThrow());
            assertEquals(directory.toAbsolutePath().normalize(), store.directory());
            assertEquals(MAX_VALUE_BYTES, store.maxValueBytes());
        }
    }

    private static List<Byte> boxed(byte[] bytes) {
        List<Byte> out = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            out.add(b);
        }
        return out;
    }

    @Test
    void aValueIsStoredAsTheDocumentedHeaderFollowedByTheBytes() throws Exception {
        Key key = Key.sha256("layout");
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            store.put(new StoredValue(key, new byte[] {7, 8, 9}, 0x0102030405060708L, -2, true));
        }
        try (RawDatabase raw = new RawDatabase(directory)) {
            byte[] stored = raw.get(StoreDatabase.VALUES, key.toBytes());
            assertArrayEquals(new byte[] {1, 1, 1, 2, 3, 4, 5, 6, 7, 8,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE,
                7, 8, 9}, stored);
            byte[] expectedIndexKey = new byte[40];
            System.arraycopy(new byte[] {(byte) 0x81, 2, 3, 4, 5, 6, 7, 8}, 0, expectedIndexKey, 0, 8);
            System.arraycopy(key.toBytes(), 0, expectedIndexKey, 8, 32);
            assertEquals(1, raw.keys(StoreDatabase.EXPIRY).size());
            assertTrue(Arrays.equals(expectedIndexKey, raw.keys(StoreDatabase.EXPIRY).get(0)));
            assertArrayEquals(new byte[] {1}, raw.get("default", "format".getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
