package dev.kademlia.testkit.sim;

import dev.kademlia.api.spi.DatagramHandler;
import dev.kademlia.api.spi.Transport;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link Transport} on a {@link SimulatedNetwork}: what a simulated node sends and receives through in
 * place of a UDP socket. Created by {@link SimulatedNetwork#transport(InetSocketAddress)}.
 *
 * <p>{@link #send} copies the datagram and hands it to the network, which loses it or delivers it to the
 * handler of the transport bound to the destination after a simulated latency, as an event on the
 * network's {@link VirtualScheduler}. Datagrams that arrive before {@link #start}, after {@link #close()},
 * or longer than this transport's limit are dropped and counted by the network.
 *
 * <p>Unlike a real transport, this one is single-threaded, like the whole simulation: call it from the
 * thread that drives the scheduler, or from tasks. Handlers are called on that thread.
 */
public final class SimulatedTransport implements Transport {

    private final SimulatedNetwork network;
    private final InetSocketAddress localAddress;
    private final int maxDatagramBytes;
    private DatagramHandler handler;
    private boolean closed;

    SimulatedTransport(SimulatedNetwork network, InetSocketAddress localAddress, int maxDatagramBytes) {
        this.network = network;
        this.localAddress = localAddress;
        this.maxDatagramBytes = maxDatagramBytes;
    }

    /**
     * Starts delivering datagrams that arrive from now on to {@code handler}.
     *
     * @param handler receives every datagram, on the scheduler's thread
     * @throws IllegalStateException if already started or closed
     */
    @Override
    public void start(DatagramHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (closed) {
            throw new IllegalStateException("transport " + localAddress + " is closed; it cannot be started");
        }
        if (this.handler != null) {
            throw new IllegalStateException("transport " + localAddress + " is already started; start it once");
        }
        this.handler = handler;
    }

    /**
     * Sends a copy of {@code datagram} through the network. After {@link #close()} the datagram is
     * dropped.
     *
     * @param destination where to send
     * @param datagram    the bytes; copied
     * @throws IllegalArgumentException if {@code datagram} is longer than {@link #maxDatagramBytes()}
     */
    @Override
    public void send(InetSocketAddress destination, byte[] datagram) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(datagram, "datagram");
        if (datagram.length > maxDatagramBytes) {
            throw new IllegalArgumentException(String.format("datagram is %,d bytes; the limit is %,d",
                    datagram.length, maxDatagramBytes));
        }
        if (closed) {
            network.dropSent();
            return;
        }
        network.send(this, destination, Arrays.copyOf(datagram, datagram.length));
    }

    /**
     * The address this transport is bound to.
     *
     * @return the address
     */
    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * The longest datagram this transport sends or accepts.
     *
     * @return bytes
     */
    @Override
    public int maxDatagramBytes() {
        return maxDatagramBytes;
    }

    /**
     * Whether {@link #start} has been called and {@link #close()} has not.
     *
     * @return true if datagrams are being delivered to a handler
     */
    public boolean isRunning() {
        return handler != null && !closed;
    }

    /**
     * Stops receiving and sending, as if the node had crashed, and frees the address for a new transport.
     * Datagrams in flight to this transport are dropped. Idempotent.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            network.unbind(this);
        }
    }

    @Override
    public String toString() {
        return "SimulatedTransport[" + localAddress + (closed ? ", closed" : handler == null ? ", not started" : "")
                + "]";
    }

    /** Whether a datagram of this length can be handed to the handler now. */
    boolean accepts(int length) {
        return handler != null && !closed && length <= maxDatagramBytes;
    }

    /** Hands an accepted datagram, owned by the receiver, to the handler. */
    void receive(InetSocketAddress source, byte[] datagram) {
        handler.onDatagram(source, datagram);
    }
}
