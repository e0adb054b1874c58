package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.spi.TransportOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulatedNetworkTest {

    /** A datagram as a receiver saw it. */
    private record Received(long time, InetSocketAddress from, InetSocketAddress to, byte[] bytes) {

        @Override
        public String toString() {
            return time + " " + from + " -> " + to + " " + Arrays.toString(bytes);
        }
    }

    private final SimulatedNetwork network = new SimulatedNetwork(42);
    private final List<Received> received = new ArrayList<>();

    private SimulatedTransport node() {
        return node(network, received);
    }

    private static SimulatedTransport node(SimulatedNetwork network, List<Received> log) {
        SimulatedTransport transport = network.transport(network.nextAddress());
        transport.start((from, bytes) -> log.add(
                new Received(network.scheduler().nowMillis(), from, transport.localAddress(), bytes)));
        return transport;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void assertCounters(long sent, long delivered, long dropped) {
        assertEquals(sent, network.datagramsSent(), "sent");
        assertEquals(delivered, network.datagramsDelivered(), "delivered");
        assertEquals(dropped, network.datagramsDropped(), "dropped");
    }

    @Test
    void deliversACopyWithALatencyInTheConfiguredRange() {
        network.setLatency(5, 20);
        SimulatedTransport a = node();
        SimulatedTransport b = node();
        byte[] datagram = bytes("hello");
        for (int i = 0; i < 1_000; i++) {
            a.send(b.localAddress(), datagram);
        }
        datagram[0] = 'j';
        assertEquals(1_000, network.datagramsInFlight());
        assertEquals(List.of(), received, "nothing arrives before the scheduler runs");

        network.scheduler().runUntilIdle();

        assertEquals(1_000, received.size());
        Set<Long> latencies = new HashSet<>();
        long previous = 0;
        for (Received r : received) {
            assertEquals(a.localAddress(), r.from());
            assertEquals(b.localAddress(), r.to());
            assertArrayEquals(bytes("hello"), r.bytes(), "the sender's later changes do not leak");
            assertTrue(r.time() >= 5 && r.time() <= 20, "latency " + r.time() + " outside [5, 20]");
            assertTrue(r.time() >= previous, "delivered in time order");
            previous = r.time();
            latencies.add(r.time());
        }
        assertEquals(16, latencies.size(), "every latency in [5, 20] occurs over 1,000 datagrams");
        assertCounters(1_000, 1_000, 0);
        assertEquals(0, network.datagramsInFlight());
    }

    @Test
    void aFixedLatencyDeliversExactlyThen() {
        network.setLatency(7, 7);
        SimulatedTransport a = node();
        SimulatedTransport b = node();
        network.scheduler().runFor(Duration.ofMillis(100));
        a.send(b.localAddress(), bytes("x"));
        network.scheduler().runUntilIdle();
        assertEquals(107, received.get(0).time());
    }

    /** Twenty nodes gossip with loss and jitter, each reply depending on what arrived before. */
    private static List<String> gossipTrace(long seed) {
        SimulatedNetwork network = new SimulatedNetwork(seed).setLoss(0.2).setLatency(1, 50);
        List<Received> log = new ArrayList<>();
        List<SimulatedTransport> nodes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SimulatedTransport transport = network.transport(network.nextAddress());
            nodes.add(transport);
        }
        for (SimulatedTransport transport : nodes) {
            transport.start((from, bytes) -> {
                log.add(new Received(network.scheduler().nowMillis(), from, transport.localAddress(), bytes));
                if (bytes[0] < 5) {
                    transport.send(from, new byte[] {(byte) (bytes[0] + 1), (byte) log.size()});
                }
            });
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = 0; j < nodes.size(); j++) {
                if (i != j) {
                    nodes.get(i).send(nodes.get(j).localAddress(), new byte[] {0, (byte) i, (byte) j});
                }
            }
        }
        network.scheduler().runUntilIdle();
        List<String> trace = new ArrayList<>();
        for (Received r : log) {
            trace.add(r.toString());
        }
        trace.add("sent=" + network.datagramsSent() + " delivered=" + network.datagramsDelivered()
                + " dropped=" + network.datagramsDropped() + " end=" + network.scheduler().nowMillis());
        return trace;
    }

    @Test
    void theSameSeedGivesTheSameDeliveryTrace() {
        List<String> first = gossipTrace(7);
        List<String> second = gossipTrace(7);
        assertTrue(first.size() > 1_000, "the scenario delivers many datagrams: " + first.size());
        assertEquals(first, second);
        assertNotEquals(first, gossipTrace(8), "another seed gives another run");
    }

    @Test
    void lossDropsRoughlyTheConfiguredFraction() {
        network.setLoss(0.3);
        SimulatedTransport a = node();
        SimulatedTransport b = node();
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            a.send(b.localAddress(), new byte[] {1});
        }
        network.scheduler().runUntilIdle();

        double lost = network.datagramsDropped() / (double) count;
        assertTrue(lost > 0.28 && lost < 0.32, "lost fraction " + lost + " is not near 0.3");
        assertEquals(count, network.datagramsDelivered() + network.datagramsDropped());
        assertEquals(network.datagramsDelivered(), received.size());
    }

    @Test
    void aPartitionCutsTrafficAcrossItUntilHealed() {
        SimulatedTransport a = node();
        SimulatedTransport b = node();
        SimulatedTransport c = node();
        SimulatedTransport d = node();
        network.partition(List.of(a.localAddress(), b.localAddress()));
        assertTrue(network.isCut(a.localAddress(), c.localAddress()));
        assertFalse(network.isCut(a.localAddress(), b.localAddress()));

        a.send(b.localAddress(), bytes("a-b"));
        a.send(c.localAddress(), bytes("a-c"));
        c.send(d.localAddress(), bytes("c-d"));
        d.send(b.localAddress(), bytes("d-b"));
        network.scheduler().runUntilIdle();
        assertEquals(Set.of("a-b", "c-d"), texts());
        assertCounters(4, 2, 2);

        network.heal();
        received.clear();
        a.send(c.localAddress(), bytes("a-c"));
        d.send(b.localAddress(), bytes("d-b"));
        network.scheduler().runUntilIdle();
        assertEquals(Set.of("a-c", "d-b"), texts());
    }

    @Test
    void severalPartitionsMakeSeveralGroups() {
        SimulatedTransport a = node();
        SimulatedTransport b = node();
        SimulatedTransport c = node();
        network.partition(List.of(a.localAddress())).partition(List.of(b.localAddress()));
        assertTrue(network.isCut(a.localAddress(), b.localAddress()));
        assertTrue(network.isCut(a.localAddress(), c.localAddress()));
        assertTrue(network.isCut(b.localAddress(), c.localAddress()));
        assertFalse(network.isCut(a.localAddress(), a.localAddress()));

        a.send(a.localAddress(), bytes("self"));
        network.scheduler().runUntilIdle();
        assertEquals(Set.of("self"), texts());
    }

    @Test
    void aPartitionAlsoCutsDatagramsInFlight() {
        network.setLatency(10, 10);
        SimulatedTransport a = node();
        SimulatedTransport b = node();
        a.send(b.localAddress(), bytes("in flight"));
        network.scheduler().runFor(Duration.ofMillis(5));
        network.partition(List.of(b.localAddress()));
        network.scheduler().runUntilIdle();
        assertEquals(List.of(), received);
        assertCounters(1, 0, 1);
    }

    @Test
    void anIsolatedNodeNeitherSendsNorReceivesUntilReconnected() {
        SimulatedTransport a = node();
        SimulatedTransport b = node();
        SimulatedTransport c = node();
        network.isolate(b.localAddress());
        a.send(b.localAddress(), bytes("a-b"));
        b.send(c.localAddress(), bytes("b-c"));
        a.send(c.localAddress(), bytes("a-c"));
        network.scheduler().runUntilIdle();
        assertEquals(Set.of("a-c"), texts());

        network.reconnect(b.localAddress());
        received.clear();
        a.send(b.localAddress(), bytes("a-b"));
        network.scheduler().runUntilIdle();
        assertEquals(Set.of("a-b"), texts());
    }

    @Test
    void aClosedTransportReceivesNothingAndItsAddressCanBeBoundAgain() {
        network.setLatency(10, 10);
        SimulatedTransport a = node();
        SimulatedTransport b = node();
        InetSocketAddress bAddress = b.localAddress();
        a.send(bAddress, bytes("in flight"));
        b.close();
        b.close();
        assertFalse(b.isRunning());
        a.send(bAddress, bytes("after close"));
        b.send(a.localAddress(), bytes("from the dead"));
        network.scheduler().runUntilIdle();
        assertEquals(List.of(), received);
        assertCounters(3, 0, 3);

        List<Received> restarted = new ArrayList<>();
        SimulatedTransport b2 = network.transport(bAddress);
        b2.start((from, bytes) -> restarted.add(new Received(0, from, bAddress, bytes)));
        a.send(bAddress, bytes("welcome back"));
        network.scheduler().runUntilIdle();
        assertEquals(1, restarted.size());
        assertArrayEquals(bytes("welcome back"), restarted.get(0).bytes());
    }

    @Test
    void datagramsToAnUnstartedOrUnboundAddressAreDropped() throws Exception {
        SimulatedTransport a = node();
        SimulatedTransport unstarted = network.transport(network.nextAddress());
        a.send(unstarted.localAddress(), bytes("too early"));
        a.send(new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 9, 9, 9}), 1), bytes("nobody"));
        a.send(InetSocketAddress.createUnresolved("example.invalid", 1), bytes("unresolved"));
        network.scheduler().runUntilIdle();
        assertCounters(3, 0, 3);
    }

    @Test
    void oversizeDatagramsAreRefusedBySendersAndDroppedByReceivers() {
        SimulatedTransport a = node();
        SimulatedTransport small = network.transport(network.nextAddress(), new TransportOptions(600));
        small.start((from, bytes) -> received.add(new Received(0, from, null, bytes)));
        assertEquals(1_400, a.maxDatagramBytes());
        assertEquals(600, small.maxDatagramBytes());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.send(small.localAddress(), new byte[1_401]));
        assertEquals("datagram is 1,401 bytes; the limit is 1,400", e.getMessage());
        assertCounters(0, 0, 0);

        a.send(small.localAddress(), new byte[1_400]);
        a.send(small.localAddress(), new byte[600]);
        network.scheduler().runUntilIdle();
        assertEquals(1, received.size());
        assertEquals(600, received.get(0).bytes().length);
        assertCounters(2, 1, 1);
    }

    @Test
    void transportsStartOnceAndAddressesAreExclusive() {
        SimulatedTransport a = node();
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> a.start((f, b) -> { }));
        assertTrue(twice.getMessage().contains("already started"), twice.getMessage());

        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> network.transport(a.localAddress()));
        assertTrue(taken.getMessage().contains("already bound"), taken.getMessage());

        SimulatedTransport closed = network.transport(network.nextAddress());
        closed.close();
        IllegalStateException afterClose = assertThrows(IllegalStateException.class,
                () -> closed.start((f, b) -> { }));
        assertTrue(afterClose.getMessage().contains("closed"), afterClose.getMessage());
    }

    @Test
    void addressesAreDeterministicAndSkipNetworkAndBroadcastHosts() throws Exception {
        SimulatedNetwork other = new SimulatedNetwork(1);
        List<InetSocketAddress> mine = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            InetSocketAddress address = network.nextAddress();
            assertEquals(address, other.nextAddress());
            assertFalse(address.isUnresolved());
            int last = address.getAddress().getAddress()[3] & 0xff;
            assertTrue(last != 0 && last != 255, address.toString());
            mine.add(address);
        }
        assertEquals(600, new HashSet<>(mine).size());
        assertEquals(new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 4000), mine.get(0));
        assertEquals(new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) 254}), 4000),
                mine.get(253));
        assertEquals(new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 1, 1}), 4000), mine.get(254));

        SimulatedNetwork third = new SimulatedNetwork(1);
        third.transport(new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 4000));
        assertEquals(mine.get(1), third.nextAddress(), "a bound address is skipped");
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> network.setLoss(1.0));
        assertThrows(IllegalArgumentException.class, () -> network.setLoss(-0.1));
        assertThrows(IllegalArgumentException.class, () -> network.setLoss(Double.NaN));
        IllegalArgumentException latency = assertThrows(IllegalArgumentException.class,
                () -> network.setLatency(5, 4));
        assertTrue(latency.getMessage().contains("min 5 ms, max 4 ms"), latency.getMessage());
        assertThrows(IllegalArgumentException.class, () -> network.setLatency(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> network.setDefaultMaxDatagramBytes(100));
        assertEquals(1, network.minLatencyMillis());
        assertEquals(10, network.maxLatencyMillis());
        assertEquals(0.0, network.loss());
    }

    @Test
    void aThousandNodesExchangeTwoHundredThousandDatagrams() {
        network.setLoss(0.01).setLatency(1, 100);
        int nodes = 1_000;
        int perNode = 100;
        List<SimulatedTransport> all = new ArrayList<>();
        long[] requests = {0};
        long[] replies = {0};
        for (int i = 0; i < nodes; i++) {
            SimulatedTransport transport = network.transport(network.nextAddress());
            all.add(transport);
            transport.start((from, bytes) -> {
                if (bytes[0] == 0) {
                    requests[0]++;
                    transport.send(from, new byte[] {1});
                } else {
                    replies[0]++;
                }
            });
        }
        SplittableRandom random = new SplittableRandom(3);
        for (SimulatedTransport transport : all) {
            for (int i = 0; i < perNode; i++) {
                transport.send(all.get(random.nextInt(nodes)).localAddress(), new byte[] {0});
            }
        }
        network.scheduler().runUntilIdle();

        assertEquals(nodes * perNode + requests[0], network.datagramsSent());
        assertEquals(requests[0] + replies[0], network.datagramsDelivered());
        assertEquals(network.datagramsSent(), network.datagramsDelivered() + network.datagramsDropped());
        assertEquals(0, network.datagramsInFlight());
        assertTrue(replies[0] > 0.97 * nodes * perNode, "about 2% of round trips are lost: " + replies[0]);
    }

    private Set<String> texts() {
        Set<String> texts = new HashSet<>();
        for (Received r : received) {
            texts.add(new String(r.bytes(), StandardCharsets.UTF_8));
        }
        return texts;
    }
}
