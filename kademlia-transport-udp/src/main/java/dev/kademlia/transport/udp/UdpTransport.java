package dev.kademlia.transport.udp;

import dev.kademlia.api.spi.DatagramHandler;
import dev.kademlia.api.spi.Transport;
import dev.kademlia.api.spi.TransportOptions;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.UnsupportedAddressTypeException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Transport} over UDP: one NIO {@link DatagramChannel} bound to one address, IPv4 or IPv6, and one
 * receive thread.
 *
 * <p><b>Receiving.</b> {@link #start} starts a daemon thread named {@code kademlia-udp-<port>} that waits on
 * a {@link Selector} and reads every waiting datagram into one reused direct buffer of
 * {@code maxDatagramBytes + 1} bytes; the extra byte is how a datagram over the limit is told apart from
 * one exactly at it. Each datagram within the limit is copied into a fresh array and given, with its
 * source, to the handler on that thread. Datagrams over the limit and empty datagrams are dropped and
 * counted, never delivered. A handler that throws is counted and logged (see below) and the loop goes on
 * with the next datagram. Datagrams that arrive between {@link #open} and {@link #start} wait in the
 * operating system's socket buffer and are delivered once started.
 *
 * <p><b>Sending.</b> The channel is in non-blocking mode, so {@link #send} never waits: it hands the datagram
 * to the operating system and returns. A non-blocking channel also means an interrupted calling thread
 * cannot close the channel, which a blocking NIO channel does to every thread sharing it. Sends are
 * thread-safe (the channel serialises them). A send the operating system refuses — a full socket send
 * buffer, an unreachable network, an IPv6 destination from an IPv4 socket — is a lost datagram: it is
 * counted in {@link UdpTransportStats#sendErrors()}, never thrown.
 *
 * <p><b>Closing.</b> {@link #close} closes the channel and the selector, which releases the port at once
 * and wakes the receive thread, then waits up to one second for that thread to end. A handler call
 * already under way is not interrupted; no new one starts. Sends after close are dropped silently.
 *
 * <p><b>Logging.</b> Problems go to the {@link System.Logger} named after this class. Failed sends and
 * handler errors are logged at {@code WARNING} the 1st, 2nd, 4th, 8th… time (each power of two) and at
 * {@code DEBUG} otherwise, so a persistent fault cannot flood the log; the exact counts are in
 * {@link #stats()}.
 */
public final class UdpTransport implements Transport {

    /** How long {@link #close} waits for the receive thread to finish the datagram it is handling. */
    private static final Duration RECEIVE_THREAD_JOIN_BOUND = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(UdpTransport.class.getName());

    private final DatagramChannel channel;
    private final Selector selector;
    private final InetSocketAddress localAddress;
    private final int maxDatagramBytes;
    /** Used by the receive thread only. */
    private final ByteBuffer receiveBuffer;

    private final Object lifecycleLock = new Object();
    /** Guarded by {@link #lifecycleLock}. */
    private Thread receiveThread;
    /** Written under {@link #lifecycleLock}; read anywhere. */
    private volatile boolean closed;

    private final AtomicLong datagramsReceived = new AtomicLong();
    private final AtomicLong datagramsSent = new AtomicLong();
    private final AtomicLong droppedOversize = new AtomicLong();
    private final AtomicLong droppedEmpty = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private final AtomicLong handlerErrors = new AtomicLong();
    /** Used by the receive thread only, to throttle its log. */
    private long receiveErrors;

    private UdpTransport(DatagramChannel channel, Selector selector, InetSocketAddress localAddress,
                         int maxDatagramBytes) {
        this.channel = channel;
        this.selector = selector;
        this.localAddress = localAddress;
        this.maxDatagramBytes = maxDatagramBytes;
        this.receiveBuffer = ByteBuffer.allocateDirect(maxDatagramBytes + 1);
    }

    /**
     * Opens a transport bound to {@code bindAddress}. The socket is IPv6 when the address is, IPv4
     * otherwise; an IPv6 wildcard ({@code [::]}) socket also reaches IPv4 peers where the system allows
     * dual-stack sockets.
     *
     * @param bindAddress the local address; port 0 picks a free port, which {@link #localAddress()} reports
     * @param options     the settings; {@link TransportOptions#maxDatagramBytes()} bounds both directions
     * @return a bound transport, not yet started
     * @throws IOException              if the address cannot be bound, with a message naming it (for example
     *                                  {@code cannot bind UDP 127.0.0.1:4000: address already in use}, as a
     *                                  {@link BindException}), or the socket cannot be opened
     * @throws IllegalArgumentException if {@code bindAddress} is an unresolved host name
     */
    public static UdpTransport open(InetSocketAddress bindAddress, TransportOptions options) throws IOException {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(options, "options");
        if (bindAddress.isUnresolved()) {
            throw new IllegalArgumentException("bind address " + describe(bindAddress)
                    + " is unresolved; give an IP address or a host name that resolves");
        }
        DatagramChannel channel = openChannel(bindAddress);
        try {
            bind(channel, bindAddress);
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            try {
                channel.register(selector, SelectionKey.OP_READ);
                InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
                return new UdpTransport(channel, selector, local, options.maxDatagramBytes());
            } catch (IOException | RuntimeException e) {
                closeAfterFailure(selector, e);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(channel, e);
            throw e;
        }
    }

    /**
     * Starts the receive thread, which delivers every datagram within the limit to {@code handler}.
     *
     * @param handler receives every datagram with its source address, on the receive thread
     * @throws IllegalStateException if already started or closed
     */
    @Override
    public void start(DatagramHandler handler) {
        Objects.requireNonNull(handler, "handler");
        synchronized (lifecycleLock) {
            if (closed) {
                throw new IllegalStateException("UDP transport on " + describe(localAddress)
                        + " is closed; open a new one to receive again");
            }
            if (receiveThread != null) {
                throw new IllegalStateException("UDP transport on " + describe(localAddress)
                        + " is already started; start is called once");
            }
            Thread thread = new Thread(() -> receiveLoop(handler), "kademlia-udp-" + localAddress.getPort());
            thread.setDaemon(true);
            receiveThread = thread;
            thread.start();
        }
    }

    /**
     * Sends one datagram without waiting. Failures are counted in {@link UdpTransportStats#sendErrors()};
     * after {@link #close} the datagram is dropped silently.
     *
     * @param destination where to send; must be resolved
     * @param datagram    the bytes; not kept after this call returns
     * @throws IllegalArgumentException if {@code datagram} is longer than {@link #maxDatagramBytes()}, or
     *                                  {@code destination} is an unresolved host name
     */
    @Override
    public void send(InetSocketAddress destination, byte[] datagram) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(datagram, "datagram");
        if (datagram.length > maxDatagramBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "datagram is %,d bytes; the limit is %,d", datagram.length, maxDatagramBytes));
        }
        if (destination.isUnresolved()) {
            throw new IllegalArgumentException("destination " + describe(destination)
                    + " is unresolved; resolve the host name before sending");
        }
        if (closed) {
            return;
        }
        try {
            int sent = channel.send(ByteBuffer.wrap(datagram), destination);
            if (sent == datagram.length) {
                datagramsSent.incrementAndGet();
            } else {
                countSendError(destination, "the socket send buffer is full", null);
            }
        } catch (ClosedChannelException e) {
            // closed while sending: dropped, like every send after close
        } catch (UnsupportedAddressTypeException e) {
            countSendError(destination, "the destination is not of this socket's address family", null);
        } catch (IOException e) {
            countSendError(destination, reason(e), e);
        }
    }

    /**
     * The bound address, with the real port when bound to port 0. Still answers after {@link #close}.
     *
     * @return the local address
     */
    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * The largest datagram sent or delivered, from {@link TransportOptions#maxDatagramBytes()}.
     *
     * @return bytes
     */
    @Override
    public int maxDatagramBytes() {
        return maxDatagramBytes;
    }

    /**
     * The counters so far.
     *
     * @return a snapshot
     */
    public UdpTransportStats stats() {
        return new UdpTransportStats(datagramsReceived.get(), datagramsSent.get(), droppedOversize.get(),
                droppedEmpty.get(), sendErrors.get(), handlerErrors.get());
    }

    /**
     * Closes the socket, which releases the port, and ends the receive thread, waiting up to one second for
     * a handler call under way to return. Idempotent; may be called from the handler itself.
     */
    @Override
    public void close() {
        Thread thread;
        synchronized (lifecycleLock) {
            if (closed) {
                return;
            }
            closed = true;
            thread = receiveThread;
            closeLogged(channel);
            closeLogged(selector);
        }
        if (thread != null && thread != Thread.currentThread()) {
            awaitEnd(thread);
        }
    }

    /**
     * Names the bound address and whether the transport is closed.
     *
     * @return for example {@code UdpTransport[127.0.0.1:4000]}
     */
    @Override
    public String toString() {
        return "UdpTransport[" + describe(localAddress) + (closed ? ", closed]" : "]");
    }

    private void receiveLoop(DatagramHandler handler) {
        try {
            while (!closed) {
                // A handler that interrupted this thread would make every select() return at once.
                Thread.interrupted();
                selector.select();
                selector.selectedKeys().clear();
                drain(handler);
            }
        } catch (ClosedSelectorException e) {
            // close() closed the selector: the normal way out.
        } catch (IOException e) {
            if (!closed) {
                LOG.log(Level.ERROR, () -> "UDP receive loop on " + describe(localAddress)
                        + " failed; this transport receives nothing more", e);
            }
        }
    }

    /** Delivers every datagram waiting in the socket, until none is left or the transport is closed. */
    private void drain(DatagramHandler handler) {
        while (!closed) {
            receiveBuffer.clear();
            InetSocketAddress source;
            try {
                source = (InetSocketAddress) channel.receive(receiveBuffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                long count = ++receiveErrors;
                LOG.log(logLevel(count), () -> "UDP receive on " + describe(localAddress) + " failed (receive error #"
                        + count + ")", e);
                return;
            }
            if (source == null) {
                return;
            }
            receiveBuffer.flip();
            deliver(handler, source, receiveBuffer);
        }
    }

    private void deliver(DatagramHandler handler, InetSocketAddress source, ByteBuffer datagram) {
        int length = datagram.remaining();
        if (length > maxDatagramBytes) {
            droppedOversize.incrementAndGet();
            LOG.log(Level.DEBUG, () -> String.format(Locale.ROOT,
                    "dropped a datagram from %s: longer than the %,d-byte limit", describe(source),
                    maxDatagramBytes));
            return;
        }
        if (length == 0) {
            droppedEmpty.incrementAndGet();
            return;
        }
        byte[] bytes = new byte[length];
        datagram.get(bytes);
        datagramsReceived.incrementAndGet();
        try {
            handler.onDatagram(source, bytes);
        } catch (Throwable e) {
            long count = handlerErrors.incrementAndGet();
            LOG.log(logLevel(count), () -> "datagram handler of UDP transport on " + describe(localAddress)
                    + " threw on a datagram from " + describe(source) + " (handler error #" + count
                    + "); receiving goes on", e);
        }
    }

    private void countSendError(InetSocketAddress destination, String reason, Exception cause) {
        long count = sendErrors.incrementAndGet();
        LOG.log(logLevel(count), () -> "UDP send from " + describe(localAddress) + " to "
                + describe(destination) + " failed: " + reason + " (send error #" + count + ")", cause);
    }

    /** {@code WARNING} on the 1st, 2nd, 4th, 8th… occurrence, {@code DEBUG} otherwise. */
    private static Level logLevel(long occurrence) {
        return Long.bitCount(occurrence) == 1 ? Level.WARNING : Level.DEBUG;
    }

    private static void awaitEnd(Thread thread) {
        try {
            thread.join(RECEIVE_THREAD_JOIN_BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            LOG.log(Level.WARNING, () -> thread.getName() + " is still in its datagram handler "
                    + RECEIVE_THREAD_JOIN_BOUND.toMillis() + " ms after close; it ends when the handler returns");
        }
    }

    private static DatagramChannel openChannel(InetSocketAddress bindAddress) throws IOException {
        ProtocolFamily family = bindAddress.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        try {
            return DatagramChannel.open(family);
        } catch (UnsupportedOperationException e) {
            throw new IOException("cannot open UDP " + describe(bindAddress) + ": " + family
                    + " sockets are not supported on this system", e);
        }
    }

    private static void bind(DatagramChannel channel, InetSocketAddress bindAddress) throws IOException {
        try {
            channel.bind(bindAddress);
        } catch (BindException e) {
            BindException named = new BindException("cannot bind UDP " + describe(bindAddress) + ": " + reason(e));
            named.initCause(e);
            throw named;
        } catch (IOException e) {
            throw new IOException("cannot bind UDP " + describe(bindAddress) + ": " + reason(e), e);
        }
    }

    /** The exception's message in lower case at the start ("Address already in use" reads mid-sentence). */
    private static String reason(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        if (message.length() > 1 && Character.isUpperCase(message.charAt(0))
                && Character.isLowerCase(message.charAt(1))) {
            return Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        return message;
    }

    /** {@code 127.0.0.1:4000}, or {@code [0:0:0:0:0:0:0:1]:4000} for IPv6. */
    static String describe(InetSocketAddress address) {
        String host = address.isUnresolved() ? address.getHostString() : address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static void closeAfterFailure(Closeable resource, Exception failure) {
        try {
            resource.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeLogged(Closeable resource) {
        try {
            resource.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a UDP channel or selector failed", e);
        }
    }
}
