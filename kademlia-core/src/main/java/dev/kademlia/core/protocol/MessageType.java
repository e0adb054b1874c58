package dev.kademlia.core.protocol;

/**
 * The message type byte of the header. Requests have the high bit clear; responses have it set, and a
 * success reply's code is its request's code with the high bit set ({@code FIND_VALUE}'s reply may also
 * be {@code NODES}). {@code ERROR} answers any request.
 */
enum MessageType {

    /** {@link Ping}. */
    PING(0x01),
    /** {@link Store}. */
    STORE(0x02),
    /** {@link FindNode}. */
    FIND_NODE(0x03),
    /** {@link FindValue}. */
    FIND_VALUE(0x04),
    /** {@link Pong}. */
    PONG(0x81),
    /** {@link StoreAck}. */
    STORE_ACK(0x82),
    /** {@link Nodes}. */
    NODES(0x83),
    /** {@link ValueFound}. */
    VALUE_FOUND(0x84),
    /** {@link ErrorReply}. */
    ERROR(0xFF);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /**
     * The type byte.
     *
     * @return the unsigned code, in {@code [0, 255]}
     */
    int code() {
        return code;
    }

    /**
     * The type with the given byte.
     *
     * @param code an unsigned byte, in {@code [0, 255]}
     * @return the type, or null if no type has that code
     */
    static MessageType fromCode(int code) {
        return BY_CODE[code];
    }

    /**
     * The type of a payload.
     *
     * @param payload any payload
     * @return its type
     */
    static MessageType of(Payload payload) {
        if (payload instanceof Ping) {
            return PING;
        } else if (payload instanceof Store) {
            return STORE;
        } else if (payload instanceof FindNode) {
            return FIND_NODE;
        } else if (payload instanceof FindValue) {
            return FIND_VALUE;
        } else if (payload instanceof Pong) {
            return PONG;
        } else if (payload instanceof StoreAck) {
            return STORE_ACK;
        } else if (payload instanceof Nodes) {
            return NODES;
        } else if (payload instanceof ValueFound) {
            return VALUE_FOUND;
        } else if (payload instanceof ErrorReply) {
            return ERROR;
        }
        throw new AssertionError("Payload is sealed; not one of its types: " + payload.getClass());
    }
}
