package dev.kademlia.api.spi;

import dev.kademlia.api.Key;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a node keeps the values it is responsible for. One value per key; a put replaces.
 *
 * <p>Times are milliseconds on the node's clock ({@link Scheduler#nowMillis()}), passed in rather than
 * read, so stores work identically under a virtual clock. An entry whose expiry time is at or before
 * {@code now} is invisible to {@link #get} and {@link #forEach} at once; {@link #removeExpired} reclaims
 * its space later.
 *
 * <p>Implementations are safe for concurrent use. Failures of the backend are reported as
 * {@link StoreException}.
 */
public interface Store extends AutoCloseable {

    /**
     * Inserts or replaces the entry for {@code entry.key()}.
     *
     * @param entry the entry
     * @throws StoreException if the store is full, the value too large, or the backend fails
     */
    void put(StoredValue entry);

    /**
     * The unexpired entry for {@code key}.
     *
     * @param key       the key
     * @param nowMillis the current time
     * @return the entry, or empty if absent or expired
     */
    Optional<StoredValue> get(Key key, long nowMillis);

    /**
     * Removes the entry for {@code key}.
     *
     * @param key the key
     * @return whether an entry (expired or not) was removed
     */
    boolean remove(Key key);

    /**
     * Visits every unexpired entry, for republishing and dumps. Entries put or removed concurrently may
     * or may not be seen.
     *
     * @param nowMillis the current time
     * @param action    called once per entry
     */
    void forEach(long nowMillis, Consumer<StoredValue> action);

    /**
     * Removes every entry that expired at or before {@code nowMillis}.
     *
     * @param nowMillis the current time
     * @return how many entries were removed
     */
    int removeExpired(long nowMillis);

    /**
     * Reads a named piece of node metadata: the node keeps its id and its routing-table contacts here, so a
     * node restarted on a persistent store keeps its identity and rejoins without a bootstrap contact.
     * Metadata is separate from the values: it never expires, is not visited by {@link #forEach}, and does
     * not count in {@link #size()}.
     *
     * @param name a short ASCII name, such as {@code node-id}
     * @return the bytes last written under {@code name}, or empty
     */
    Optional<byte[]> metadata(String name);

    /**
     * Writes a named piece of node metadata, replacing what was there; see {@link #metadata(String)}.
     *
     * @param name  a short ASCII name
     * @param value the bytes; copied
     */
    void putMetadata(String name, byte[] value);

    /**
     * The number of entries held, including expired ones not yet removed.
     *
     * @return the count
     */
    long size();

    /**
     * The total length of the values held, in bytes, including expired entries not yet removed: what a
     * node's byte limit is checked against. Exact, and cheap (no scan).
     *
     * @return bytes
     */
    long valueBytes();

    /** Releases the store's resources. Idempotent. */
    @Override
    void close();
}
