package dev.kademlia.core.protocol;

import dev.kademlia.api.spi.TransportOptions;
import java.util.Objects;

/**
 * The wire format: turns an {@link Envelope} into one datagram and back. Compact, versioned and binary;
 * the byte layout is documented in {@code docs/wire-format.md}. Every transport carries these datagrams,
 * and the codec knows nothing of transports.
 *
 * <p>A codec is configured with the datagram limit of its transport, from which follow the largest value
 * a message can carry ({@link #maxValueBytes()}) and the number of contacts a reply is guaranteed to fit
 * ({@link #maxContactsPerReply()}). With the default limit of 1,400 bytes these are 1,284 bytes and 25
 * contacts.
 *
 * <p>{@link #encode} checks the limits and throws on a message that breaks one (a bug of the caller);
 * {@link #decode} never throws: bytes from the network are untrusted, and a datagram that is not exactly
 * a valid encoding is {@link DecodeResult.Rejected rejected} with a reason. Every decoded envelope
 * re-encodes to the very bytes it was decoded from.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MessageCodec {

    /** The protocol version this codec writes and the only one it reads. */
    public static final int VERSION = 1;

    /** The longest write token, in bytes. */
    public static final int MAX_TOKEN_BYTES = 32;

    /**
     * The most contacts one {@link Nodes} reply may carry, whatever the datagram size: enough for the
     * usual k = 20 with room to spare. Replies are also bounded by the datagram size.
     */
    public static final int MAX_CONTACTS = 32;

    /** The fixed header every datagram starts with: magic, version, type, flags, transaction id, sender. */
    public static final int HEADER_BYTES = WireLayout.HEADER_BYTES;

    private final int maxDatagramBytes;
    private final int maxValueBytes;
    private final int maxContactsPerReply;
    private final MessageEncoder encoder;

    /**
     * Creates a codec for datagrams of at most {@code maxDatagramBytes}.
     *
     * @param maxDatagramBytes the transport's datagram limit, in
     *                         [{@value TransportOptions#MIN_MAX_DATAGRAM_BYTES},
     *                         {@value TransportOptions#MAX_MAX_DATAGRAM_BYTES}]
     * @throws IllegalArgumentException if the limit is outside that range
     */
    public MessageCodec(int maxDatagramBytes) {
        if (maxDatagramBytes < TransportOptions.MIN_MAX_DATAGRAM_BYTES
                || maxDatagramBytes > TransportOptions.MAX_MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException(String.format(
                    "maxDatagramBytes must be in [%,d, %,d]; got %,d", TransportOptions.MIN_MAX_DATAGRAM_BYTES,
                    TransportOptions.MAX_MAX_DATAGRAM_BYTES, maxDatagramBytes));
        }
        this.maxDatagramBytes = maxDatagramBytes;
        int bodyBytes = maxDatagramBytes - WireLayout.HEADER_BYTES;
        int storeRoom = bodyBytes - WireLayout.STORE_FIXED_BYTES - MAX_TOKEN_BYTES;
        int valueFoundRoom = bodyBytes - WireLayout.VALUE_FOUND_FIXED_BYTES - MAX_TOKEN_BYTES;
        this.maxValueBytes = Math.min(WireLayout.MAX_U16, Math.min(storeRoom, valueFoundRoom));
        int contactRoom = bodyBytes - WireLayout.NODES_FIXED_BYTES - MAX_TOKEN_BYTES;
        this.maxContactsPerReply = Math.min(MAX_CONTACTS, contactRoom / WireLayout.CONTACT_IPV6_BYTES);
        this.encoder = new MessageEncoder(maxDatagramBytes, maxValueBytes);
    }

    /**
     * The datagram limit.
     *
     * @return bytes
     */
    public int maxDatagramBytes() {
        return maxDatagramBytes;
    }

    /**
     * The largest value a {@link Store} request or {@link ValueFound} reply can carry within
     * {@link #maxDatagramBytes()}, with a full-size token: the datagram limit less 116 bytes (1,284 for
     * 1,400-byte datagrams). Both messages share this limit so that any value a node accepts, it can also
     * return.
     *
     * @return bytes
     */
    public int maxValueBytes() {
        return maxValueBytes;
    }

    /**
     * The most contacts a {@link Nodes} reply is guaranteed to fit when all are IPv6 and the token is full
     * size: {@code min(MAX_CONTACTS, (maxDatagramBytes - 79) / 51)}, 25 for 1,400-byte datagrams. Replies
     * with more (IPv4) contacts are encoded when they fit.
     *
     * @return a count in {@code [1, MAX_CONTACTS]}
     */
    public int maxContactsPerReply() {
        return maxContactsPerReply;
    }

    /**
     * Encodes one message.
     *
     * @param envelope the message
     * @return a new datagram of at most {@link #maxDatagramBytes()} bytes
     * @throws IllegalArgumentException naming the limit, if a value is longer than {@link #maxValueBytes()}
     *                                  or the message would exceed {@link #maxDatagramBytes()} (a
     *                                  {@link Nodes} reply with too many contacts); or if a contact's
     *                                  address cannot travel (unspecified, multicast, broadcast or
     *                                  IPv4-mapped). Tokens, contact counts and error messages are already
     *                                  bounded by their records ({@link ErrorReply} cuts long messages to
     *                                  200 UTF-8 bytes).
     */
    public byte[] encode(Envelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        return encoder.encode(envelope);
    }

    /**
     * Decodes one datagram. Never throws, whatever its content: anything but the exact encoding of a
     * message is rejected with a reason. Allocates nothing larger than the datagram.
     *
     * @param datagram the received bytes; not modified or retained
     * @return the envelope, or why the datagram was rejected
     * @throws NullPointerException if {@code datagram} is null
     */
    public DecodeResult decode(byte[] datagram) {
        Objects.requireNonNull(datagram, "datagram");
        return new MessageDecoder(datagram, maxDatagramBytes, maxValueBytes).decode();
    }

    @Override
    public String toString() {
        return "MessageCodec[version=" + VERSION + ", maxDatagramBytes=" + maxDatagramBytes + ", maxValueBytes="
                + maxValueBytes + ", maxContactsPerReply=" + maxContactsPerReply + "]";
    }
}
