package dev.kademlia.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer to {@link FindValue} from a node that holds the value. The arrays are copied in and out, and
 * compared by content.
 *
 * @param value      the value; the codec bounds its size by {@link MessageCodec#maxValueBytes()}
 * @param ttlSeconds the lifetime the holder's copy has left, in {@code [0, 0xFFFF_FFFF]};
 *                   {@link Store#TTL_NEVER} if it never expires. A copy cached from this answer must not
 *                   outlive it.
 * @param token      a write token the asker may present in a later {@link Store} to this node, 0 to
 *                   {@value MessageCodec#MAX_TOKEN_BYTES} bytes (empty if the node uses none)
 */
public record ValueFound(byte[] value, long ttlSeconds, byte[] token) implements Response {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if {@code ttlSeconds} is out of range or the token is longer than
     *                                  32 bytes
     */
    public ValueFound {
        value = OpaqueBytes.copyValue(value);
        if (ttlSeconds < 0 || ttlSeconds > Store.TTL_NEVER) {
            throw new IllegalArgumentException(String.format(
                    "ttlSeconds must be in [0, %,d] (%,d = Store.TTL_NEVER, never expires); got %,d",
                    Store.TTL_NEVER, Store.TTL_NEVER, ttlSeconds));
        }
        token = OpaqueBytes.copyToken(token);
    }

    /**
     * A value that never expires.
     *
     * @param value the value
     * @param token the write token
     */
    public ValueFound(byte[] value, byte[] token) {
        this(value, Store.TTL_NEVER, token);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueFound v && Arrays.equals(v.value, value) && v.ttlSeconds == ttlSeconds
                && Arrays.equals(v.token, token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(value), ttlSeconds, Arrays.hashCode(token));
    }

    @Override
    public String toString() {
        return "ValueFound[value=" + OpaqueBytes.describe(value) + ", ttlSeconds=" + ttlSeconds + ", token="
                + OpaqueBytes.describe(token) + "]";
    }
}
