package dev.kademlia.core.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A refusal: the answer to any {@link Request} the receiver would not or could not serve.
 *
 * <p>The message is for humans (logs, exception texts) and is kept short: the constructor cuts it to at
 * most {@value #MAX_MESSAGE_BYTES} UTF-8 bytes, at a character boundary, so every {@code ErrorReply} fits
 * a datagram and decodes back equal to itself. Unpaired surrogates, which UTF-8 cannot carry, become
 * {@code '?'}.
 *
 * @param code    why the request was refused
 * @param message a short explanation, possibly empty; at most 200 UTF-8 bytes after construction
 */
public record ErrorReply(ErrorCode code, String message) implements Response {

    /** The longest message, in UTF-8 bytes. */
    public static final int MAX_MESSAGE_BYTES = 200;

    /**
     * Validates the code and cuts the message to {@value #MAX_MESSAGE_BYTES} UTF-8 bytes.
     *
     * @throws NullPointerException if {@code code} or {@code message} is null
     */
    public ErrorReply {
        Objects.requireNonNull(code, "code");
        message = fitted(Objects.requireNonNull(message, "message"));
    }

    /**
     * The message's UTF-8 bytes, as the codec writes them.
     *
     * @return 0 to 200 bytes
     */
    byte[] messageBytes() {
        return message.getBytes(StandardCharsets.UTF_8);
    }

    private static String fitted(String message) {
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        int end = utf8.length;
        if (end > MAX_MESSAGE_BYTES) {
            end = MAX_MESSAGE_BYTES;
            while (end > 0 && (utf8[end] & 0xC0) == 0x80) { // never cut inside a character
                end--;
            }
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }
}
