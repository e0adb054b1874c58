package dev.kademlia.testkit.contract;

import dev.kademlia.api.spi.DatagramHandler;
import dev.kademlia.api.spi.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The behaviour every {@link Transport} shows, written once and run against each implementation by
 * subclassing (as Netty runs one datagram suite over NIO and epoll):
 *
 * <pre>{@code
 * class UdpTransportContractTest extends TransportContract {
 *     protected Transport openTransport() throws IOException {
 *         return new UdpTransportProvider().open(new InetSocketAddress("127.0.0.1", 0), TransportOptions.defaults());
 *     }
 *
 *     protected void deliverPending() {
 *         // datagrams arrive on the transport's own thread: nothing to drive
 *     }
 * }
 * }</pre>
 *
 * <h2>What a subclass provides</h2>
 * {@link #openTransport()} returns a fresh transport, not started, on an address of its own. Every transport
 * it returns during one test can reach every other, has the same {@link Transport#maxDatagramBytes()}, and
 * is bound to a specific address (not a wildcard), so that the source of a received datagram equals the
 * sender's {@link Transport#localAddress()}. The network between them must not lose, duplicate or corrupt
 * datagrams at the small volumes used here: loopback UDP qualifies, and so does a simulated network with
 * loss turned off. The contract closes every transport it opened after each test.
 *
 * <h2>How the contract waits for datagrams</h2>
 * The contract starts each transport with its own recording handler, which puts every datagram into a
 * queue. When a test expects datagrams it loops: call {@link #deliverPending()}, look at what has arrived,
 * and if that is not yet enough, wait up to 20 ms for the next arrival; it gives up and fails after
 * {@link #deliveryTimeout()}. One loop serves both kinds of transport:
 * <ul>
 *   <li>a transport with its own threads (UDP) implements {@code deliverPending()} as nothing at all: its
 *       datagrams arrive on the receive thread and wake the wait;</li>
 *   <li>a simulated transport on a virtual scheduler implements it as "run the scheduler until nothing is
 *       due", after which every datagram sent so far has been delivered and the wait ends at once.</li>
 * </ul>
 * The timeout only bounds how long a broken transport takes to fail; no test asserts on elapsed time.
 *
 * <h2>How the contract shows that nothing arrived, without sleeping</h2>
 * To show that a datagram is not delivered (one over the limit, one sent by or to a closed transport), a
 * test then sends a sentinel datagram along an open path and waits for it; once the sentinel has arrived,
 * anything sent before it would have arrived too on a transport that keeps the send order, as loopback UDP
 * and a drained simulated network both do. On a transport that reorders, these checks can only pass too
 * easily, never fail wrongly.
 */
public abstract class TransportContract {

    /** How many datagrams {@link #manyDatagramsAreEachDeliveredExactlyOnce()} sends. */
    private static final int MANY = 200;

    /**
     * Datagrams sent before waiting for them to arrive. Small enough that a burst always fits the receiver's
     * socket buffer (about 200 small datagrams on Linux by default), so loopback UDP stays loss-free even
     * when the receive thread is slow to be scheduled.
     */
    private static final int BATCH = 20;

    /** Marks the numbered datagrams of {@link #manyDatagramsAreEachDeliveredExactlyOnce()}. */
    private static final int NUMBERED_MAGIC = 0x4B41_4431;

    private static final long POLL_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final List<Transport> opened = new ArrayList<>();
    private int sentinels;

    /** For subclasses. */
    protected TransportContract() {
    }

    /**
     * Opens a fresh transport, not started, on an address of its own; see the class description for what
     * every transport returned must satisfy.
     *
     * @return the transport; the contract starts and closes it
     * @throws Exception if it cannot be opened, which fails the test
     */
    protected abstract Transport openTransport() throws Exception;

    /**
     * Lets the transports under test deliver what has been sent so far. Called before every look at the
     * received datagrams. A transport with its own receive threads does nothing here; a simulated one runs
     * its virtual scheduler until nothing is due.
     *
     * @throws Exception if delivering fails, which fails the test
     */
    protected abstract void deliverPending() throws Exception;

    /**
     * How long to wait for expected datagrams before failing the test. Only bounds how long a broken
     * transport takes to fail; never asserted on.
     *
     * @return 10 seconds unless overridden
     */
    protected Duration deliveryTimeout() {
        return Duration.ofSeconds(10);
    }

    /** Closes every transport this test opened, last opened first. */
    @AfterEach
    public void closeEveryTransport() {
        List<Transport> toClose = new ArrayList<>(opened);
        opened.clear();
        Collections.reverse(toClose);
        toClose.forEach(Transport::close);
    }

    /**
     * A datagram sent from A to B arrives at B with exactly the bytes sent and A's address as its source.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void sendDeliversTheExactBytesWithTheSenderAsSource() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();
        byte[] sent = pattern(300, 1);

        a.transport().send(b.address(), sent.clone());

        Received received = awaitCount(b, 1).get(0);
        assertArrayEquals(sent, received.bytes(), "B received other bytes than A sent");
        assertEquals(a.address(), received.source(), "the source of the datagram is not A's local address");
        assertEquals(List.of(), a.inbox().received(), "A received a datagram although nobody sent it one");
    }

    /**
     * A and B each send to the other, and each receives the other's datagram from the other's address.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void datagramsFlowInBothDirections() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();
        byte[] fromA = pattern(50, 2);
        byte[] fromB = pattern(70, 3);

        a.transport().send(b.address(), fromA.clone());
        b.transport().send(a.address(), fromB.clone());

        Received atB = awaitCount(b, 1).get(0);
        Received atA = awaitCount(a, 1).get(0);
        assertArrayEquals(fromA, atB.bytes());
        assertEquals(a.address(), atB.source());
        assertArrayEquals(fromB, atA.bytes());
        assertEquals(b.address(), atA.source());
    }

    /**
     * Two hundred numbered datagrams from A to B arrive each exactly once: none lost, none duplicated. They
     * are sent in bursts of twenty, each awaited before the next, so that loopback UDP cannot overflow the
     * receiver's socket buffer; the order within a burst is not checked, as UDP does not promise it.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void manyDatagramsAreEachDeliveredExactlyOnce() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();

        for (int first = 0; first < MANY; first += BATCH) {
            for (int i = first; i < first + BATCH; i++) {
                a.transport().send(b.address(), numbered(i));
            }
            awaitCount(b, first + BATCH);
        }
        List<Received> received = flush(a, b);

        assertTrue(received.stream().allMatch(r -> r.source().equals(a.address())),
                "some datagrams arrived with a source other than A's address");
        List<Integer> indices = received.stream().map(r -> numberOf(r.bytes())).sorted()
                .collect(Collectors.toList());
        List<Integer> expected = IntStream.range(0, MANY).boxed().collect(Collectors.toList());
        assertEquals(expected, indices, "each of the " + MANY + " datagrams must arrive exactly once");
    }

    /**
     * A datagram of exactly {@link Transport#maxDatagramBytes()} bytes is sent and delivered intact.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void datagramOfExactlyTheLimitIsDelivered() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();
        int limit = a.transport().maxDatagramBytes();
        assertEquals(limit, b.transport().maxDatagramBytes(),
                "openTransport() must give every transport the same datagram limit");
        byte[] sent = pattern(limit, 4);

        a.transport().send(b.address(), sent.clone());

        assertArrayEquals(sent, awaitCount(b, 1).get(0).bytes());
    }

    /**
     * A datagram one byte over the limit is refused by {@code send} with an
     * {@link IllegalArgumentException} whose message names the limit, and nothing is sent.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void datagramOverTheLimitIsRefusedAndNotSent() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();
        int limit = a.transport().maxDatagramBytes();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> a.transport().send(b.address(), new byte[limit + 1]));

        String message = refused.getMessage();
        assertNotNull(message, "the refusal must say what the limit is");
        assertTrue(numbersIn(message).contains(limit),
                "the refusal must name the limit of " + limit + " bytes; got: " + message);
        assertEquals(List.of(), flush(a, b), "B received a datagram that send refused");
    }

    /**
     * The sender may change its array as soon as {@code send} returns: the receiver still gets the bytes as
     * they were when sent.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void senderMayReuseItsArrayAfterSend() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();
        byte[] original = pattern(120, 5);
        byte[] buffer = original.clone();

        a.transport().send(b.address(), buffer);
        Arrays.fill(buffer, (byte) 0x5A);

        assertArrayEquals(original, awaitCount(b, 1).get(0).bytes(),
                "the transport kept the sender's array instead of the bytes it held at send time");
    }

    /**
     * Each delivered datagram is an array of its own, which the handler may keep: two deliveries of equal
     * bytes are two arrays, and changing one leaves the other intact.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void eachDeliveredDatagramIsAFreshArray() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();
        byte[] sent = pattern(64, 6);

        a.transport().send(b.address(), sent.clone());
        byte[] first = awaitCount(b, 1).get(0).bytes();
        Arrays.fill(first, (byte) 0);
        a.transport().send(b.address(), sent.clone());
        byte[] second = awaitCount(b, 2).get(1).bytes();

        assertNotSame(first, second, "the transport handed the handler the same array twice");
        assertArrayEquals(sent, second, "changing a delivered array changed a later delivery");
    }

    /**
     * {@link Transport#localAddress()} has a real port, before and after start, and two transports have two
     * addresses.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void localAddressHasARealPort() throws Exception {
        Transport a = open();
        Transport b = open();
        InetSocketAddress before = a.localAddress();

        assertNotNull(before, "localAddress() returned null");
        assertTrue(before.getPort() > 0 && before.getPort() <= 0xFFFF,
                "localAddress() must report the real port, got " + before);
        a.start(new Inbox());
        assertEquals(before, a.localAddress(), "localAddress() changed when the transport started");
        assertNotEquals(a.localAddress(), b.localAddress(), "two transports report the same address");
    }

    /**
     * A second {@code start} is refused with an {@link IllegalStateException} and changes nothing: the
     * first handler still receives and the second receives nothing.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void startingTwiceIsRefusedAndKeepsTheFirstHandler() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();
        Inbox second = new Inbox();

        assertThrows(IllegalStateException.class, () -> b.transport().start(second));

        byte[] sent = pattern(40, 7);
        a.transport().send(b.address(), sent.clone());
        assertArrayEquals(sent, awaitCount(b, 1).get(0).bytes(), "the first handler stopped receiving");
        assertEquals(List.of(), second.received(), "the refused handler received a datagram");
    }

    /**
     * Starting a closed transport is refused with an {@link IllegalStateException}.
     *
     * @throws Exception if a transport cannot be opened
     */
    @Test
    public void startingAfterCloseIsRefused() throws Exception {
        Transport a = open();
        a.close();

        assertThrows(IllegalStateException.class, () -> a.start(new Inbox()));
    }

    /**
     * After close, {@code send} does not throw and sends nothing.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void sendAfterCloseDoesNotThrowAndSendsNothing() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();
        Peer c = startedPeer();

        a.transport().close();
        assertDoesNotThrow(() -> a.transport().send(b.address(), pattern(30, 8)),
                "send on a closed transport must drop the datagram, not throw");

        assertEquals(List.of(), flush(c, b), "B received a datagram sent by a closed transport");
    }

    /**
     * A closed transport delivers nothing more to its handler, even when datagrams are sent to its address.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void closedTransportReceivesNothing() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();
        Peer c = startedPeer();

        b.transport().close();
        a.transport().send(b.address(), pattern(30, 9));
        flush(a, c);

        assertEquals(List.of(), b.inbox().received(), "a closed transport delivered a datagram");
    }

    /**
     * Closing twice is allowed, and the transport stays closed: it can't be started, its sends are
     * dropped, and its address receives nothing.
     *
     * @throws Exception if a transport cannot be opened or driven
     */
    @Test
    public void closeIsIdempotent() throws Exception {
        Peer a = startedPeer();
        Peer b = startedPeer();
        Peer c = startedPeer();
        Transport unstarted = open();

        a.transport().close();
        assertDoesNotThrow(a.transport()::close, "a second close must do nothing");
        unstarted.close();
        assertDoesNotThrow(unstarted::close, "closing an unstarted transport twice must do nothing");

        assertThrows(IllegalStateException.class, () -> a.transport().start(new Inbox()));
        assertThrows(IllegalStateException.class, () -> unstarted.start(new Inbox()));
        assertDoesNotThrow(() -> a.transport().send(b.address(), pattern(30, 10)));
        assertEquals(List.of(), flush(c, b), "B received a datagram from a transport closed twice");
        b.transport().send(a.address(), pattern(30, 11));
        flush(b, c);
        assertEquals(List.of(), a.inbox().received(), "a transport closed twice delivered a datagram");
    }

    // ---------------------------------------------------------------------------------------------------

    private Transport open() throws Exception {
        Transport transport = Objects.requireNonNull(openTransport(), "openTransport() returned null");
        opened.add(transport);
        return transport;
    }

    private Peer startedPeer() throws Exception {
        Transport transport = open();
        Inbox inbox = new Inbox();
        transport.start(inbox);
        return new Peer(transport, inbox);
    }

    /** Waits until {@code peer} has received at least {@code count} datagrams; returns all it received. */
    private List<Received> awaitCount(Peer peer, int count) throws Exception {
        return awaitUntil(peer.inbox(), received -> received.size() >= count,
                count + " datagram(s) at " + peer.address());
    }

    /**
     * Sends a sentinel from {@code from} to {@code to}, waits for it, and returns what {@code to} received
     * other than the sentinel.
     */
    private List<Received> flush(Peer from, Peer to) throws Exception {
        byte[] sentinel = ("transport-contract-sentinel-" + (++sentinels)).getBytes(StandardCharsets.US_ASCII);
        from.transport().send(to.address(), sentinel);
        List<Received> received = awaitUntil(to.inbox(),
                all -> all.stream().anyMatch(r -> Arrays.equals(r.bytes(), sentinel)),
                "the sentinel datagram at " + to.address());
        return received.stream().filter(r -> !Arrays.equals(r.bytes(), sentinel)).collect(Collectors.toList());
    }

    private List<Received> awaitUntil(Inbox inbox, Predicate<List<Received>> done, String what) throws Exception {
        long deadline = System.nanoTime() + deliveryTimeout().toNanos();
        while (true) {
            deliverPending();
            List<Received> received = inbox.received();
            if (done.test(received)) {
                return received;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("gave up after " + deliveryTimeout().toMillis() + " ms waiting for " + what + "; received "
                        + received.size() + " datagram(s)");
            }
            inbox.awaitArrival(Math.min(left, POLL_SLICE_NANOS));
        }
    }

    private static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return bytes;
    }

    /** The whole numbers in {@code text}, read with or without digit grouping ("1,400", "1 400", "1400"). */
    private static List<Integer> numbersIn(String text) {
        String ungrouped = text.replaceAll("(?<=\\d)[,.'_\\u00A0\\u202F ](?=\\d{3})", "");
        return Arrays.stream(ungrouped.split("\\D+")).filter(s -> !s.isEmpty() && s.length() < 10)
                .map(Integer::valueOf).collect(Collectors.toList());
    }

    private static byte[] numbered(int index) {
        return ByteBuffer.allocate(8).putInt(NUMBERED_MAGIC).putInt(index).array();
    }

    private static int numberOf(byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        assertEquals(8, datagram.length, "a numbered datagram arrived with another length");
        assertEquals(NUMBERED_MAGIC, buffer.getInt(), "a numbered datagram arrived with other bytes");
        return buffer.getInt();
    }

    /** A started transport and the handler recording what it delivers. */
    private record Peer(Transport transport, Inbox inbox) {
        InetSocketAddress address() {
            return transport.localAddress();
        }
    }

    /** One delivered datagram. */
    private record Received(InetSocketAddress source, byte[] bytes) {
    }

    /**
     * The contract's handler: the transport's thread adds to a queue; the test thread moves arrivals into
     * its own list, so reading never races with delivery.
     */
    private static final class Inbox implements DatagramHandler {
        private final LinkedBlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
        private final List<Received> received = new ArrayList<>();

        @Override
        public void onDatagram(InetSocketAddress source, byte[] datagram) {
            arrivals.add(new Received(source, datagram));
        }

        /** Everything delivered so far, in delivery order. */
        synchronized List<Received> received() {
            arrivals.drainTo(received);
            return List.copyOf(received);
        }

        /** Waits up to {@code nanos} for one more arrival. */
        synchronized void awaitArrival(long nanos) throws InterruptedException {
            Received next = arrivals.poll(nanos, TimeUnit.NANOSECONDS);
            if (next != null) {
                received.add(next);
            }
        }
    }
}
