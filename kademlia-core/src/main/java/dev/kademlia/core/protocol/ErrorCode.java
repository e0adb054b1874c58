package dev.kademlia.core.protocol;

import java.util.Optional;

/**
 * Why a node refused a request, as carried by an {@link ErrorReply}. The wire codes are fixed: a code is
 * never reused for another meaning.
 */
public enum ErrorCode {

    /** The request decoded but makes no sense to the receiver (for example a zero-length value). */
    MALFORMED_REQUEST(1),

    /** The STORE value is larger than the receiver accepts. */
    VALUE_TOO_LARGE(2),

    /** The receiver's store has no room for the value. */
    STORE_FULL(3),

    /** The STORE token is missing, expired, or was not issued to the sender's address. */
    INVALID_TOKEN(4),

    /** The sender sends more requests than the receiver serves; retry later or elsewhere. */
    RATE_LIMITED(5),

    /** The receiver failed for a reason of its own (for example a storage fault). */
    INTERNAL(6);

    private static final ErrorCode[] BY_WIRE_CODE = byWireCode();

    private final int wireCode;

    ErrorCode(int wireCode) {
        this.wireCode = wireCode;
    }

    /**
     * The code's byte on the wire.
     *
     * @return a number in {@code [1, 255]}
     */
    public int wireCode() {
        return wireCode;
    }

    /**
     * The code with the given wire byte.
     *
     * @param wireCode a wire code; any int
     * @return the code, or empty if none has that number
     */
    public static Optional<ErrorCode> fromWire(int wireCode) {
        if (wireCode < 0 || wireCode >= BY_WIRE_CODE.length) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_WIRE_CODE[wireCode]);
    }

    private static ErrorCode[] byWireCode() {
        int max = 0;
        for (ErrorCode code : values()) {
            max = Math.max(max, code.wireCode);
        }
        ErrorCode[] table = new ErrorCode[max + 1];
        for (ErrorCode code : values()) {
            table[code.wireCode] = code;
        }
        return table;
    }
}
