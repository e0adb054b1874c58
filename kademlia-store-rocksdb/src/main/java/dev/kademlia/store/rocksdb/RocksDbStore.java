package dev.kademlia.store.rocksdb;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoreException.Reason;
import dev.kademlia.api.spi.StoredValue;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link Store} kept in a RocksDB database in one directory, so that a node's values and its metadata
 * (its id, its routing contacts) outlive the process.
 *
 * <pre>{@code
 * try (RocksDbStore store = RocksDbStore.open(Path.of("/var/lib/node/store"), 65_536)) {
 *     store.put(new StoredValue(key, value, now + 86_400_000L, now, true));
 * }
 * }</pre>
 *
 * <p><b>Layout.</b> Four column families: {@code values} (key to a small versioned header and the value),
 * {@code expiry} (an index ordered by expiry time, so {@link #removeExpired} is a range scan over just the
 * expired entries), {@code metadata}, and {@code default} (a format marker). The exact bytes are in
 * {@code docs/storage-layout.md}.
 *
 * <p><b>Durability.</b> Every put, remove and metadata write is one atomic RocksDB write batch, in the
 * write-ahead log before the call returns; {@link Durability} says whether the log is also synced. The
 * default, {@link Durability#PROCESS_CRASH}, survives a crash of the JVM.
 *
 * <p><b>Expiry.</b> {@link #get} and {@link #forEach} check the expiry time of each entry they read, so an
 * expired entry is invisible at once; its space is reclaimed when the node calls {@link #removeExpired}.
 * The store runs no threads of its own (RocksDB's flushes and compactions run on RocksDB's threads).
 *
 * <p><b>Size.</b> {@link #size} is exact: the count is taken by one scan of the keys when the store opens
 * and kept up to date by every write.
 *
 * <p><b>Failures.</b> Opening a directory that another open store holds (in this process or another)
 * fails with {@link Reason#LOCKED}; damaged files, or an entry that cannot be decoded, fail with
 * {@link Reason#CORRUPT}, and nothing is deleted or recreated. Use after {@link #close} fails with
 * {@link Reason#BACKEND_FAILURE}.
 *
 * <p><b>Threads.</b> Safe for concurrent use. Writes to one key are serialized (a put must read the
 * previous expiry time to keep the index right); writes to different keys proceed in parallel.
 * {@link #close} waits for the calls in progress to finish.
 */
public final class RocksDbStore implements Store {

    /*
     * Implementation notes.
     *
     * Count and index. put and remove read the previous entry, then write value and index changes in one
     * batch, under a lock striped by key, so that the count changes only when a key appears or
     * disappears and the expiry index holds exactly one entry per stored key. removeExpired walks the
     * index from the smallest expiry time up to now (an iterator with an upper bound, so it never reads
     * past the expired entries), and for each index entry re-reads the value under the key's lock: only
     * if the value still carries that expiry time is the entry removed. An index entry that no longer
     * matches (left behind when a put overwrote an undecodable entry) is simply dropped.
     *
     * Sweeps are written without sync whatever the durability: a sweep lost in an operating-system crash
     * leaves expired, invisible entries that the next sweep removes.
     *
     * Closing. Every call holds the read side of a read-write lock; close takes the write side, so it
     * waits for calls in progress and no native object is used after it is freed. Iterators, batches and
     * per-call options are freed by try-with-resources; StoreDatabase frees the rest in the reverse order
     * of creation: the store's read and write options, the column family handles, the database, and the
     * options it was opened with.
     */

    private static final System.Logger LOG = System.getLogger(RocksDbStore.class.getName());

    private static final int STRIPES = 64;
    private static final byte[] EMPTY = new byte[0];

    private final Path directory;
    private final int maxValueBytes;
    private final Durability durability;
    private final StoreDatabase database;
    private final RocksDB db;
    private final ColumnFamilyHandle defaultFamily;
    private final ColumnFamilyHandle values;
    private final ColumnFamilyHandle expiry;
    private final ColumnFamilyHandle metadata;
    private final WriteOptions writeOptions;
    private final WriteOptions sweepWriteOptions;
    private final ReadOptions scanOptions;
    private final Object[] stripes = new Object[STRIPES];
    private final AtomicLong count = new AtomicLong();
    /** The total value length, kept like {@link #count}: taken at open, adjusted under the key's lock. */
    private final AtomicLong valueBytes = new AtomicLong();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private RocksDbStore(Path directory, int maxValueBytes, Durability durability, StoreDatabase database) {
        this.directory = directory;
        this.maxValueBytes = maxValueBytes;
        this.durability = durability;
        this.database = database;
        this.db = database.db;
        this.defaultFamily = database.defaultFamily;
        this.values = database.values;
        this.expiry = database.expiry;
        this.metadata = database.metadata;
        this.writeOptions = database.own(new WriteOptions().setSync(durability == Durability.POWER_LOSS));
        this.sweepWriteOptions = database.own(new WriteOptions().setSync(false));
        this.scanOptions = database.own(new ReadOptions().setFillCache(false));
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * Opens, or creates, the store in {@code directory}, durable against a crash of the process
     * ({@link Durability#PROCESS_CRASH}).
     *
     * @param directory     the data directory; created if missing
     * @param maxValueBytes the largest value {@link #put} accepts, positive
     * @return the open store
     * @throws StoreException {@link Reason#LOCKED} if another open store holds the directory,
     *     {@link Reason#CORRUPT} if its files are damaged or are not a store, {@link Reason#BACKEND_FAILURE}
     *     if RocksDB cannot be loaded or the directory cannot be used
     * @throws IllegalArgumentException if {@code maxValueBytes} is not positive
     */
    public static RocksDbStore open(Path directory, int maxValueBytes) {
        return open(directory, maxValueBytes, Durability.PROCESS_CRASH);
    }

    /**
     * Opens, or creates, the store in {@code directory}.
     *
     * @param directory     the data directory; created if missing
     * @param maxValueBytes the largest value {@link #put} accepts, positive
     * @param durability    what an acknowledged write survives
     * @return the open store
     * @throws StoreException {@link Reason#LOCKED} if another open store holds the directory,
     *     {@link Reason#CORRUPT} if its files are damaged or are not a store, {@link Reason#BACKEND_FAILURE}
     *     if RocksDB cannot be loaded or the directory cannot be used
     * @throws IllegalArgumentException if {@code maxValueBytes} is not positive
     */
    public static RocksDbStore open(Path directory, int maxValueBytes, Durability durability) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(durability, "durability");
        if (maxValueBytes <= 0) {
            throw new IllegalArgumentException("maxValueBytes must be positive; got " + maxValueBytes);
        }
        Path dir = directory.toAbsolutePath().normalize();
        loadLibrary();
        boolean existing = DataDirectory.prepare(dir);
        StoreDatabase database = StoreDatabase.open(dir, existing);
        try {
            RocksDbStore store = new RocksDbStore(dir, maxValueBytes, durability, database);
            store.checkFormat();
            store.countEntries();
            return store;
        } catch (RuntimeException | Error e) {
            try {
                database.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void loadLibrary() {
        try {
            RocksDB.loadLibrary();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new StoreException(Reason.BACKEND_FAILURE, "the RocksDB native library cannot be loaded on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e, e);
        }
    }

    /**
     * The data directory.
     *
     * @return its absolute, normalized path
     */
    public Path directory() {
        return directory;
    }

    /**
     * The largest value this store accepts.
     *
     * @return bytes
     */
    public int maxValueBytes() {
        return maxValueBytes;
    }

    /**
     * What an acknowledged write survives.
     *
     * @return the durability the store was opened with
     */
    public Durability durability() {
        return durability;
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException {@link Reason#VALUE_TOO_LARGE} if the value is longer than
     *     {@link #maxValueBytes()}; {@link Reason#BACKEND_FAILURE} if the write fails or the store is closed
     */
    @Override
    public void put(StoredValue entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.valueLength() > maxValueBytes) {
            throw new StoreException(Reason.VALUE_TOO_LARGE, String.format(Locale.ROOT,
                    "value is %,d bytes; the limit is %,d (key %s)", entry.valueLength(), maxValueBytes,
                    entry.key()));
        }
        byte[] key = entry.key().toBytes();
        byte[] encoded = EntryCodec.encode(entry);
        long expiresAt = entry.expiresAtMillis();
        enter();
        try {
            synchronized (stripe(entry.key())) {
                byte[] previous = db.get(values, key);
                try (WriteBatch batch = new WriteBatch()) {
                    boolean indexed = false;
                    if (previous != null) {
                        Long previousExpiry = expiryOfReplaced(entry.key(), previous);
                        if (previousExpiry != null && previousExpiry == expiresAt) {
                            indexed = true;
                        } else if (previousExpiry != null) {
                            batch.delete(expiry, EntryCodec.expiryKey(previousExpiry, key));
                        }
                    }
                    if (!indexed) {
                        batch.put(expiry, EntryCodec.expiryKey(expiresAt, key), EMPTY);
                    }
                    batch.put(values, key, encoded);
                    db.write(writeOptions, batch);
                }
                if (previous == null) {
                    count.incrementAndGet();
                }
                valueBytes.addAndGet(entry.valueLength() - valueLength(previous));
            }
        } catch (RocksDBException e) {
            throw RocksDbFailures.onOperation(directory, "put of key " + entry.key(), e);
        } finally {
            exit();
        }
    }

    /** The expiry time of an entry about to be replaced or removed, or null if it cannot be decoded. */
    private Long expiryOfReplaced(Key key, byte[] previous) {
        try {
            return EntryCodec.expiresAt(previous);
        } catch (MalformedEntryException e) {
            LOG.log(System.Logger.Level.WARNING, "replacing or removing the undecodable entry for key {0} in {1}: {2}",
                    key, directory, e.getMessage());
            return null;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException {@link Reason#CORRUPT} if the stored entry cannot be decoded;
     *     {@link Reason#BACKEND_FAILURE} if the read fails or the store is closed
     */
    @Override
    public Optional<StoredValue> get(Key key, long nowMillis) {
        Objects.requireNonNull(key, "key");
        enter();
        try {
            byte[] encoded = db.get(values, key.toBytes());
            if (encoded == null) {
                return Optional.empty();
            }
            StoredValue entry = decode(key, encoded);
            return entry.isExpired(nowMillis) ? Optional.empty() : Optional.of(entry);
        } catch (RocksDBException e) {
            throw RocksDbFailures.onOperation(directory, "get of key " + key, e);
        } finally {
            exit();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException {@link Reason#BACKEND_FAILURE} if the write fails or the store is closed
     */
    @Override
    public boolean remove(Key key) {
        Objects.requireNonNull(key, "key");
        byte[] keyBytes = key.toBytes();
        enter();
        try {
            synchronized (stripe(key)) {
                byte[] previous = db.get(values, keyBytes);
                if (previous == null) {
                    return false;
                }
                try (WriteBatch batch = new WriteBatch()) {
                    batch.delete(values, keyBytes);
                    Long previousExpiry = expiryOfReplaced(key, previous);
                    if (previousExpiry != null) {
                        batch.delete(expiry, EntryCodec.expiryKey(previousExpiry, keyBytes));
                    }
                    db.write(writeOptions, batch);
                }
                count.decrementAndGet();
                valueBytes.addAndGet(-valueLength(previous));
                return true;
            }
        } catch (RocksDBException e) {
            throw RocksDbFailures.onOperation(directory, "remove of key " + key, e);
        } finally {
            exit();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Visits the entries in key order, from a consistent view of the store taken when the call begins;
     * {@code action} may read and write the store, but must not close it.
     *
     * @throws StoreException {@link Reason#CORRUPT} if a stored entry cannot be decoded;
     *     {@link Reason#BACKEND_FAILURE} if the read fails or the store is closed
     */
    @Override
    public void forEach(long nowMillis, Consumer<StoredValue> action) {
        Objects.requireNonNull(action, "action");
        enter();
        try (RocksIterator it = db.newIterator(values, scanOptions)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                Key key = keyOf(it.key());
                byte[] encoded = it.value();
                if (expiresAt(key, encoded) > nowMillis) {
                    action.accept(decode(key, encoded));
                }
            }
            it.status();
        } catch (RocksDBException e) {
            throw RocksDbFailures.onOperation(directory, "forEach", e);
        } finally {
            exit();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads only the expired part of the expiry index, not the whole store.
     *
     * @throws StoreException {@link Reason#CORRUPT} if an expired entry or its index record cannot be
     *     decoded (remove or overwrite the key named to go on); {@link Reason#BACKEND_FAILURE} if RocksDB
     *     fails or the store is closed
     */
    @Override
    public int removeExpired(long nowMillis) {
        enter();
        long upTo = nowMillis == Long.MAX_VALUE ? Long.MAX_VALUE : nowMillis + 1;
        try (ReadOptions options = new ReadOptions().setFillCache(false);
                Slice bound = new Slice(EntryCodec.expiryBound(upTo))) {
            if (nowMillis != Long.MAX_VALUE) {
                options.setIterateUpperBound(bound);
            }
            int removed = 0;
            try (RocksIterator it = db.newIterator(expiry, options)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    byte[] indexKey = it.key();
                    long expiresAt;
                    byte[] key;
                    try {
                        expiresAt = EntryCodec.expiryTimeOf(indexKey);
                        key = EntryCodec.keyOfExpiryKey(indexKey);
                    } catch (MalformedEntryException e) {
                        throw new StoreException(Reason.CORRUPT, "the expiry index of the store in " + directory
                                + " holds an undecodable record: " + e.getMessage(), e);
                    }
                    if (expiresAt > nowMillis) {
                        break;
                    }
                    if (sweep(expiresAt, key, indexKey)) {
                        removed++;
                    }
                }
                it.status();
            }
            return removed;
        } catch (RocksDBException e) {
            throw RocksDbFailures.onOperation(directory, "removeExpired", e);
        } finally {
            exit();
        }
    }

    /** Drops one expired index record and, if the entry still expires then, the entry. */
    private boolean sweep(long expiresAt, byte[] keyBytes, byte[] indexKey) throws RocksDBException {
        Key key = Key.of(keyBytes);
        synchronized (stripe(key)) {
            byte[] current = db.get(values, keyBytes);
            boolean removes = current != null && expiresAt(key, current) == expiresAt;
            try (WriteBatch batch = new WriteBatch()) {
                batch.delete(expiry, indexKey);
                if (removes) {
                    batch.delete(values, keyBytes);
                }
                db.write(sweepWriteOptions, batch);
            }
            if (removes) {
                count.decrementAndGet();
                valueBytes.addAndGet(-valueLength(current));
            }
            return removes;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code name} is empty, longer than 255 characters, or not
     *     printable ASCII
     * @throws StoreException {@link Reason#BACKEND_FAILURE} if the read fails or the store is closed
     */
    @Override
    public Optional<byte[]> metadata(String name) {
        byte[] rocksKey = EntryCodec.metadataKey(name);
        enter();
        try {
            return Optional.ofNullable(db.get(metadata, rocksKey));
        } catch (RocksDBException e) {
            throw RocksDbFailures.onOperation(directory, "read of metadata " + name, e);
        } finally {
            exit();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code name} is empty, longer than 255 characters, or not
     *     printable ASCII
     * @throws StoreException {@link Reason#BACKEND_FAILURE} if the write fails or the store is closed
     */
    @Override
    public void putMetadata(String name, byte[] value) {
        byte[] rocksKey = EntryCodec.metadataKey(name);
        Objects.requireNonNull(value, "value");
        enter();
        try {
            db.put(metadata, writeOptions, rocksKey, value);
        } catch (RocksDBException e) {
            throw RocksDbFailures.onOperation(directory, "write of metadata " + name, e);
        } finally {
            exit();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException {@link Reason#BACKEND_FAILURE} if the store is closed
     */
    @Override
    public long valueBytes() {
        enter();
        try {
            return valueBytes.get();
        } finally {
            exit();
        }
    }

    /** The value length of an encoded entry: its length past the header (0 for a null or short record). */
    private static long valueLength(byte[] encoded) {
        return encoded == null ? 0 : Math.max(0, encoded.length - EntryCodec.HEADER_BYTES);
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException {@link Reason#BACKEND_FAILURE} if the store is closed
     */
    @Override
    public long size() {
        enter();
        try {
            return count.get();
        } finally {
            exit();
        }
    }

    /**
     * Closes the database and frees every native resource, after the calls in progress finish. Afterwards
     * the directory's lock is released, so the store can be opened again at once, by this process or
     * another. Idempotent.
     *
     * @throws IllegalStateException if called from inside {@link #forEach} on the same store
     * @throws StoreException {@link Reason#BACKEND_FAILURE} if RocksDB reports an error while closing; the
     *     store is closed all the same
     */
    @Override
    public void close() {
        if (lifecycle.getReadHoldCount() > 0) {
            throw new IllegalStateException("close() was called from inside a call on the same store (such as a "
                    + "forEach action); close the store after that call returns");
        }
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            database.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "RocksDbStore[" + directory + ", " + durability + (closed ? ", closed" : "") + "]";
    }

    private void checkFormat() {
        try {
            byte[] format = db.get(defaultFamily, EntryCodec.FORMAT_KEY);
            if (format == null) {
                if (!isEmpty(values) || !isEmpty(expiry) || !isEmpty(metadata)) {
                    throw new StoreException(Reason.CORRUPT, "the RocksDB database in " + directory
                            + " holds data but no Kademlia store format marker: it is not a Kademlia store, or "
                            + "its marker was lost. It was left untouched");
                }
                db.put(defaultFamily, writeOptions, EntryCodec.FORMAT_KEY, new byte[] {EntryCodec.STORE_FORMAT});
            } else if (format.length != 1 || format[0] != EntryCodec.STORE_FORMAT) {
                throw new StoreException(Reason.CORRUPT, "the store in " + directory + " is in storage format "
                        + (format.length == 1 ? Integer.toString(format[0] & 0xFF) : "(unreadable marker)")
                        + "; this version reads format " + EntryCodec.STORE_FORMAT + ". It was left untouched");
            }
        } catch (RocksDBException e) {
            throw RocksDbFailures.onOperation(directory, "reading the format marker", e);
        }
    }

    private boolean isEmpty(ColumnFamilyHandle family) throws RocksDBException {
        try (RocksIterator it = db.newIterator(family, scanOptions)) {
            it.seekToFirst();
            boolean empty = !it.isValid();
            it.status();
            return empty;
        }
    }

    /** Sets {@link #count} and {@link #valueBytes} by one scan of the values, when the store opens. */
    private void countEntries() {
        try (RocksIterator it = db.newIterator(values, scanOptions)) {
            long n = 0;
            long bytes = 0;
            for (it.seekToFirst(); it.isValid(); it.next()) {
                n++;
                bytes += valueLength(it.value());
            }
            it.status();
            count.set(n);
            valueBytes.set(bytes);
        } catch (RocksDBException e) {
            throw RocksDbFailures.onOperation(directory, "counting the entries", e);
        }
    }

    private void enter() {
        lifecycle.readLock().lock();
        if (closed) {
            lifecycle.readLock().unlock();
            throw new StoreException(Reason.BACKEND_FAILURE, "the RocksDB store at " + directory + " is closed");
        }
    }

    private void exit() {
        lifecycle.readLock().unlock();
    }

    private Object stripe(Key key) {
        return stripes[key.hashCode() & (STRIPES - 1)];
    }

    private Key keyOf(byte[] rocksKey) {
        try {
            return EntryCodec.key(rocksKey);
        } catch (MalformedEntryException e) {
            throw new StoreException(Reason.CORRUPT, "the store in " + directory + " holds an undecodable key: "
                    + e.getMessage(), e);
        }
    }

    private long expiresAt(Key key, byte[] encoded) {
        try {
            return EntryCodec.expiresAt(encoded);
        } catch (MalformedEntryException e) {
            throw corruptEntry(key, e);
        }
    }

    private StoredValue decode(Key key, byte[] encoded) {
        try {
            return EntryCodec.decode(key, encoded);
        } catch (MalformedEntryException e) {
            throw corruptEntry(key, e);
        }
    }

    private StoreException corruptEntry(Key key, MalformedEntryException e) {
        return new StoreException(Reason.CORRUPT, "the entry for key " + key + " in the store in " + directory
                + " cannot be decoded (" + e.getMessage() + "); remove or overwrite that key", e);
    }
}
