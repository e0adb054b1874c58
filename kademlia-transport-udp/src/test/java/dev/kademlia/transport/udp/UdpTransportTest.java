package dev.kademlia.transport.udp;

import dev.kademlia.api.spi.DatagramHandler;
import dev.kademlia.api.spi.TransportOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the UDP transport does beyond the transport contract: limits, counters, errors, threads, ports. */
class UdpTransportTest {

    /** Bounds only how long a broken transport takes to fail a test. */
    private static final long WAIT_SECONDS = 10;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void datagramsOverTheLimitAreDroppedAndCounted() throws Exception {
        Recorder recorder = new Recorder();
        UdpTransport transport = started(TransportOptions.defaults(), recorder);
        DatagramChannel raw = rawChannel();

        raw.send(ByteBuffer.wrap(new byte[TransportOptions.DEFAULT_MAX_DATAGRAM_BYTES + 1]), transport.localAddress());
        raw.send(ByteBuffer.wrap(new byte[9_000]), transport.localAddress());
        raw.send(ByteBuffer.wrap(bytes(1, 2, 3)), transport.localAddress());

        assertArrayEquals(bytes(1, 2, 3), recorder.next().datagram());
        assertEquals(List.of(), recorder.drain(), "a datagram over the limit was delivered");
        UdpTransportStats stats = transport.stats();
        assertEquals(2, stats.droppedOversize());
        assertEquals(1, stats.datagramsReceived());
    }

