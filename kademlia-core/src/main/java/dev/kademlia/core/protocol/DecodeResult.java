package dev.kademlia.core.protocol;

import java.util.Objects;

/**
 * The outcome of {@link MessageCodec#decode(byte[])}: the {@link Decoded decoded} envelope, or why the
 * datagram was {@link Rejected rejected}. Decoding never throws; a node drops rejected datagrams (and may
 * count them by {@link Reason}).
 */
public sealed interface DecodeResult {

    /**
     * A well-formed datagram.
     *
     * @param envelope the message it carried
     */
    record Decoded(Envelope envelope) implements DecodeResult {

        /**
         * Validates the envelope.
         *
         * @throws NullPointerException if {@code envelope} is null
         */
        public Decoded {
            Objects.requireNonNull(envelope, "envelope");
        }
    }

    /**
     * A datagram that is not a valid message.
     *
     * @param reason the class of defect
     * @param detail what exactly was wrong, for logs
     */
    record Rejected(Reason reason, String detail) implements DecodeResult {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if either is null
         */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The classes of defect a datagram can have. */
    enum Reason {

        /** Shorter than the fixed header. */
        TOO_SHORT,

        /** Longer than the codec's datagram limit. */
        TOO_LONG,

        /** The first two bytes are not the protocol's magic. */
        BAD_MAGIC,

        /** A protocol version this codec does not speak. */
        UNSUPPORTED_VERSION,

        /** A message type byte that names no message. */
        UNKNOWN_TYPE,

        /** The datagram ends inside a fixed-size field or a length prefix. */
        TRUNCATED,

        /** A length or count prefix announces more bytes than the datagram holds. */
        LENGTH_MISMATCH,

        /** Bytes follow the end of the message body. */
        TRAILING_BYTES,

        /**
         * A field holds a value the format forbids: a reserved flag bit set, a port of 0, an address family
         * other than 4 or 6, an unusable address, a token or count or value over its limit, an unknown
         * error code, a message that is not UTF-8.
         */
        INVALID_FIELD
    }
}
