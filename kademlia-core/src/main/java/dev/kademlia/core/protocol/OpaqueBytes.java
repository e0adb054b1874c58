package dev.kademlia.core.protocol;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The opaque byte fields of messages, values and write tokens: the checks and copies their records share,
 * and how they print.
 */
final class OpaqueBytes {

    /** How many leading bytes of a value {@link #describe} shows. */
    private static final int SHOWN_BYTES = 16;

    private OpaqueBytes() {
    }

    /**
     * A private copy of a write token, after checking its length.
     *
     * @param token the token, 0 to {@value MessageCodec#MAX_TOKEN_BYTES} bytes
     * @return a copy
     * @throws IllegalArgumentException if the token is longer than 32 bytes
     */
    static byte[] copyToken(byte[] token) {
        Objects.requireNonNull(token, "token");
        if (token.length > MessageCodec.MAX_TOKEN_BYTES) {
            throw new IllegalArgumentException("token is " + token.length + " bytes; a token is at most "
                    + MessageCodec.MAX_TOKEN_BYTES + " bytes");
        }
        return token.clone();
    }

    /**
     * A private copy of a value.
     *
     * @param value the value, any length (the codec checks the datagram limit)
     * @return a copy
     */
    static byte[] copyValue(byte[] value) {
        return Objects.requireNonNull(value, "value").clone();
    }

    /**
     * A short printable form: the length, then the first 16 bytes in hex.
     *
     * @param bytes the field
     * @return for example {@code "3 bytes 0a0b0c"}, or {@code "0 bytes"}
     */
    static String describe(byte[] bytes) {
        if (bytes.length == 0) {
            return "0 bytes";
        }
        int shown = Math.min(bytes.length, SHOWN_BYTES);
        return bytes.length + " bytes " + HexFormat.of().formatHex(bytes, 0, shown)
                + (shown < bytes.length ? "..." : "");
    }
}
