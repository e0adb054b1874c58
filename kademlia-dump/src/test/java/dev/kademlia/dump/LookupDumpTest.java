package dev.kademlia.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupStats;
import dev.kademlia.core.node.LookupTrace;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A lookup dump groups the trace into rounds, says what became of each query, and draws it. */
class LookupDumpTest {

    @Test
    void aValueLookupEndsWithTheValue() {
        try (SmallNetwork network = new SmallNetwork()) {
            LookupDump dump = network.valueLookup();
            assertTrue(dump.findValue());
            List<LookupDump.Query> queries = dump.rounds().stream().flatMap(r -> r.queried().stream())
                    .collect(Collectors.toList());
            assertEquals(1, queries.stream().filter(q -> q.outcome() == LookupDump.Outcome.VALUE).count());
            LookupDump.Event last = dump.events().get(dump.events().size() - 1);
            assertTrue(last instanceof LookupDump.Answered && ((LookupDump.Answered) last).withValue(), last.toString());
            assertTrue(PlantUml.lookup(dump).contains("FIND_VALUE"));
        }
    }

    @Test
    void aCrashedPeerNeverAnswersAndTheLookupStillFindsKContacts() {
        try (SmallNetwork network = new SmallNetwork()) {
            LookupDump dump = network.nodeLookupAfterCrash();
            List<LookupDump.Query> queries = dump.rounds().stream().flatMap(r -> r.queried().stream())
                    .collect(Collectors.toList());
            List<LookupDump.Query> silent = queries.stream()
                    .filter(q -> q.outcome() == LookupDump.Outcome.TIMED_OUT || q.outcome() == LookupDump.Outcome.FAILED)
                    .collect(Collectors.toList());
            assertFalse(silent.isEmpty(), "the crashed node was queried and did not answer");
            assertTrue(dump.stats().timeouts() >= 1);
            assertEquals(SmallNetwork.K, dump.closest().size());
            assertTrue(dump.stats().hops() >= 2, "the lookup followed referrals: " + dump.stats());
            List<String> distances = dump.closest().stream().map(LookupDump.Found::distance).collect(Collectors.toList());
            assertEquals(distances.stream().sorted().collect(Collectors.toList()), distances, "nearest first");
            String plantUml = PlantUml.lookup(dump);
            assertTrue(plantUml.contains("timed out"), plantUml);
            assertTrue(plantUml.contains("hop 2"), plantUml);
        }
    }

    @Test
    void roundsFollowHopsAndOutcomesFollowEvents() {
        RandomStates states = new RandomStates(5);
        Contact origin = states.contact();
        Contact a = states.contact();
        Contact b = states.contact();
        Contact c = states.contact();
        Contact d = states.contact();
        Key target = Key.random(new java.util.SplittableRandom(9));
        LookupTrace trace = new LookupTrace(origin, target, false, 100, List.of(
                new LookupTrace.Queried(100, a, 1),
                new LookupTrace.Queried(100, b, 1),
                new LookupTrace.Answered(110, a, List.of(c, d), false),
                new LookupTrace.Queried(110, c, 2),
                new LookupTrace.Queried(110, d, 2),
                new LookupTrace.Answered(120, c, List.of(), false),
                new LookupTrace.TimedOut(600, b),
                new LookupTrace.TimedOut(610, d),
                new LookupTrace.Failed(1100, b)),
                List.of(c, a), new LookupStats(2, 4, 2, 1, Duration.ofMillis(1000)));
        LookupDump dump = LookupDump.of(trace);
        assertEquals(List.of(1, 2), dump.rounds().stream().map(LookupDump.Round::hop).collect(Collectors.toList()));
        assertEquals(List.of(LookupDump.Outcome.ANSWERED, LookupDump.Outcome.FAILED),
                dump.rounds().get(0).queried().stream().map(LookupDump.Query::outcome).collect(Collectors.toList()));
        assertEquals(List.of(LookupDump.Outcome.ANSWERED, LookupDump.Outcome.TIMED_OUT),
                dump.rounds().get(1).queried().stream().map(LookupDump.Query::outcome).collect(Collectors.toList()));
        assertEquals(List.of(c.id().toString(), d.id().toString()), dump.rounds().get(0).queried().get(0).returned());
        assertEquals(a.id().distanceTo(target).toString(), dump.rounds().get(0).queried().get(0).distance());
        String plantUml = PlantUml.lookup(dump);
        assertTrue(plantUml.contains("]->x o : +1000 ms"), plantUml);
        assertTrue(plantUml.contains("+510 ms  <color:") && plantUml.contains("timed out"), plantUml);
        assertTrue(plantUml.contains("2 contacts"), plantUml);
        assertTrue(plantUml.contains("hnote over"), plantUml);
        Renderer.check(plantUml);
    }

    @Test
    void onlyNodesOfThisLibraryCanBeTraced() {
        KademliaNode foreign = (KademliaNode) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KademliaNode.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LookupDump.trace(foreign, Key.ZERO, true));
        assertTrue(e.getMessage().startsWith("only nodes built by dev.kademlia.core.Kademlia can be dumped"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeDump.capture(foreign));
    }
}
