package dev.kademlia.api.spi;

import java.net.InetSocketAddress;

/**
 * Moves datagrams between nodes. A transport knows nothing of the wire format: the node encodes and
 * decodes messages with its codec and hands the transport plain byte arrays, so one codec serves every
 * transport (UDP, the simulated network of the test kit, or one of yours).
 *
 * <p>Delivery is best effort, as with UDP: datagrams may be lost, duplicated or reordered, and the node's
 * protocol copes with that. A transport must be safe to call from any thread.
 */
public interface Transport extends AutoCloseable {

    /**
     * Starts delivering received datagrams to {@code handler}. Called once, before the first
     * {@link #send}. The handler may be called from a transport thread and must return quickly.
     *
     * @param handler receives every datagram with its source address
     * @throws IllegalStateException if already started or closed
     */
    void start(DatagramHandler handler);

    /**
     * Sends one datagram. Never blocks for long and never throws for network conditions (an unreachable
     * address is a lost datagram); failures are counted by the transport.
     *
     * @param destination where to send
     * @param datagram    the bytes; the transport must not keep or modify the array after returning
     * @throws IllegalArgumentException if {@code datagram} is longer than {@link #maxDatagramBytes()}
     */
    void send(InetSocketAddress destination, byte[] datagram);

    /**
     * The address this transport receives on (with the real port when bound to port 0).
     *
     * @return the local address
     */
    InetSocketAddress localAddress();

    /**
     * The largest datagram this transport sends or accepts.
     *
     * @return bytes
     */
    int maxDatagramBytes();

    /** Releases the socket and threads; afterwards {@link #send} drops datagrams. Idempotent. */
    @Override
    void close();
}
