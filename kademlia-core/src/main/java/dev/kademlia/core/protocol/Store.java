package dev.kademlia.core.protocol;

import dev.kademlia.api.Key;
import java.util.Arrays;
import java.util.Objects;

/**
 * STORE: asks the receiver to keep {@code value} under {@code key} for {@code ttlSeconds}. Answered with
 * {@link StoreAck}, or with an {@link ErrorReply} ({@link ErrorCode#VALUE_TOO_LARGE},
 * {@link ErrorCode#STORE_FULL}, {@link ErrorCode#INVALID_TOKEN}, ...).
 *
 * <p>The {@code token} is the write token the receiver handed out in an earlier {@link Nodes} or
 * {@link ValueFound} reply to the sender, proving the sender reached it from its own address; receivers
 * that do not use tokens accept any, including the empty one.
 *
 * <p>The arrays are copied in and out, and compared by content.
 *
 * @param key        the key the value is stored under
 * @param value      the value; the codec bounds its size by {@link MessageCodec#maxValueBytes()}
 * @param ttlSeconds how long the receiver should keep it, in {@code [0, 0xFFFF_FFFF]};
 *                   {@link #TTL_NEVER} means it never expires
 * @param token      the receiver's write token, 0 to {@value MessageCodec#MAX_TOKEN_BYTES} bytes
 */
public record Store(Key key, byte[] value, long ttlSeconds, byte[] token) implements Request {

    /** The time to live of a value that never expires: the largest unsigned 32-bit number. */
    public static final long TTL_NEVER = 0xFFFF_FFFFL;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if {@code ttlSeconds} is outside {@code [0, 0xFFFF_FFFF]} or the
     *                                  token is longer than 32 bytes
     */
    public Store {
        Objects.requireNonNull(key, "key");
        value = OpaqueBytes.copyValue(value);
        if (ttlSeconds < 0 || ttlSeconds > TTL_NEVER) {
            throw new IllegalArgumentException(String.format(
                    "ttlSeconds must be in [0, %,d] (%,d = Store.TTL_NEVER, never expires); got %,d",
                    TTL_NEVER, TTL_NEVER, ttlSeconds));
        }
        token = OpaqueBytes.copyToken(token);
    }

    /**
     * The value, copied.
     *
     * @return the value's bytes
     */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /**
     * The write token, copied.
     *
     * @return 0 to 32 bytes
     */
    @Override
    public byte[] token() {
        return token.clone();
    }

    /**
     * Whether the value should never expire.
     *
     * @return true if {@code ttlSeconds == TTL_NEVER}
     */
    public boolean neverExpires() {
        return ttlSeconds == TTL_NEVER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Store s
                && s.key.equals(key)
                && Arrays.equals(s.value, value)
                && s.ttlSeconds == ttlSeconds
                && Arrays.equals(s.token, token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(value), ttlSeconds, Arrays.hashCode(token));
    }

    @Override
    public String toString() {
        return "Store[key=" + key + ", value=" + OpaqueBytes.describe(value) + ", ttlSeconds="
                + (neverExpires() ? "never" : ttlSeconds) + ", token=" + OpaqueBytes.describe(token) + "]";
    }
}
