package dev.kademlia.core.store;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoredValue;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The default {@link Store}: entries in a {@link ConcurrentHashMap}, lost when the process ends.
 *
 * <p>The store refuses values longer than its {@linkplain #maxValueBytes() value limit}
 * ({@link StoreException.Reason#VALUE_TOO_LARGE}) and, if it has an {@linkplain #maxEntries() entry limit},
 * a put of a new key once that many entries are held ({@link StoreException.Reason#FULL}; replacing an
 * existing key is always allowed). Expired entries count against the limit until {@link #removeExpired}
 * reclaims them, as rust-libp2p's memory store does.
 *
 * <p>Safe for concurrent use. After {@link #close()} every operation except {@code close} throws
 * {@link StoreException.Reason#BACKEND_FAILURE}.
 */
public final class InMemoryStore implements Store {

    /** The {@linkplain #maxEntries() entry limit} of a store without one. */
    public static final int UNLIMITED_ENTRIES = Integer.MAX_VALUE;

    private final ConcurrentHashMap<Key, StoredValue> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, byte[]> metadata = new ConcurrentHashMap<>();
    /**
     * Entries held or being inserted: incremented before a new key is inserted and decremented after one
     * is removed, so it never falls below the map's size and the entry limit holds under concurrent puts.
     */
    private final AtomicInteger reserved = new AtomicInteger();
    /** The total value length of the entries in the map, adjusted inside the map's atomic updates. */
    private final AtomicLong valueBytes = new AtomicLong();
    private final int maxValueBytes;
    private final int maxEntries;
    private volatile boolean closed;

    /**
     * Creates an empty store without an entry limit.
     *
     * @param maxValueBytes the longest value accepted, in bytes
     * @throws IllegalArgumentException if {@code maxValueBytes} is not positive
     */
    public InMemoryStore(int maxValueBytes) {
        this(maxValueBytes, UNLIMITED_ENTRIES);
    }

    /**
     * Creates an empty store holding at most {@code maxEntries} entries.
     *
     * @param maxValueBytes the longest value accepted, in bytes
     * @param maxEntries    the most entries held at once, expired ones included until removed;
     *                      {@link #UNLIMITED_ENTRIES} for no limit
     * @throws IllegalArgumentException if either limit is not positive
     */
    public InMemoryStore(int maxValueBytes, int maxEntries) {
        if (maxValueBytes <= 0) {
            throw new IllegalArgumentException("maxValueBytes must be positive; got " + maxValueBytes);
        }
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive; got " + maxEntries);
        }
        this.maxValueBytes = maxValueBytes;
        this.maxEntries = maxEntries;
    }

    /**
     * The longest value this store accepts.
     *
     * @return bytes
     */
    public int maxValueBytes() {
        return maxValueBytes;
    }

    /**
     * The most entries this store holds at once.
     *
     * @return the limit, or {@link #UNLIMITED_ENTRIES}
     */
    public int maxEntries() {
        return maxEntries;
    }

    /**
     * Inserts or replaces the entry for {@code entry.key()}.
     *
     * @param entry the entry
     * @throws StoreException {@link StoreException.Reason#VALUE_TOO_LARGE} if the value is longer than
     *                        {@link #maxValueBytes()}; {@link StoreException.Reason#FULL} if the key is new
     *                        and the store already holds {@link #maxEntries()} entries;
     *                        {@link StoreException.Reason#BACKEND_FAILURE} if the store is closed
     */
    @Override
    public void put(StoredValue entry) {
        Objects.requireNonNull(entry, "entry");
        ensureOpen();
        if (entry.valueLength() > maxValueBytes) {
            throw new StoreException(StoreException.Reason.VALUE_TOO_LARGE, String.format(
                    "value for key %s is %,d bytes; the limit is %,d",
                    entry.key().toShortString(16), entry.valueLength(), maxValueBytes));
        }
        entries.compute(entry.key(), (key, previous) -> {
            if (previous == null && reserved.incrementAndGet() > maxEntries) {
                reserved.decrementAndGet();
                throw new StoreException(StoreException.Reason.FULL, String.format(
                        "store holds %,d entries, its limit; key %s is new", maxEntries,
                        key.toShortString(16)));
            }
            valueBytes.addAndGet(entry.valueLength() - (previous == null ? 0 : previous.valueLength()));
            return entry;
        });
    }

    /**
     * The unexpired entry for {@code key}.
     *
     * @param key       the key
     * @param nowMillis the current time
     * @return the entry, or empty if absent or expired at {@code nowMillis}
     * @throws StoreException {@link StoreException.Reason#BACKEND_FAILURE} if the store is closed
     */
    @Override
    public Optional<StoredValue> get(Key key, long nowMillis) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        StoredValue entry = entries.get(key);
        if (entry == null || entry.isExpired(nowMillis)) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /**
     * Removes the entry for {@code key}.
     *
     * @param key the key
     * @return whether an entry, expired or not, was removed
     * @throws StoreException {@link StoreException.Reason#BACKEND_FAILURE} if the store is closed
     */
    @Override
    public boolean remove(Key key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        StoredValue removed = entries.remove(key);
        if (removed == null) {
            return false;
        }
        valueBytes.addAndGet(-removed.valueLength());
        reserved.decrementAndGet();
        return true;
    }

    /**
     * Visits every entry unexpired at {@code nowMillis}, in no particular order. Entries put or removed
     * during the visit may or may not be seen.
     *
     * @param nowMillis the current time
     * @param action    called once per entry
     * @throws StoreException {@link StoreException.Reason#BACKEND_FAILURE} if the store is closed
     */
    @Override
    public void forEach(long nowMillis, Consumer<StoredValue> action) {
        Objects.requireNonNull(action, "action");
        ensureOpen();
        for (StoredValue entry : entries.values()) {
            if (!entry.isExpired(nowMillis)) {
                action.accept(entry);
            }
        }
    }

    /**
     * Removes every entry expired at {@code nowMillis}. An entry replaced by an unexpired one while the
     * sweep runs is kept.
     *
     * @param nowMillis the current time
     * @return how many entries were removed
     * @throws StoreException {@link StoreException.Reason#BACKEND_FAILURE} if the store is closed
     */
    @Override
    public int removeExpired(long nowMillis) {
        ensureOpen();
        int removed = 0;
        Iterator<Map.Entry<Key, StoredValue>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, StoredValue> e = it.next();
            StoredValue entry = e.getValue();
            if (entry.isExpired(nowMillis) && entries.remove(e.getKey(), entry)) {
                valueBytes.addAndGet(-entry.valueLength());
                reserved.decrementAndGet();
                removed++;
            }
        }
        return removed;
    }

    /**
     * The total value length held, expired entries included until removed.
     *
     * @return bytes
     * @throws StoreException {@link StoreException.Reason#BACKEND_FAILURE} if the store is closed
     */
    @Override
    public long valueBytes() {
        ensureOpen();
        return valueBytes.get();
    }

    /**
     * The number of entries held, expired ones included until removed.
     *
     * @return the count
     * @throws StoreException {@link StoreException.Reason#BACKEND_FAILURE} if the store is closed
     */
    @Override
    public Optional<byte[]> metadata(String name) {
        Objects.requireNonNull(name, "name");
        ensureOpen();
        return Optional.ofNullable(metadata.get(name)).map(byte[]::clone);
    }

    @Override
    public void putMetadata(String name, byte[] value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        ensureOpen();
        metadata.put(name, value.clone());
    }

    @Override
    public long size() {
        ensureOpen();
        return entries.mappingCount();
    }

    /** Drops every entry; later operations other than {@code close} fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        entries.clear();
    }

    @Override
    public String toString() {
        return "InMemoryStore[" + (closed ? "closed" : entries.size() + " entries") + ", maxValueBytes="
                + maxValueBytes + (maxEntries == UNLIMITED_ENTRIES ? "" : ", maxEntries=" + maxEntries) + "]";
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(StoreException.Reason.BACKEND_FAILURE, "store is closed");
        }
    }
}
