package dev.kademlia.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer to {@link FindValue} from a node that holds the value. The arrays are copied in and out, and
 * compared by content.
 *
 * @param value the value; the codec bounds its size by {@link MessageCodec#maxValueBytes()}
 * @param token a write token the asker may present in a later {@link Store} to this node, 0 to
 *              {@value MessageCodec#MAX_TOKEN_BYTES} bytes (empty if the node uses none)
 */
public record ValueFound(byte[] value, byte[] token) implements Response {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if the token is longer than 32 bytes
     */
    public ValueFound {
        value = OpaqueBytes.copyValue(value);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueFound v && Arrays.equals(v.value, value) && Arrays.equals(v.token, token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(value), Arrays.hashCode(token));
    }

    @Override
    public String toString() {
        return "ValueFound[value=" + OpaqueBytes.describe(value) + ", token=" + OpaqueBytes.describe(token)
                + "]";
    }
}
