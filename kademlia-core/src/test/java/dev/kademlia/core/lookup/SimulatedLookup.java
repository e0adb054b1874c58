package dev.kademlia.core.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A driver for {@link ClosestPeersLookup} against a {@link SimulatedNetwork}, in virtual time: it sends
 * what the lookup asks for, delivers answers and failures in time order (some late, some twice), advances
 * the clock to the deadlines the lookup names, and checks the lookup's invariants at every step.
 */
final class SimulatedLookup {

    /** The peer timeout of simulated lookups, in virtual milliseconds. */
    static final long TIMEOUT = 1_000;

    /** What a finished run observed. */
    record Outcome(ClosestPeersLookup lookup, List<Contact> result, Set<Key> queried, Set<Key> answered,
            int steps, int maxInFlight) {}

    private record Event(long time, long sequence, Key peer, boolean success) {}

    private final SimulatedNetwork network;
    private final Key target;
    private final LookupParameters parameters;
    private final SplittableRandom random;
    private final ClosestPeersLookup lookup;

    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparingLong(Event::time).thenComparingLong(Event::sequence));
    private long sequence;
    private long now;

    private final Set<Key> queried = new HashSet<>();
    private final Set<Key> reported = new HashSet<>();
    private final Set<Key> answered = new HashSet<>();
    private int failuresAccepted;
    /** The hop of every contact the lookup has been given, computed independently of the lookup. */
    private final Map<Key, Integer> hops = new HashMap<>();
    private int maxInFlight;

    private SimulatedLookup(SimulatedNetwork network, Key target, LookupParameters parameters,
            SplittableRandom random) {
        this.network = network;
        this.target = target;
        this.parameters = parameters;
        this.random = random;
        List<Contact> seeds = network.seeds(target, parameters.k());
        for (Contact seed : seeds) {
            hops.put(seed.id(), 1);
        }
        this.lookup = new ClosestPeersLookup(target, network.local().id(), seeds, parameters);
    }

    /** Runs a lookup for {@code target} to its end, failing on any broken invariant. */
    static Outcome run(SimulatedNetwork network, Key target, LookupParameters parameters, SplittableRandom random) {
        return new SimulatedLookup(network, target, parameters, random).run();
    }

    private Outcome run() {
        // Each step sends a new peer a request, delivers one of at most two events per request, or
        // moves the clock to a deadline, where at least one waited-for peer becomes unresponsive.
        int bound = 4 * network.contactsLearnable() + 4;
        int steps = 0;
        while (true) {
            if (++steps > bound) {
                fail("the lookup did not end within " + bound + " steps: " + lookup);
            }
            LookupStep step = lookup.next(now);
            if (step instanceof LookupStep.Query) {
                send(((LookupStep.Query) step).peer());
            } else if (step instanceof LookupStep.Finished) {
                break;
            } else {
                awaitUntil(step);
            }
        }
        assertTrue(lookup.isFinished());
        List<Contact> result = lookup.result();
        checkFinalState(result);
        deliverAfterTheEnd(result);
        return new Outcome(lookup, result, Set.copyOf(queried), Set.copyOf(answered), steps, maxInFlight);
    }

    private void send(Contact peer) {
        Key id = peer.id();
        assertNotEquals(network.local().id(), id, "our own id was queried");
        assertTrue(hops.containsKey(id), "queried a contact nobody gave: " + peer);
        assertTrue(queried.add(id), "queried twice: " + peer);
        assertEquals(queried.size(), lookup.requestsSent());
        int inFlight = lookup.inFlight();
        assertTrue(inFlight <= parameters.parallelism(lookup.isStalled()),
                inFlight + " in flight, stalled=" + lookup.isStalled() + ", " + parameters);
        maxInFlight = Math.max(maxInFlight, inFlight);
        switch (network.behaviourOf(id)) {
            case RESPONSIVE:
                schedule(1 + random.nextLong(TIMEOUT - 1), id, true);
                break;
            case SLOW:
                schedule(TIMEOUT + 1 + random.nextLong(2 * TIMEOUT), id, true);
                break;
            case SILENT:
                if (random.nextBoolean()) {
                    schedule(4 * TIMEOUT, id, false);
                }
                break;
            case FAILING:
                schedule(1 + random.nextLong(TIMEOUT / 2), id, false);
                break;
            default:
                throw new AssertionError("unknown behaviour");
        }
    }

    private void schedule(long delay, Key peer, boolean success) {
        events.add(new Event(now + delay, sequence++, peer, success));
        if (random.nextInt(10) == 0) {
            events.add(new Event(now + delay + random.nextLong(TIMEOUT), sequence++, peer, success));
        }
    }

    private void awaitUntil(LookupStep step) {
        long deadline = step instanceof LookupStep.Waiting
                ? ((LookupStep.Waiting) step).nextDeadlineMillis()
                : ((LookupStep.AtCapacity) step).nextDeadlineMillis();
        assertTrue(deadline > now, "deadline " + deadline + " is not after now " + now);
        int inFlight = lookup.inFlight();
        assertTrue(inFlight > 0, "waiting with nothing in flight: " + step);
        assertEquals(inFlight >= parameters.parallelism(lookup.isStalled()),
                step instanceof LookupStep.AtCapacity, step + " with " + inFlight + " in flight");
        Event event = events.peek();
        if (event != null && event.time() <= deadline) {
            events.poll();
            now = Math.max(now, event.time());
            deliver(event);
        } else {
            now = deadline;
        }
    }

    private void deliver(Event event) {
        Key peer = event.peer();
        boolean expected = reported.add(peer);
        if (event.success()) {
            List<Contact> closer = network.findNode(peer, target, parameters.k(), random);
            boolean accepted = lookup.onSuccess(peer, closer);
            assertEquals(expected, accepted, "answer of " + peer);
            if (accepted) {
                answered.add(peer);
                int hop = hops.get(peer) + 1;
                for (Contact c : closer) {
                    if (!c.id().equals(network.local().id())) {
                        hops.merge(c.id(), hop, Math::min);
                    }
                }
            }
        } else {
            boolean accepted = lookup.onFailure(peer);
            assertEquals(expected, accepted, "failure of " + peer);
            if (accepted) {
                failuresAccepted++;
            }
        }
    }

    private void checkFinalState(List<Contact> result) {
        Key local = network.local().id();
        assertTrue(result.size() <= parameters.k(), "more than k results");
        List<Contact> answeredContacts = new ArrayList<>();
        for (Key id : answered) {
            answeredContacts.add(new Contact(id, network.local().address()));
        }
        List<Key> expected = ids(SimulatedNetwork.closestOf(answeredContacts, target, parameters.k()));
        assertEquals(expected, ids(result), "the result must be the k closest peers that answered");
        assertFalse(ids(result).contains(local));

        assertEquals(queried.size(), lookup.requestsSent());
        assertEquals(answered.size(), lookup.responses());
        assertEquals(failuresAccepted, lookup.failures());
        assertTrue(lookup.timeouts() <= lookup.requestsSent());

        int maxHop = 0;
        for (Contact c : result) {
            maxHop = Math.max(maxHop, hops.get(c.id()));
        }
        assertEquals(maxHop, lookup.hops());
        for (Map.Entry<Key, Integer> e : hops.entrySet()) {
            assertEquals(OptionalInt.of(e.getValue()), lookup.hopOf(e.getKey()), "hop of " + e.getKey());
        }
        assertEquals(OptionalInt.empty(), lookup.hopOf(local));

        // A contact never queried lay outside the window: k peers closer than it answered.
        for (Key id : hops.keySet()) {
            if (queried.contains(id)) {
                continue;
            }
            int closerAnswered = 0;
            for (Key a : answered) {
                if (target.compareDistance(a, id) < 0) {
                    closerAnswered++;
                }
            }
            assertTrue(closerAnswered >= parameters.k(),
                    "never queried " + id + " though only " + closerAnswered + " closer peers answered");
        }
    }

    private void deliverAfterTheEnd(List<Contact> result) {
        while (!events.isEmpty()) {
            Event event = events.poll();
            boolean accepted = event.success()
                    ? lookup.onSuccess(event.peer(), network.findNode(event.peer(), target, parameters.k(), random))
                    : lookup.onFailure(event.peer());
            assertFalse(accepted, "a report after the end was accepted");
        }
        assertEquals(result, lookup.result());
        assertEquals(new LookupStep.Finished(), lookup.next(now + 10 * TIMEOUT));
    }

    private static List<Key> ids(List<Contact> contacts) {
        List<Key> out = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            out.add(c.id());
        }
        return out;
    }
}
