package dev.kademlia.core.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Lookups against in-memory graphs of up to 500 nodes. {@link SimulatedLookup} checks at every step that
 * the lookup never queries our own id nor a peer twice, never has more than {@code alpha} requests in
 * flight when it issues one ({@code max(k, alpha)} when stalled), names deadlines in the future, and ends
 * within a bounded number of steps; at the end, that its result is the {@code k} closest peers that
 * answered, that its counters and hops are right, that every contact it did not query had {@code k}
 * closer peers answer, and that it ignores reports after the end.
 */
class ClosestPeersLookupPropertyTest {

    @Property(tries = 150)
    void lookupsInAnUnreliableGraphEndAndKeepTheirInvariants(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 500) int nodes,
            @ForAll @IntRange(min = 1, max = 20) int k,
            @ForAll @IntRange(min = 1, max = 6) int alpha) {
        SplittableRandom random = new SplittableRandom(seed);
        SimulatedNetwork network = SimulatedNetwork.unreliable(random, nodes, k);
        Key target = target(network, random);

        SimulatedLookup.Outcome outcome =
                SimulatedLookup.run(network, target, new LookupParameters(k, alpha, SimulatedLookup.TIMEOUT), random);

        assertTrue(outcome.maxInFlight() <= Math.max(k, alpha));
        assertTrue(outcome.answered().size() <= outcome.queried().size());
    }

    @Property(tries = 100)
    void inAWellConnectedGraphOfResponsiveNodesTheResultIsTheTrueKClosest(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 500) int nodes,
            @ForAll @IntRange(min = 1, max = 20) int k,
            @ForAll @IntRange(min = 1, max = 6) int alpha) {
        SplittableRandom random = new SplittableRandom(seed);
        SimulatedNetwork network = SimulatedNetwork.wellConnected(random, nodes, k);
        Key target = target(network, random);

        SimulatedLookup.Outcome outcome =
                SimulatedLookup.run(network, target, new LookupParameters(k, alpha, SimulatedLookup.TIMEOUT), random);

        assertEquals(ids(network.closest(target, k)), ids(outcome.result()));
        assertEquals(0, outcome.lookup().timeouts());
        assertEquals(0, outcome.lookup().failures());
        assertTrue(outcome.lookup().hops() >= 1);
    }

    /** Usually a random key; sometimes the id of a node of the graph (a lookup of a node's own id). */
    private static Key target(SimulatedNetwork network, SplittableRandom random) {
        List<Contact> contacts = network.contacts();
        if (!contacts.isEmpty() && random.nextInt(4) == 0) {
            return contacts.get(random.nextInt(contacts.size())).id();
        }
        return Key.random(random);
    }

    private static List<Key> ids(List<Contact> contacts) {
        List<Key> out = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            out.add(c.id());
        }
        return out;
    }
}
