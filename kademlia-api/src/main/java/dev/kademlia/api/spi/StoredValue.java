package dev.kademlia.api.spi;

import dev.kademlia.api.Key;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a {@link Store}: a value and what the node needs to expire and republish it. Immutable;
 * the value bytes are copied in and out.
 *
 * <p>The paper republishes replicas hourly and has the original publisher republish every 24 hours; the
 * {@link #originalPublisher()} flag tells the two apart.
 */
public final class StoredValue {

    /** The expiry time of an entry that never expires. */
    public static final long NEVER = Long.MAX_VALUE;

    private final Key key;
    private final byte[] value;
    private final long expiresAtMillis;
    private final long republishedAtMillis;
    private final boolean originalPublisher;

    /**
     * Creates an entry.
     *
     * @param key                 the key
     * @param value               the value; copied
     * @param expiresAtMillis     when the entry expires, or {@link #NEVER}
     * @param republishedAtMillis when the entry was last stored or republished
     * @param originalPublisher   whether this node published the value (as opposed to holding a replica)
     */
    public StoredValue(Key key, byte[] value, long expiresAtMillis, long republishedAtMillis,
            boolean originalPublisher) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value").clone();
        this.expiresAtMillis = expiresAtMillis;
        this.republishedAtMillis = republishedAtMillis;
        this.originalPublisher = originalPublisher;
    }

    /**
     * The key.
     *
     * @return the key
     */
    public Key key() {
        return key;
    }

    /**
     * The value, copied.
     *
     * @return the value's bytes
     */
    public byte[] value() {
        return value.clone();
    }

    /**
     * The value's length, without copying it.
     *
     * @return bytes
     */
    public int valueLength() {
        return value.length;
    }

    /**
     * When the entry expires.
     *
     * @return milliseconds on the node's clock, or {@link #NEVER}
     */
    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    /**
     * When the entry was last stored or republished.
     *
     * @return milliseconds on the node's clock
     */
    public long republishedAtMillis() {
        return republishedAtMillis;
    }

    /**
     * Whether this node is the value's original publisher.
     *
     * @return true for the publisher's own copy, false for a replica or cached copy
     */
    public boolean originalPublisher() {
        return originalPublisher;
    }

    /**
     * Whether the entry has expired at {@code nowMillis}.
     *
     * @param nowMillis the current time
     * @return true if {@code expiresAtMillis <= nowMillis}
     */
    public boolean isExpired(long nowMillis) {
        return expiresAtMillis <= nowMillis;
    }

    /**
     * A copy with a new republish time.
     *
     * @param millis the new republish time
     * @return the updated entry
     */
    public StoredValue withRepublishedAt(long millis) {
        return new StoredValue(key, value, expiresAtMillis, millis, originalPublisher);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredValue s
                && s.key.equals(key)
                && Arrays.equals(s.value, value)
                && s.expiresAtMillis == expiresAtMillis
                && s.republishedAtMillis == republishedAtMillis
                && s.originalPublisher == originalPublisher;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(value), expiresAtMillis, republishedAtMillis, originalPublisher);
    }

    @Override
    public String toString() {
        return "StoredValue[key=" + key + ", " + value.length + " bytes, expiresAt="
                + (expiresAtMillis == NEVER ? "never" : expiresAtMillis) + ", republishedAt="
                + republishedAtMillis + (originalPublisher ? ", original" : "") + "]";
    }
}
