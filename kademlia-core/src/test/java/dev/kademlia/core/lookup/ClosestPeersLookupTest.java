package dev.kademlia.core.lookup;

import static dev.kademlia.core.lookup.TestContacts.at;
import static dev.kademlia.core.lookup.TestContacts.contacts;
import static dev.kademlia.core.lookup.TestContacts.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Scripted scenarios. The target is {@link Key#ZERO}, so the peer {@code at(d)} lies at distance
 * {@code d} and the expected order of queries can be read off the numbers.
 */
class ClosestPeersLookupTest {

    private static final long TIMEOUT = 100;
    private static final Key LOCAL = id(7);

    private static ClosestPeersLookup lookup(int k, int alpha, List<Contact> seeds) {
        return new ClosestPeersLookup(Key.ZERO, LOCAL, seeds, new LookupParameters(k, alpha, TIMEOUT));
    }

    private static LookupStep query(long distance) {
        return new LookupStep.Query(at(distance));
    }

    private static final LookupStep FINISHED = new LookupStep.Finished();

    @Test
    void seedsOnlyAreQueriedNearestFirstAndBecomeTheResult() {
        ClosestPeersLookup lookup = lookup(3, 3, contacts(30, 10, 20));

        assertEquals(query(10), lookup.next(0));
        assertEquals(query(20), lookup.next(0));
        assertEquals(query(30), lookup.next(0));
        assertEquals(new LookupStep.AtCapacity(TIMEOUT), lookup.next(0));
        assertEquals(3, lookup.inFlight());

        assertTrue(lookup.onSuccess(id(20), List.of()));
        assertTrue(lookup.onSuccess(id(30), List.of()));
        assertEquals(new LookupStep.Waiting(TIMEOUT), lookup.next(5), "only peer 10 is still awaited");
        assertTrue(lookup.onSuccess(id(10), List.of()));
        assertEquals(FINISHED, lookup.next(6));

        assertTrue(lookup.isFinished());
        assertEquals(contacts(10, 20, 30), lookup.result());
        assertEquals(1, lookup.hops());
        assertEquals(3, lookup.requestsSent());
        assertEquals(3, lookup.responses());
        assertEquals(0, lookup.timeouts());
        assertEquals(0, lookup.failures());
        assertEquals(0, lookup.inFlight());
    }

    @Test
    void seedsBeyondTheKClosestAreNotQueriedOnceTheKClosestAnswered() {
        ClosestPeersLookup lookup = lookup(3, 2, contacts(50, 40, 30, 20, 10));

        assertEquals(query(10), lookup.next(0));
        assertEquals(query(20), lookup.next(0));
        assertEquals(new LookupStep.AtCapacity(TIMEOUT), lookup.next(0));
        assertTrue(lookup.onSuccess(id(10), List.of()));
        assertEquals(query(30), lookup.next(1));
        assertEquals(new LookupStep.AtCapacity(TIMEOUT), lookup.next(1));
        assertTrue(lookup.onSuccess(id(20), List.of()));
        assertEquals(new LookupStep.Waiting(101), lookup.next(2), "40 and 50 lie outside the window of 3");
        assertTrue(lookup.onSuccess(id(30), List.of()));
        assertEquals(FINISHED, lookup.next(3));

        assertEquals(contacts(10, 20, 30), lookup.result());
        assertEquals(3, lookup.requestsSent());
    }

    @Test
    void closerPeersAreQueriedNextAndCountAsFurtherHops() {
        ClosestPeersLookup lookup = lookup(2, 1, contacts(100));

        assertEquals(query(100), lookup.next(0));
        assertEquals(new LookupStep.AtCapacity(TIMEOUT), lookup.next(0));
        assertTrue(lookup.onSuccess(id(100), contacts(50, 10)));
        assertEquals(OptionalInt.of(2), lookup.hopOf(id(10)));
        assertEquals(OptionalInt.of(2), lookup.hopOf(id(50)));

        assertEquals(query(10), lookup.next(10), "the nearest candidate goes first");
        assertEquals(new LookupStep.AtCapacity(110), lookup.next(10));
        assertTrue(lookup.onSuccess(id(10), contacts(5)));
        assertEquals(OptionalInt.of(3), lookup.hopOf(id(5)));

        assertEquals(query(5), lookup.next(20));
        assertTrue(lookup.onSuccess(id(5), List.of()));
        assertEquals(FINISHED, lookup.next(30), "5 and 10 answered: 50 could not enter the result");

        assertEquals(contacts(5, 10), lookup.result());
        assertEquals(3, lookup.hops());
        assertEquals(3, lookup.requestsSent());
        assertEquals(OptionalInt.of(1), lookup.hopOf(id(100)));
        assertEquals(OptionalInt.empty(), lookup.hopOf(id(99)));
    }

    @Test
    void aPeerLearnedAgainKeepsItsSmallestHop() {
        ClosestPeersLookup lookup = lookup(6, 1, contacts(100, 200));

        assertEquals(query(100), lookup.next(0));
        assertTrue(lookup.onSuccess(id(100), contacts(50)));
        assertEquals(query(50), lookup.next(1));
        assertTrue(lookup.onSuccess(id(50), contacts(40, 200)));
        assertEquals(OptionalInt.of(3), lookup.hopOf(id(40)));
        assertEquals(OptionalInt.of(1), lookup.hopOf(id(200)), "a seed stays hop 1");
        assertEquals(query(40), lookup.next(2));
        assertTrue(lookup.onSuccess(id(40), contacts(30)));
        assertEquals(query(30), lookup.next(3));
        assertTrue(lookup.onSuccess(id(30), contacts(20)));
        assertEquals(OptionalInt.of(5), lookup.hopOf(id(20)));
        assertEquals(query(20), lookup.next(4));
        assertTrue(lookup.onSuccess(id(20), List.of()));
        assertEquals(query(200), lookup.next(5), "the window of 6 still has room for 200");
        assertTrue(lookup.onSuccess(id(200), contacts(20)));
        assertEquals(OptionalInt.of(2), lookup.hopOf(id(20)), "learned again from a hop-1 peer");
        assertEquals(FINISHED, lookup.next(6));
        assertEquals(contacts(20, 30, 40, 50, 100, 200), lookup.result());
        assertEquals(4, lookup.hops(), "30 is the deepest: 100, 50, 40, 30");
    }

    @Test
    void aTimeoutFreesTheSlotAndALateAnswerIsStillUsed() {
        ClosestPeersLookup lookup = lookup(2, 1, contacts(10, 20, 30));

        assertEquals(query(10), lookup.next(0));
        assertEquals(new LookupStep.AtCapacity(100), lookup.next(50));
        assertEquals(1, lookup.inFlight());

        assertEquals(query(20), lookup.next(100), "10 is unresponsive at its deadline; its slot is free");
        assertEquals(1, lookup.timeouts());
        assertEquals(1, lookup.inFlight());
        assertEquals(new LookupStep.AtCapacity(200), lookup.next(100));

        assertTrue(lookup.onSuccess(id(10), contacts(5)), "a late answer is accepted");
        assertEquals(1, lookup.responses());
        assertEquals(new LookupStep.AtCapacity(200), lookup.next(120), "20 still holds the only slot");
        assertTrue(lookup.onSuccess(id(20), List.of()));
        assertEquals(query(5), lookup.next(130));
        assertTrue(lookup.onSuccess(id(5), List.of()));
        assertEquals(FINISHED, lookup.next(140));

        assertEquals(contacts(5, 10), lookup.result());
        assertEquals(1, lookup.timeouts());
        assertEquals(3, lookup.responses());
        assertEquals(3, lookup.requestsSent());
        assertFalse(lookup.onSuccess(id(30), List.of()), "30 was never queried");
    }

    @Test
    void anUnresponsivePeerDoesNotHoldUpTheEnd() {
        ClosestPeersLookup lookup = lookup(1, 1, contacts(10, 20));

        assertEquals(query(10), lookup.next(0));
        assertEquals(query(20), lookup.next(TIMEOUT));
        assertTrue(lookup.onSuccess(id(20), List.of()));
        assertEquals(FINISHED, lookup.next(TIMEOUT + 1));
        assertEquals(contacts(20), lookup.result());
        assertFalse(lookup.onSuccess(id(10), contacts(1)), "reports after the end are ignored");
        assertEquals(contacts(20), lookup.result());
    }

    @Test
    void anUnresponsivePeerThatFailsForGoodIsAFailure() {
        ClosestPeersLookup lookup = lookup(1, 1, contacts(10, 20));

        assertEquals(query(10), lookup.next(0));
        assertEquals(query(20), lookup.next(TIMEOUT));
        assertTrue(lookup.onFailure(id(10)));
        assertFalse(lookup.onSuccess(id(10), List.of()), "a failed peer cannot answer afterwards");
        assertEquals(1, lookup.timeouts());
        assertEquals(1, lookup.failures());
    }

    @Test
    void aFailureFreesTheSlotAndLeavesTheWindow() {
        ClosestPeersLookup lookup = lookup(2, 1, contacts(10, 20, 30));

        assertEquals(query(10), lookup.next(0));
        assertTrue(lookup.onFailure(id(10)));
        assertEquals(0, lookup.inFlight());
        assertEquals(query(20), lookup.next(1));
        assertTrue(lookup.onSuccess(id(20), List.of()));
        assertEquals(query(30), lookup.next(2), "with 10 failed, 30 enters the window of 2");
        assertTrue(lookup.onSuccess(id(30), List.of()));
        assertEquals(FINISHED, lookup.next(3));

        assertEquals(contacts(20, 30), lookup.result());
        assertEquals(1, lookup.failures());
        assertFalse(lookup.onFailure(id(10)), "already reported");
    }

    @Test
    void garbageInAnAnswerIsFilteredAndTheTargetIsAnOrdinaryCandidate() {
        ClosestPeersLookup lookup = lookup(3, 3, contacts(100));
        Contact local = TestContacts.contact(LOCAL, 4_000);
        Contact target = TestContacts.contact(Key.ZERO, 4_001);
        Contact far = at(1L << 62);
        List<Contact> garbage = new ArrayList<>(List.of(local, target, at(100), at(50), at(50), far, at(60)));
        garbage.addAll(contacts(70, 50));

        assertEquals(query(100), lookup.next(0));
        assertTrue(lookup.onSuccess(id(100), garbage));

        assertEquals(OptionalInt.empty(), lookup.hopOf(LOCAL), "our own id is never a candidate");
        assertEquals(OptionalInt.of(1), lookup.hopOf(id(100)), "the peer naming itself changes nothing");
        assertEquals(OptionalInt.of(2), lookup.hopOf(Key.ZERO));
        assertEquals(OptionalInt.of(2), lookup.hopOf(far.id()));

        assertEquals(new LookupStep.Query(target), lookup.next(1));
        assertEquals(query(50), lookup.next(1));
        assertEquals(query(60), lookup.next(1));
        assertEquals(new LookupStep.AtCapacity(101), lookup.next(1));
        assertTrue(lookup.onSuccess(Key.ZERO, List.of(local)));
        assertTrue(lookup.onSuccess(id(50), contacts(50)));
        assertTrue(lookup.onSuccess(id(60), List.of()));
        assertEquals(FINISHED, lookup.next(2), "70 and the far contact lie outside the window");

        assertEquals(List.of(target, at(50), at(60)), lookup.result());
        assertEquals(4, lookup.requestsSent());
    }

    @Test
    void aContactKeepsTheAddressItWasFirstLearnedWith() {
        ClosestPeersLookup lookup = lookup(2, 1, contacts(100));
        Contact moved = TestContacts.contact(id(100), 9_999);

        assertEquals(query(100), lookup.next(0));
        assertTrue(lookup.onSuccess(id(100), List.of(moved)));
        assertEquals(FINISHED, lookup.next(1));
        assertEquals(at(100).address(), lookup.result().get(0).address());
    }

    @Test
    void finishEndsTheLookupAndLaterReportsAreIgnored() {
        ClosestPeersLookup lookup = lookup(3, 3, contacts(10, 20, 30));

        assertEquals(query(10), lookup.next(0));
        assertEquals(query(20), lookup.next(0));
        assertTrue(lookup.onSuccess(id(20), contacts(1)));
        lookup.finish();

        assertTrue(lookup.isFinished());
        assertEquals(FINISHED, lookup.next(1));
        assertFalse(lookup.onSuccess(id(10), List.of()));
        assertFalse(lookup.onFailure(id(10)));
        assertEquals(contacts(20), lookup.result());
        assertEquals(1, lookup.responses());
        assertEquals(2, lookup.requestsSent());
    }

    @Test
    void reportsAboutPeersNotAwaitedChangeNothing() {
        ClosestPeersLookup lookup = lookup(2, 1, contacts(10, 20));

        assertFalse(lookup.onSuccess(id(99), contacts(1)), "never heard of");
        assertFalse(lookup.onFailure(id(99)));
        assertFalse(lookup.onSuccess(id(10), contacts(1)), "known but never queried");
        assertFalse(lookup.onFailure(id(20)));
        assertFalse(lookup.onSuccess(LOCAL, contacts(1)));
        assertEquals(OptionalInt.empty(), lookup.hopOf(id(1)));

        assertEquals(query(10), lookup.next(0));
        assertTrue(lookup.onSuccess(id(10), List.of()));
        assertFalse(lookup.onSuccess(id(10), contacts(1)), "already reported");
        assertFalse(lookup.onFailure(id(10)), "already reported");

        assertEquals(OptionalInt.empty(), lookup.hopOf(id(1)));
        assertEquals(1, lookup.responses());
        assertEquals(0, lookup.failures());
        assertEquals(contacts(10), lookup.result());
        assertEquals(query(20), lookup.next(1));
    }

    @Test
    void emptySeedsFinishAtOnce() {
        ClosestPeersLookup lookup = lookup(20, 3, List.of());

        assertEquals(FINISHED, lookup.next(0));
        assertTrue(lookup.result().isEmpty());
        assertEquals(0, lookup.hops());
        assertEquals(0, lookup.requestsSent());
    }

    @Test
    void seedsOfOnlyOurOwnIdAndDuplicatesAreIgnored() {
        ClosestPeersLookup onlyLocal = lookup(20, 3, List.of(TestContacts.contact(LOCAL, 1)));
        assertEquals(FINISHED, onlyLocal.next(0));

        ClosestPeersLookup duplicates = lookup(20, 3, contacts(10, 10, 10));
        assertEquals(query(10), duplicates.next(0));
        assertEquals(new LookupStep.Waiting(TIMEOUT), duplicates.next(0));
    }

    @Test
    void aStalledLookupWidensToTheWholeWindowAndNarrowsOnProgress() {
        ClosestPeersLookup lookup = lookup(5, 2, contacts(10, 20, 30, 40, 50, 60, 70));

        assertEquals(query(10), lookup.next(0));
        assertEquals(query(20), lookup.next(0));
        assertEquals(new LookupStep.AtCapacity(TIMEOUT), lookup.next(0));
        assertTrue(lookup.onSuccess(id(10), contacts(15)));
        assertFalse(lookup.isStalled(), "one answer without progress is not yet a stalled round");
        assertTrue(lookup.onSuccess(id(20), contacts(25)));
        assertTrue(lookup.isStalled(), "alpha answers in a row brought nothing closer than 10");

        assertEquals(query(15), lookup.next(1));
        assertEquals(query(25), lookup.next(1));
        assertEquals(query(30), lookup.next(1));
        assertEquals(3, lookup.inFlight(), "more than alpha while stalled");
        assertEquals(new LookupStep.Waiting(101), lookup.next(1), "the window of 5 is all asked");

        assertTrue(lookup.onSuccess(id(30), contacts(5)));
        assertFalse(lookup.isStalled(), "5 is closer than anything seen");
        assertEquals(new LookupStep.AtCapacity(101), lookup.next(2), "15 and 25 still fill alpha = 2");
        assertTrue(lookup.onSuccess(id(15), List.of()));
        assertEquals(query(5), lookup.next(3));
        assertTrue(lookup.onSuccess(id(25), List.of()));
        assertTrue(lookup.onSuccess(id(5), List.of()));
        assertEquals(FINISHED, lookup.next(4));
        assertEquals(contacts(5, 10, 15, 20, 25), lookup.result());
        assertEquals(6, lookup.requestsSent());
    }

    @Test
    void deadlinesSaturateAtTheEndOfTime() {
        ClosestPeersLookup lookup = lookup(1, 1, contacts(10, 20));

        assertEquals(query(10), lookup.next(Long.MAX_VALUE - 1));
        assertEquals(new LookupStep.AtCapacity(Long.MAX_VALUE), lookup.next(Long.MAX_VALUE - 1));
        assertEquals(query(20), lookup.next(Long.MAX_VALUE));
    }

    @Test
    void resultIsAnUnmodifiableSnapshot() {
        ClosestPeersLookup lookup = lookup(2, 1, contacts(10));
        lookup.next(0);
        lookup.onSuccess(id(10), List.of());
        List<Contact> result = lookup.result();

        assertThrows(UnsupportedOperationException.class, () -> result.add(at(1)));
    }

    @Test
    void argumentsAreChecked() {
        LookupParameters parameters = new LookupParameters(20, 3, 1_000);
        List<Contact> seeds = contacts(1, 2);
        assertThrows(NullPointerException.class, () -> new ClosestPeersLookup(null, LOCAL, seeds, parameters));
        assertThrows(NullPointerException.class, () -> new ClosestPeersLookup(Key.ZERO, null, seeds, parameters));
        assertThrows(NullPointerException.class, () -> new ClosestPeersLookup(Key.ZERO, LOCAL, null, parameters));
        assertThrows(NullPointerException.class, () -> new ClosestPeersLookup(Key.ZERO, LOCAL, seeds, null));
        assertThrows(NullPointerException.class,
                () -> new ClosestPeersLookup(Key.ZERO, LOCAL, Arrays.asList(at(1), null), parameters));

        ClosestPeersLookup lookup = new ClosestPeersLookup(Key.ZERO, LOCAL, seeds, parameters);
        lookup.next(0);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> lookup.onSuccess(id(1), Arrays.asList(at(3), null)));
        assertEquals("closerPeers must not contain null", e.getMessage());
        assertEquals(OptionalInt.empty(), lookup.hopOf(id(3)), "a rejected answer changes nothing");
        assertTrue(lookup.onSuccess(id(1), List.of()), "the peer is still awaited");
    }

    @Test
    void toStringSummarisesProgress() {
        ClosestPeersLookup lookup = lookup(2, 1, contacts(10));
        lookup.next(0);
        assertEquals("ClosestPeersLookup{target=0000000000000000, candidates=1, inFlight=1, sent=1,"
                + " responses=0, timeouts=0, failures=0}", lookup.toString());
    }
}
