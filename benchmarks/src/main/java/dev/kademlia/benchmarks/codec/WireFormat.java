package dev.kademlia.benchmarks.codec;

import dev.kademlia.api.spi.TransportOptions;
import dev.kademlia.core.protocol.DecodeResult;
import dev.kademlia.core.protocol.Envelope;
import dev.kademlia.core.protocol.MessageCodec;

/**
 * A wire format for messages: ours beside the naive reference. The benchmark takes one as a
 * {@code @Param}; each runs in its own JVM fork, so the calls through {@link DatagramCodec} are
 * monomorphic.
 */
public enum WireFormat {

    /**
     * Ours: {@link MessageCodec}, fixed-width binary fields behind a 2-byte magic, with the default
     * {@value TransportOptions#DEFAULT_MAX_DATAGRAM_BYTES}-byte datagram limit.
     */
    BINARY {
        @Override
        public DatagramCodec prepare() {
            MessageCodec codec = new MessageCodec(TransportOptions.DEFAULT_MAX_DATAGRAM_BYTES);
            return new DatagramCodec() {
                @Override
                public byte[] encode(Envelope envelope) {
                    return codec.encode(envelope);
                }

                @Override
                public DecodeResult decode(byte[] datagram) {
                    return codec.decode(datagram);
                }
            };
        }
    },

    /**
     * The original Rust crate's choice: JSON text, here written and read with Jackson
     * ({@link JsonNodesCodec}).
     */
    JSON {
        @Override
        public DatagramCodec prepare() {
            return new JsonNodesCodec();
        }
    };

    /**
     * A codec of this format.
     *
     * @return a thread-safe codec
     */
    public abstract DatagramCodec prepare();
}
