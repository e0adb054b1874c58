package dev.kademlia.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.api.spi.StoredValue;
import dev.kademlia.core.node.DhtNode;
import dev.kademlia.core.node.LookupTrace;
import dev.kademlia.core.node.NodeSnapshot;
import dev.kademlia.core.node.Rpc;
import dev.kademlia.core.node.StoredKey;
import dev.kademlia.core.routing.BucketView;
import dev.kademlia.core.routing.RoutingEntry;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A dump written as JSON and read back with Jackson equals the dump, and the dump mirrors the state. */
class JsonRoundTripTest {

    private static SmallNetwork network;

    @BeforeAll
    static void start() {
        network = new SmallNetwork();
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    private static <T extends Dump> T roundTrip(T dump) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) dump.getClass();
        return JsonDumps.read(JsonDumps.write(dump), type);
    }

    @Test
    void nodeDumpOfASimulatedNodeRoundTripsAndMirrorsItsSnapshot() {
        for (int i = 0; i < SmallNetwork.NODES; i++) {
            DhtNode node = (DhtNode) network.cluster.node(i);
            NodeSnapshot snapshot = network.cluster.await(node.snapshot());
            NodeDump dump = NodeDump.of(snapshot);
            NodeDump back = roundTrip(dump);
            assertEquals(dump, back);
            assertMirrors(snapshot, back);
        }
    }

    @Test
    void lookupDumpsOfSimulatedLookupsRoundTripAndMirrorTheirTraces() {
        DhtNode origin = (DhtNode) network.cluster.node(SmallNetwork.NODES - 1);
        for (String key : SmallNetwork.KEYS) {
            for (boolean findValue : new boolean[] {false, true}) {
                LookupTrace trace = network.cluster.await(origin.traceLookup(Key.sha256(key), findValue));
                LookupDump back = roundTrip(LookupDump.of(trace));
                assertEquals(LookupDump.of(trace), back);
                assertMirrors(trace, back);
            }
        }
    }

    @Test
    void networkDumpRoundTrips() {
        NetworkDump dump = network.network();
        assertEquals(dump, roundTrip(dump));
        assertEquals(SmallNetwork.NODES, dump.nodes().size());
    }

    @Property(tries = 200)
    void randomNodeSnapshotsRoundTrip(@ForAll long seed) {
        NodeSnapshot snapshot = new RandomStates(seed).snapshot();
        NodeDump back = roundTrip(NodeDump.of(snapshot));
        assertEquals(NodeDump.of(snapshot), back);
        assertMirrors(snapshot, back);
    }

    @Property(tries = 200)
    void randomLookupTracesRoundTrip(@ForAll long seed) {
        LookupTrace trace = new RandomStates(seed).trace();
        LookupDump back = roundTrip(LookupDump.of(trace));
        assertEquals(LookupDump.of(trace), back);
        assertMirrors(trace, back);
    }

    @Test
    void neverExpiringValuesHaveANullExpiry() {
        RandomStates states = new RandomStates(1);
        Contact self = states.contact();
        NodeSnapshot snapshot = new NodeSnapshot(self, 10, List.of(),
                List.of(new StoredKey(Key.sha256("k"), 3, StoredValue.NEVER, 5, true)),
                new RandomStates(2).snapshot().stats());
        NodeDump dump = roundTrip(NodeDump.of(snapshot));
        assertNull(dump.storedKeys().get(0).expiresAtMillis());
        assertTrue(JsonDumps.write(dump).contains("\"expiresAtMillis\" : null"), JsonDumps.write(dump));
    }

    @Test
    void everyDumpStartsWithItsFormat() {
        for (Dump dump : List.of(network.node(0), network.valueLookup(), network.network())) {
            assertTrue(JsonDumps.write(dump).startsWith("{\n  \"format\" : 1,\n"), JsonDumps.write(dump));
            assertEquals(Dump.FORMAT, dump.format());
        }
    }

    @Test
    void readingRefusesWhatIsNotADumpOfTheKnownFormat() {
        String json = JsonDumps.write(network.node(0));
        IllegalArgumentException future = assertThrows(IllegalArgumentException.class,
                () -> JsonDumps.read(json.replace("\"format\" : 1", "\"format\" : 2"), NodeDump.class));
        assertEquals("dump format 2 is not supported; this library reads format 1", future.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> JsonDumps.read("{\"self\": {}}", NodeDump.class));
        assertTrue(missing.getMessage().contains("no integer \"format\" field"), missing.getMessage());
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> JsonDumps.read("node 1 state", NodeDump.class));
        assertTrue(notJson.getMessage().startsWith("not JSON"), notJson.getMessage());
        IllegalArgumentException badId = assertThrows(IllegalArgumentException.class,
                () -> JsonDumps.read(json.replaceFirst("\"id\" : \"[0-9a-f]{64}\"", "\"id\" : \"xyz\""),
                        NodeDump.class));
        assertTrue(badId.getMessage().contains("peer id must be 64 hex digits"), badId.getMessage());
    }

    @Test
    void unknownFieldsOfTheSameFormatAreIgnored() {
        NodeDump dump = network.node(1);
        String json = JsonDumps.write(dump).replaceFirst("\\{", "{ \"addedLater\" : [1, 2],");
        assertEquals(dump, JsonDumps.read(json, NodeDump.class));
    }

    static void assertMirrors(NodeSnapshot snapshot, NodeDump dump) {
        Key self = snapshot.self().id();
        assertEquals(Peer.of(snapshot.self()), dump.self());
        assertEquals(snapshot.takenAtMillis(), dump.takenAtMillis());
        assertEquals(snapshot.buckets().size(), dump.buckets().size());
        for (int b = 0; b < snapshot.buckets().size(); b++) {
            BucketView view = snapshot.buckets().get(b);
            NodeDump.Bucket bucket = dump.buckets().get(b);
            assertEquals(view.index(), bucket.index());
            assertEntries(self, view.entries(), bucket.contacts());
            assertEntries(self, view.replacements(), bucket.replacements());
        }
        assertEquals(snapshot.storedKeys().size(), dump.storedKeys().size());
        for (int i = 0; i < snapshot.storedKeys().size(); i++) {
            StoredKey expected = snapshot.storedKeys().get(i);
            NodeDump.StoredKey actual = dump.storedKeys().get(i);
            assertEquals(expected.key(), Key.fromHex(actual.key()));
            assertEquals(self.distanceTo(expected.key()).toString(), actual.distance());
            assertEquals(expected.valueBytes(), actual.valueBytes());
            assertEquals(expected.expiresAtMillis(),
                    actual.expiresAtMillis() == null ? StoredValue.NEVER : actual.expiresAtMillis());
            assertEquals(expected.republishedAtMillis(), actual.republishedAtMillis());
            assertEquals(expected.originalPublisher(), actual.originalPublisher());
        }
        NodeDump.Counters c = dump.counters();
        for (Rpc rpc : Rpc.values()) {
            assertEquals(snapshot.stats().requestsSent().getOrDefault(rpc, 0L), count(c.sent(), rpc));
            assertEquals(snapshot.stats().requestsReceived().getOrDefault(rpc, 0L), count(c.received(), rpc));
        }
        assertEquals(snapshot.stats().timeouts(), c.timeouts());
        assertEquals(snapshot.stats().droppedMalformed(), c.droppedMalformed());
        assertEquals(snapshot.stats().droppedUnmatched(), c.droppedUnmatched());
        assertEquals(snapshot.stats().storesRefused(), c.storesRefused());
        assertEquals(snapshot.stats().retransmissions(), c.retransmissions());
    }

    private static void assertEntries(Key self, List<RoutingEntry> expected, List<NodeDump.Entry> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            RoutingEntry e = expected.get(i);
            NodeDump.Entry a = actual.get(i);
            assertEquals(Peer.of(e.contact()), a.peer());
            assertEquals(e.contact().address().getAddress(), addressOf(a.host()));
            assertEquals(self.distanceTo(e.contact().id()).toString(), a.distance());
            assertEquals(e.lastSeenMillis(), a.lastSeenMillis());
            assertEquals(e.failures(), a.failedRpcs());
        }
    }

    private static java.net.InetAddress addressOf(String host) {
        try {
            return java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static long count(NodeDump.RpcCounts counts, Rpc rpc) {
        switch (rpc) {
            case PING:
                return counts.ping();
            case STORE:
                return counts.store();
            case FIND_NODE:
                return counts.findNode();
            default:
                return counts.findValue();
        }
    }

    static void assertMirrors(LookupTrace trace, LookupDump dump) {
        Key target = trace.target();
        assertEquals(Peer.of(trace.origin()), dump.origin());
        assertEquals(target.toString(), dump.target());
        assertEquals(trace.findValue(), dump.findValue());
        assertEquals(trace.startedAtMillis(), dump.startedAtMillis());
        assertEquals(trace.events().size(), dump.events().size());
        int queried = 0;
        for (int i = 0; i < trace.events().size(); i++) {
            LookupTrace.Event e = trace.events().get(i);
            LookupDump.Event d = dump.events().get(i);
            assertEquals(e.atMillis(), d.atMillis());
            assertEquals(e.peer().id().toString(), d.peer());
            if (e instanceof LookupTrace.Queried) {
                queried++;
                assertEquals(((LookupTrace.Queried) e).hop(), ((LookupDump.Queried) d).hop());
                LookupDump.Query query = queryOf(dump, e.peer().id().toString(), ((LookupTrace.Queried) e).hop());
                assertEquals(e.peer().id().distanceTo(target).toString(), query.distance());
                assertEquals(Peer.of(e.peer()), new Peer(query.id(), query.host(), query.port()));
                assertEquals(outcomeOf(trace, e.peer()), query.outcome());
            } else if (e instanceof LookupTrace.Answered) {
                LookupTrace.Answered answered = (LookupTrace.Answered) e;
                assertEquals(answered.returned().size(), ((LookupDump.Answered) d).contacts());
                assertEquals(answered.withValue(), ((LookupDump.Answered) d).withValue());
            } else if (e instanceof LookupTrace.TimedOut) {
                assertTrue(d instanceof LookupDump.TimedOut);
            } else {
                assertTrue(d instanceof LookupDump.Failed);
            }
        }
        assertEquals(queried, dump.rounds().stream().mapToInt(r -> r.queried().size()).sum());
        assertEquals(trace.closest().size(), dump.closest().size());
        for (int i = 0; i < trace.closest().size(); i++) {
            Contact c = trace.closest().get(i);
            assertEquals(c.id().toString(), dump.closest().get(i).id());
            assertEquals(c.id().distanceTo(target).toString(), dump.closest().get(i).distance());
        }
        assertEquals(trace.stats().hops(), dump.stats().hops());
        assertEquals(trace.stats().rpcs(), dump.stats().rpcs());
        assertEquals(trace.stats().responses(), dump.stats().responses());
        assertEquals(trace.stats().timeouts(), dump.stats().timeouts());
        assertEquals(trace.stats().elapsed().toMillis(), dump.stats().elapsedMillis());
    }

    private static LookupDump.Query queryOf(LookupDump dump, String id, int hop) {
        return dump.rounds().stream().filter(r -> r.hop() == hop).flatMap(r -> r.queried().stream())
                .filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in round " + hop));
    }

    /** The outcome the last answer, failure or timeout of {@code peer} gives it. */
    private static LookupDump.Outcome outcomeOf(LookupTrace trace, Contact peer) {
        LookupDump.Outcome outcome = LookupDump.Outcome.NO_ANSWER;
        for (LookupTrace.Event e : trace.events()) {
            if (e.peer().equals(peer) && e instanceof LookupTrace.Answered) {
                outcome = ((LookupTrace.Answered) e).withValue() ? LookupDump.Outcome.VALUE : LookupDump.Outcome.ANSWERED;
            } else if (e.peer().equals(peer) && e instanceof LookupTrace.Failed) {
                outcome = LookupDump.Outcome.FAILED;
            } else if (e.peer().equals(peer) && e instanceof LookupTrace.TimedOut) {
                outcome = LookupDump.Outcome.TIMED_OUT;
            }
        }
        return outcome;
    }
}
