package dev.kademlia.benchmarks.codec;

import dev.kademlia.core.protocol.DecodeResult;
import dev.kademlia.core.protocol.Envelope;

/**
 * Turns a message into the bytes of one datagram and back, with the contract of
 * {@link dev.kademlia.core.protocol.MessageCodec}: decoding never throws, it reports a malformed datagram
 * as {@link DecodeResult.Rejected}.
 */
public interface DatagramCodec {

    /**
     * The datagram carrying a message.
     *
     * @param envelope the message
     * @return its bytes
     */
    byte[] encode(Envelope envelope);

    /**
     * The message a datagram carries.
     *
     * @param datagram the bytes received
     * @return the message, or why the bytes are not one
     */
    DecodeResult decode(byte[] datagram);
}
