package dev.kademlia.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoreException.Reason;
import dev.kademlia.api.spi.StoredValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a {@link RocksDbStore} refuses locked, damaged and foreign directories, and how it closes. */
class RocksDbStoreFailureTest {

    private static final int MAX_VALUE_BYTES = 1_000;

    @TempDir
    Path directory;

    private static StoredValue entry(String name) {
        return new StoredValue(Key.sha256(name), ("value of " + name).getBytes(StandardCharsets.UTF_8),
                StoredValue.NEVER, 0, false);
    }

    private void createStoreWithEntries(int n) {
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            for (int i = 0; i < n; i++) {
                store.put(entry("key " + i));
            }
        }
    }

    /** Every file of the directory with its bytes, to check that a refused open changed nothing. */
    private Map<String, byte[]> snapshotFiles() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = p.getFileName().toString();
                if (!name.equals("LOG") && !name.startsWith("LOG.old.")) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet(), "no file was created or deleted");
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " is unchanged"));
    }

    @Test
    void aSecondStoreOnAnOpenDirectoryIsLocked() {
        try (RocksDbStore first = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            first.put(entry("a"));
            StoreException e = assertThrows(StoreException.class, () -> RocksDbStore.open(directory, MAX_VALUE_BYTES));
            assertEquals(Reason.LOCKED, e.reason());
            assertTrue(e.getMessage().contains(directory.toAbsolutePath().normalize().toString()), e.getMessage());
            assertEquals(Optional.of(entry("a")), first.get(Key.sha256("a"), 0), "the first store is unaffected");
        }
    }

    @Test
    void closeReleasesTheLockAndIsIdempotent() throws Exception {
        RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES);
        store.put(entry("a"));
        store.close();
        store.close();
        StoreException closed = assertThrows(StoreException.class, () -> store.put(entry("b")));
        assertEquals(Reason.BACKEND_FAILURE, closed.reason());
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertThrows(StoreException.class, store::size);
        assertThrows(StoreException.class, () -> store.metadata("node-id"));

        try (RocksDbStore again = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            assertEquals(1, again.size());
        }
        try (RawDatabase raw = new RawDatabase(directory)) {
            assertEquals(1, raw.keys(StoreDatabase.VALUES).size(), "plain RocksDB can take the lock too");
        }
    }

    @Test
    void closeFromInsideForEachIsRefusedInsteadOfDeadlocking() {
        RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES);
        try {
            store.put(entry("a"));
            assertThrows(IllegalStateException.class, () -> store.forEach(0, e -> store.close()));
            assertEquals(1, store.size(), "the store is still open");
        } finally {
            store.close();
        }
    }

    @Test
    void garbageInCurrentIsCorruptAndNothingIsDeleted() throws Exception {
        createStoreWithEntries(20);
        Path current = directory.resolve("CURRENT");
        byte[] original = Files.readAllBytes(current);
        Files.write(current, "garbage\n".getBytes(StandardCharsets.US_ASCII));
        Map<String, byte[]> before = snapshotFiles();

        StoreException e = assertThrows(StoreException.class, () -> RocksDbStore.open(directory, MAX_VALUE_BYTES));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains(directory.toAbsolutePath().normalize().toString()), e.getMessage());
        assertSameFiles(before, snapshotFiles());

        Files.write(current, original);
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            assertEquals(20, store.size(), "with CURRENT repaired, every entry is still there");
        }
    }

    @Test
    void aTruncatedManifestIsCorruptAndNothingIsDeleted() throws Exception {
        createStoreWithEntries(20);
        String manifestName = new String(Files.readAllBytes(directory.resolve("CURRENT")), StandardCharsets.US_ASCII)
                .trim();
        Path manifest = directory.resolve(manifestName);
        byte[] original = Files.readAllBytes(manifest);
        Files.write(manifest, Arrays.copyOf(original, 10));
        Map<String, byte[]> before = snapshotFiles();

        StoreException e = assertThrows(StoreException.class, () -> RocksDbStore.open(directory, MAX_VALUE_BYTES));
        assertEquals(Reason.CORRUPT, e.reason());
        assertSameFiles(before, snapshotFiles());

        Files.write(manifest, original);
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            assertEquals(20, store.size());
        }
    }

    @Test
    void aCurrentNamingAMissingManifestIsCorrupt() throws Exception {
        createStoreWithEntries(3);
        Files.write(directory.resolve("CURRENT"), "MANIFEST-999999\n".getBytes(StandardCharsets.US_ASCII));
        StoreException e = assertThrows(StoreException.class, () -> RocksDbStore.open(directory, MAX_VALUE_BYTES));
        assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
    }

    @Test
    void aLostCurrentIsCorruptRatherThanANewEmptyStore() throws Exception {
        createStoreWithEntries(5);
        Files.delete(directory.resolve("CURRENT"));
        Map<String, byte[]> before = snapshotFiles();

        StoreException e = assertThrows(StoreException.class, () -> RocksDbStore.open(directory, MAX_VALUE_BYTES));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("CURRENT"), e.getMessage());
        assertSameFiles(before, snapshotFiles());
    }

    @Test
    void aDirectoryOfOtherFilesIsRefused() throws Exception {
        Files.write(directory.resolve("notes.txt"), new byte[] {1});
        StoreException e = assertThrows(StoreException.class, () -> RocksDbStore.open(directory, MAX_VALUE_BYTES));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        assertFalse(Files.exists(directory.resolve("CURRENT")), "no database was created");
    }

    @Test
    void aPlainRocksDbDatabaseIsNotTakenForAStore() throws Exception {
        try (org.rocksdb.Options options = new org.rocksdb.Options().setCreateIfMissing(true);
                org.rocksdb.RocksDB db = org.rocksdb.RocksDB.open(options, directory.toString())) {
            db.put(new byte[] {1}, new byte[] {2});
        }
        StoreException e = assertThrows(StoreException.class, () -> RocksDbStore.open(directory, MAX_VALUE_BYTES));
        assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
    }

    @Test
    void anUnknownStorageFormatIsRefused() throws Exception {
        createStoreWithEntries(1);
        try (RawDatabase raw = new RawDatabase(directory)) {
            raw.put("default", EntryCodec.FORMAT_KEY, new byte[] {9});
        }
        StoreException e = assertThrows(StoreException.class, () -> RocksDbStore.open(directory, MAX_VALUE_BYTES));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("format 9"), e.getMessage());
    }

    @Test
    void anUndecodableValueIsCorruptOnReadAndIsNotDeleted() throws Exception {
        createStoreWithEntries(3);
        Key bad = Key.sha256("bad");
        byte[] garbage = {42, 0, 1};
        try (RawDatabase raw = new RawDatabase(directory)) {
            raw.put(StoreDatabase.VALUES, bad.toBytes(), garbage);
        }
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            assertEquals(4, store.size());
            StoreException onGet = assertThrows(StoreException.class, () -> store.get(bad, 0));
            assertEquals(Reason.CORRUPT, onGet.reason());
            assertTrue(onGet.getMessage().contains(bad.toString()), onGet.getMessage());
            StoreException onForEach = assertThrows(StoreException.class, () -> store.forEach(0, e -> { }));
            assertEquals(Reason.CORRUPT, onForEach.reason());
            assertEquals(Optional.of(entry("key 0")), store.get(Key.sha256("key 0"), 0), "other keys still read");
            assertEquals(4, store.size());
        }
        try (RawDatabase raw = new RawDatabase(directory)) {
            assertArrayEquals(garbage, raw.get(StoreDatabase.VALUES, bad.toBytes()), "the corrupt value is kept");
        }
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            assertTrue(store.remove(bad), "removing the key is the way out");
            assertEquals(3, store.size());
            int[] visited = new int[1];
            store.forEach(0, e -> visited[0]++);
            assertEquals(3, visited[0]);
        }
    }

    @Test
    void aStaleIndexRecordLeftByOverwritingACorruptValueIsDroppedBySweeping() throws Exception {
        createStoreWithEntries(0);
        Key key = Key.sha256("overwritten");
        try (RawDatabase raw = new RawDatabase(directory)) {
            byte[] header = EntryCodec.encode(new StoredValue(key, new byte[0], 10, 0, false));
            header[0] = 99;
            raw.put(StoreDatabase.VALUES, key.toBytes(), header);
            raw.put(StoreDatabase.EXPIRY, EntryCodec.expiryKey(10, key.toBytes()), new byte[0]);
        }
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            StoredValue fresh = new StoredValue(key, new byte[] {1}, 500, 0, true);
            store.put(fresh);
            assertEquals(1, store.size(), "the overwrite replaced the corrupt entry, not added one");
            assertEquals(0, store.removeExpired(100), "the stale record at 10 does not remove the new entry");
            assertEquals(Optional.of(fresh), store.get(key, 100));
        }
        try (RawDatabase raw = new RawDatabase(directory)) {
            assertEquals(1, raw.keys(StoreDatabase.EXPIRY).size(), "the stale record is gone");
        }
    }

    @Test
    void aValueOverTheLimitNamesItsSizeAndTheLimit() {
        try (RocksDbStore store = RocksDbStore.open(directory, 1_200)) {
            StoredValue big = new StoredValue(Key.sha256("big"), new byte[70_000], StoredValue.NEVER, 0, false);
            StoreException e = assertThrows(StoreException.class, () -> store.put(big));
            assertEquals(Reason.VALUE_TOO_LARGE, e.reason());
            assertTrue(e.getMessage().contains("70,000") && e.getMessage().contains("1,200"), e.getMessage());
            assertEquals(0, store.size());
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheirReason() {
        assertThrows(IllegalArgumentException.class, () -> RocksDbStore.open(directory, 0));
        try (RocksDbStore store = RocksDbStore.open(directory, MAX_VALUE_BYTES)) {
            IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                    () -> store.putMetadata("", new byte[0]));
            assertTrue(empty.getMessage().contains("1 to 255"), empty.getMessage());
            IllegalArgumentException nonAscii = assertThrows(IllegalArgumentException.class,
                    () -> store.metadata("n\u00e9"));
            assertTrue(nonAscii.getMessage().contains("U+00E9"), nonAscii.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.metadata("x".repeat(256)));
        }
    }

    @Test
    void aDataDirectoryThatIsAFileCannotBeUsed() throws Exception {
        Path file = directory.resolve("a-file");
        Files.write(file, new byte[] {1});
        StoreException e = assertThrows(StoreException.class, () -> RocksDbStore.open(file, MAX_VALUE_BYTES));
        assertEquals(Reason.BACKEND_FAILURE, e.reason());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