    @Test
    void aDatagramAtASmallerLimitIsDeliveredAndOneByteMoreIsNot() throws Exception {
        Recorder recorder = new Recorder();
        UdpTransport transport = started(new TransportOptions(512), recorder);
        DatagramChannel raw = rawChannel();
        byte[] atLimit = new byte[512];
        Arrays.fill(atLimit, (byte) 7);

        raw.send(ByteBuffer.wrap(new byte[513]), transport.localAddress());
        raw.send(ByteBuffer.wrap(atLimit), transport.localAddress());

        assertArrayEquals(atLimit, recorder.next().datagram());
        assertEquals(1, transport.stats().droppedOversize());
        assertEquals(512, transport.maxDatagramBytes());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> transport.send(transport.localAddress(), new byte[513]));
        assertEquals("datagram is 513 bytes; the limit is 512", refused.getMessage());
    }

    @Test
    void theDefaultLimitIsNamedWithGroupedDigitsWhenRefusing() throws Exception {
        UdpTransport transport = opened(TransportOptions.defaults());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> transport.send(transport.localAddress(), new byte[70_000]));

        assertEquals("datagram is 70,000 bytes; the limit is 1,400", refused.getMessage());
        assertEquals(0, transport.stats().datagramsSent());
    }

    @Test
    void emptyDatagramsAreDroppedAndCounted() throws Exception {
        Recorder recorder = new Recorder();
        UdpTransport transport = started(TransportOptions.defaults(), recorder);
        DatagramChannel raw = rawChannel();

        raw.send(ByteBuffer.allocate(0), transport.localAddress());
        raw.send(ByteBuffer.wrap(bytes(9)), transport.localAddress());

        assertArrayEquals(bytes(9), recorder.next().datagram());
        assertEquals(List.of(), recorder.drain(), "an empty datagram was delivered");
        assertEquals(1, transport.stats().droppedEmpty());
        assertEquals(1, transport.stats().datagramsReceived());
    }

    @Test
    void aHandlerThatThrowsIsCountedAndReceivingGoesOn() throws Exception {
        Recorder recorder = new Recorder();
        DatagramHandler throwing = (source, datagram) -> {
            recorder.onDatagram(source, datagram);
            if (datagram[0] == 1) {
                throw new IllegalStateException("handler failure for the test");
            }
            if (datagram[0] == 2) {
                throw new AssertionError("handler error for the test");
            }
        };
        UdpTransport receiver = started(TransportOptions.defaults(), throwing);
        UdpTransport sender = started(TransportOptions.defaults(), new Recorder());

        for (int marker = 1; marker <= 3; marker++) {
            sender.send(receiver.localAddress(), bytes(marker));
        }

        List<Integer> markers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            markers.add((int) recorder.next().datagram()[0]);
        }
        assertEquals(List.of(1, 2, 3), markers, "receiving stopped after the handler threw");
        UdpTransportStats stats = receiver.stats();
        assertEquals(2, stats.handlerErrors());
        assertEquals(3, stats.datagramsReceived());
    }

    @Test
    void interruptsNeitherCloseTheSocketNorStopTheLoop() throws Exception {
        Recorder recorder = new Recorder();
        DatagramHandler interrupting = (source, datagram) -> {
            recorder.onDatagram(source, datagram);
            Thread.currentThread().interrupt();
        };
        UdpTransport receiver = started(TransportOptions.defaults(), interrupting);
        UdpTransport sender = started(TransportOptions.defaults(), new Recorder());

        Thread.currentThread().interrupt();
        try {
            sender.send(receiver.localAddress(), bytes(1));
        } finally {
            assertTrue(Thread.interrupted(), "send cleared the caller's interrupt status");
        }
        assertArrayEquals(bytes(1), recorder.next().datagram());
        sender.send(receiver.localAddress(), bytes(2));

        assertArrayEquals(bytes(2), recorder.next().datagram(),
                "an interrupted sender or handler thread broke the transport");
        assertEquals(2, sender.stats().datagramsSent());
        assertEquals(0, sender.stats().sendErrors());
    }

    @Test
    void sendsAndReceivesAreCounted() throws Exception {
        Recorder recorder = new Recorder();
        UdpTransport receiver = started(TransportOptions.defaults(), recorder);
        UdpTransport sender = started(TransportOptions.defaults(), new Recorder());

        for (int i = 0; i < 3; i++) {
            sender.send(receiver.localAddress(), bytes(i));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(sender.localAddress(), recorder.next().source());
        }

        assertEquals(new UdpTransportStats(0, 3, 0, 0, 0, 0), sender.stats());
        assertEquals(new UdpTransportStats(3, 0, 0, 0, 0, 0), receiver.stats());
    }

    @Test
    void aSendToTheOtherAddressFamilyIsCountedNotThrown() throws Exception {
        UdpTransport ipv4 = started(TransportOptions.defaults(), new Recorder());

        assertDoesNotThrow(() -> ipv4.send(new InetSocketAddress(Loopback.ipv6(), 9), bytes(1)));

        assertEquals(1, ipv4.stats().sendErrors());
        assertEquals(0, ipv4.stats().datagramsSent());
    }

    @Test
    void aSendToAnUnresolvedHostIsRefused() throws Exception {
        UdpTransport transport = opened(TransportOptions.defaults());
        InetSocketAddress unresolved = InetSocketAddress.createUnresolved("node.example", 4000);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> transport.send(unresolved, bytes(1)));

        assertTrue(refused.getMessage().contains("node.example:4000"), refused.getMessage());
        assertEquals(0, transport.stats().sendErrors());
    }

    @Test
    void datagramsThatArriveBeforeStartAreDeliveredOnceStarted() throws Exception {
        UdpTransport transport = opened(TransportOptions.defaults());
        DatagramChannel raw = rawChannel();
        raw.send(ByteBuffer.wrap(bytes(4, 2)), transport.localAddress());

        Recorder recorder = new Recorder();
        transport.start(recorder);

        Delivery delivery = recorder.next();
        assertArrayEquals(bytes(4, 2), delivery.datagram());
        assertEquals(raw.getLocalAddress(), delivery.source());
    }

    @Test
    void concurrentSendersAreAllDelivered() throws Exception {
        Recorder recorder = new Recorder();
        UdpTransport receiver = started(TransportOptions.defaults(), recorder);
        UdpTransport sender = started(TransportOptions.defaults(), new Recorder());
        int threads = 4;
        int perThread = 10;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread sending = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    sender.send(receiver.localAddress(), bytes(thread, i));
                }
            });
            sending.start();
            senders.add(sending);
        }
        go.countDown();
        for (Thread sending : senders) {
            sending.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }

        Set<List<Byte>> received = IntStream.range(0, threads * perThread)
                .mapToObj(i -> asList(recorder.next().datagram())).collect(Collectors.toSet());
        assertEquals(threads * perThread, received.size(), "a datagram arrived twice");
        assertEquals(threads * perThread, sender.stats().datagramsSent());
    }

    @Test
    void closeReleasesThePortAndEndsTheReceiveThread() throws Exception {
        UdpTransport transport = started(TransportOptions.defaults(), new Recorder());
        int port = transport.localAddress().getPort();
        List<Thread> receiveThreads = threadsNamed("kademlia-udp-" + port);
        assertEquals(1, receiveThreads.size(), "expected one receive thread named kademlia-udp-" + port);
        assertTrue(receiveThreads.get(0).isDaemon(), "the receive thread must not keep the JVM alive");

        transport.close();

        assertPortFree(port);
        assertEnds(receiveThreads.get(0));
    }

    @Test
    void closeReleasesThePortOfAnUnstartedTransport() throws Exception {
        UdpTransport transport = opened(TransportOptions.defaults());
        int port = transport.localAddress().getPort();

        transport.close();

        assertPortFree(port);
        assertEquals(port, transport.localAddress().getPort(), "localAddress() must still answer after close");
    }

    @Test
    void theHandlerMayCloseItsOwnTransport() throws Exception {
        AtomicReference<UdpTransport> self = new AtomicReference<>();
        Recorder recorder = new Recorder();
        UdpTransport transport = started(TransportOptions.defaults(), (source, datagram) -> {
            self.get().close();
            recorder.onDatagram(source, datagram);
        }, self);
        int port = transport.localAddress().getPort();
        Thread receiveThread = threadsNamed("kademlia-udp-" + port).get(0);

        rawChannel().send(ByteBuffer.wrap(bytes(1)), transport.localAddress());

        assertArrayEquals(bytes(1), recorder.next().datagram());
        assertEnds(receiveThread);
        assertPortFree(port);
        assertTrue(transport.toString().endsWith(", closed]"), transport.toString());
    }

    @Test
    void toStringNamesTheAddress() throws Exception {
        UdpTransport transport = opened(TransportOptions.defaults());

        assertEquals("UdpTransport[127.0.0.1:" + transport.localAddress().getPort() + "]", transport.toString());
    }

    // ---------------------------------------------------------------------------------------------------

    private UdpTransport opened(TransportOptions options) throws IOException {
        UdpTransport transport = UdpTransport.open(Loopback.ipv4AnyPort(), options);
        resources.add(transport);
        return transport;
    }

    private UdpTransport started(TransportOptions options, DatagramHandler handler) throws IOException {
        return started(options, handler, new AtomicReference<>());
    }

    private UdpTransport started(TransportOptions options, DatagramHandler handler,
                                 AtomicReference<UdpTransport> self) throws IOException {
        UdpTransport transport = opened(options);
        self.set(transport);
        transport.start(handler);
        return transport;
    }

    private DatagramChannel rawChannel() throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        resources.add(channel);
        channel.bind(Loopback.ipv4AnyPort());
        return channel;
    }

    private static void assertPortFree(int port) throws IOException {
        try (DatagramChannel rebound = DatagramChannel.open(StandardProtocolFamily.INET)) {
            rebound.bind(new InetSocketAddress(Loopback.ipv4(), port));
            assertEquals(port, ((InetSocketAddress) rebound.getLocalAddress()).getPort());
        }
    }

    /** Waits for the thread to end; close() already waited, so this normally returns at once. */
    private static void assertEnds(Thread thread) throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertFalse(thread.isAlive(), thread.getName() + " did not end after close");
    }

    private static List<Thread> threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(name) && thread.isAlive())
                .collect(Collectors.toList());
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static List<Byte> asList(byte[] bytes) {
        List<Byte> list = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    /** One delivered datagram. */
    private record Delivery(InetSocketAddress source, byte[] datagram) {
    }

    /** Records deliveries; the test thread takes them with a bounded wait. */
    private static final class Recorder implements DatagramHandler {
        private final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

        @Override
        public void onDatagram(InetSocketAddress source, byte[] datagram) {
            deliveries.add(new Delivery(source, datagram));
        }

        Delivery next() {
            try {
                Delivery next = deliveries.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(next, "no datagram arrived within " + WAIT_SECONDS + " s");
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a datagram", e);
            }
        }

        List<Delivery> drain() {
            List<Delivery> rest = new ArrayList<>();
            deliveries.drainTo(rest);
            return rest;
        }
    }
}
