package dev.kademlia.api;

/** A value is larger than what one datagram of the wire format can carry. */
public final class ValueTooLargeException extends KademliaException {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final int limit;

    /**
     * Creates the exception.
     *
     * @param size  the value's size in bytes
     * @param limit the largest value allowed, in bytes
     */
    public ValueTooLargeException(int size, int limit) {
        super(String.format("value is %,d bytes; the limit is %,d", size, limit));
        this.size = size;
        this.limit = limit;
    }

    /**
     * The refused value's size.
     *
     * @return bytes
     */
    public int size() {
        return size;
    }

    /**
     * The largest value allowed.
     *
     * @return bytes
     */
    public int limit() {
        return limit;
    }
}
