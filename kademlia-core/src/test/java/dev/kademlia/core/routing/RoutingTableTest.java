package dev.kademlia.core.routing;

import static dev.kademlia.core.routing.TestContacts.address;
import static dev.kademlia.core.routing.TestContacts.contact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    private static final int BUCKET = 200;

    private final Key local = Key.random(new SplittableRandom(1));
    private final SplittableRandom random = new SplittableRandom(2);
    private int counter;

    /** A fresh contact in bucket {@code index} of the local id. */
    private Contact inBucket(int index) {
        return contact(local.randomInBucket(index, random), ++counter);
    }

    private static List<Key> ids(List<RoutingEntry> entries) {
        return entries.stream().map(e -> e.contact().id()).collect(Collectors.toList());
    }

    private static List<Key> ids(Contact... contacts) {
        return Arrays.stream(contacts).map(Contact::id).collect(Collectors.toList());
    }

    private static BucketView bucket(RoutingTable table, int index) {
        return table.buckets().stream()
                .filter(b -> b.index() == index)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bucket " + index + " in " + table.buckets()));
    }

    // ---- construction ----------------------------------------------------------------------------

    @Test
    void constructorRejectsOutOfRangeArgumentsWithTheOffendingValue() {
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> new RoutingTable(local, 0, 20, 2));
        assertTrue(k.getMessage().contains("k (the bucket capacity) must be at least 1; got 0"), k.getMessage());
        IllegalArgumentException cache = assertThrows(IllegalArgumentException.class,
                () -> new RoutingTable(local, 20, 0, 2));
        assertTrue(cache.getMessage().contains("replacementCacheSize must be at least 1"), cache.getMessage());
        IllegalArgumentException failures = assertThrows(IllegalArgumentException.class,
                () -> new RoutingTable(local, 20, 20, -1));
        assertTrue(failures.getMessage().contains("got -1"), failures.getMessage());
        assertThrows(NullPointerException.class, () -> new RoutingTable(null, 20, 20, 2));
    }

    @Test
    void accessorsReturnTheConstructionParameters() {
        RoutingTable table = new RoutingTable(local, 7, 5, 3);
        assertEquals(local, table.localId());
        assertEquals(7, table.k());
        assertEquals(5, table.replacementCacheSize());
        assertEquals(3, table.maxFailures());
        assertEquals(0, table.size());
        assertEquals(List.of(), table.buckets());
    }

    // ---- placement -------------------------------------------------------------------------------

    @Test
    void ownIdIsNeverInserted() {
        RoutingTable table = new RoutingTable(local, 20, 20, 2);
        UpdateOutcome outcome = table.seen(contact(local, 1), 10);
        assertInstanceOf(UpdateOutcome.Ignored.class, outcome);
        assertEquals(0, table.size());
        assertFalse(table.contains(local));
        assertEquals(List.of(), table.buckets());
        assertFalse(table.failed(local, 11));
        assertFalse(table.remove(local));
    }

    @Test
    void eachContactLandsInTheBucketOfItsDistance() {
        RoutingTable table = new RoutingTable(local, 20, 20, 2);
        int[] indices = {0, 1, 2, 63, 64, 127, 128, 191, 192, 254, 255};
        for (int index : indices) {
            Contact c = inBucket(index);
            assertEquals(UpdateOutcome.ADDED, table.seen(c, 1));
            assertEquals(index, local.distanceTo(c.id()).bitLength() - 1);
        }
        List<Integer> nonEmpty = table.buckets().stream().map(BucketView::index).collect(Collectors.toList());
        assertEquals(Arrays.stream(indices).boxed().collect(Collectors.toList()), nonEmpty);
        for (BucketView view : table.buckets()) {
            assertEquals(1, view.entries().size());
            assertEquals(view.index(), local.bucketIndex(view.entries().get(0).contact().id()));
        }
        assertEquals(indices.length, table.size());
    }

    @Test
    void newContactsFillTheBucketInArrivalOrder() {
        RoutingTable table = new RoutingTable(local, 3, 3, 2);
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        Contact c = inBucket(BUCKET);
        assertEquals(UpdateOutcome.ADDED, table.seen(a, 1));
        assertEquals(UpdateOutcome.ADDED, table.seen(b, 2));
        assertEquals(UpdateOutcome.ADDED, table.seen(c, 3));
        assertEquals(ids(a, b, c), ids(bucket(table, BUCKET).entries()));
        assertEquals(List.of(a, b, c), table.contacts());
        assertEquals(new RoutingEntry(b, 2, 0), table.entry(b.id()).orElseThrow());
    }

    @Test
    void aContactSeenAgainMovesToTheTailWithItsNewTime() {
        RoutingTable table = new RoutingTable(local, 3, 3, 2);
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        Contact c = inBucket(BUCKET);
        table.seen(a, 1);
        table.seen(b, 2);
        table.seen(c, 3);
        assertEquals(UpdateOutcome.UPDATED, table.seen(a, 10));
        assertEquals(ids(b, c, a), ids(bucket(table, BUCKET).entries()));
        assertEquals(10, table.entry(a.id()).orElseThrow().lastSeenMillis());
        assertEquals(3, table.size());
    }

    // ---- full bucket: the eviction probe ---------------------------------------------------------

    @Test
    void aNewcomerToAFullBucketIsCachedAndTheLeastRecentlySeenIsProbed() {
        RoutingTable table = new RoutingTable(local, 2, 2, 2);
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        Contact newcomer = inBucket(BUCKET);
        table.seen(a, 1);
        table.seen(b, 2);
        assertEquals(new UpdateOutcome.Pending(a), table.seen(newcomer, 3));
        assertFalse(table.contains(newcomer.id()));
        assertTrue(table.isCached(newcomer.id()));
        assertEquals(2, table.size());
        assertEquals(ids(newcomer), ids(bucket(table, BUCKET).replacements()));
    }

    @Test
    void aHeadHeardFromWithinTheProbeWindowIsNotProbed() {
        RoutingTable table = new RoutingTable(local, 2, 4, 2, AddressDiversity.UNLIMITED, 1_000);
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        table.seen(a, 100);
        table.seen(b, 200);
        Contact early = inBucket(BUCKET);
        assertEquals(UpdateOutcome.CACHED, table.seen(early, 1_099), "a was heard from 999 ms ago");
        assertTrue(table.isCached(early.id()));
        Contact late = inBucket(BUCKET);
        assertEquals(new UpdateOutcome.Pending(a), table.seen(late, 1_100), "a has been silent for 1,000 ms");
        assertEquals(ids(early, late), ids(bucket(table, BUCKET).replacements()));
        // a answers the probe and becomes the freshest; b, silent since 200, is probed next.
        assertEquals(UpdateOutcome.UPDATED, table.seen(a, 1_150));
        assertEquals(new UpdateOutcome.Pending(b), table.seen(inBucket(BUCKET), 1_200));
    }

    @Test
    void aDeadHeadInsideTheProbeWindowLeavesThroughFailedRequests() {
        RoutingTable table = new RoutingTable(local, 2, 2, 2, AddressDiversity.UNLIMITED, 60_000);
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        Contact newcomer = inBucket(BUCKET);
        table.seen(a, 1);
        table.seen(b, 2);
        assertEquals(UpdateOutcome.CACHED, table.seen(newcomer, 3));
        assertFalse(table.failed(a.id(), 4), "one failure is not enough outside a probe");
        assertTrue(table.failed(a.id(), 5));
        assertEquals(ids(b, newcomer), ids(bucket(table, BUCKET).entries()));
    }

    @Test
    void aNegativeProbeWindowIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RoutingTable(local, 20, 20, 2, AddressDiversity.UNLIMITED, -1));
        assertTrue(e.getMessage().contains("probeAfterMillis must be >= 0; got -1"), e.getMessage());
        assertEquals(0, new RoutingTable(local, 20, 20, 2).probeAfterMillis());
        assertEquals(5, new RoutingTable(local, 20, 20, 2, AddressDiversity.UNLIMITED, 5).probeAfterMillis());
    }

    @Test
    void whenTheProbeAnswersItMovesToTheTailAndTheNewcomerStaysCached() {
        RoutingTable table = new RoutingTable(local, 2, 2, 2);
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        Contact newcomer = inBucket(BUCKET);
        table.seen(a, 1);
        table.seen(b, 2);
        table.seen(newcomer, 3);
        assertEquals(UpdateOutcome.UPDATED, table.seen(a, 4));
        assertEquals(ids(b, a), ids(bucket(table, BUCKET).entries()));
        assertTrue(table.isCached(newcomer.id()));
        // The probe has ended, so the next newcomer starts a new one, of the new least-recently seen.
        Contact another = inBucket(BUCKET);
        assertEquals(new UpdateOutcome.Pending(b), table.seen(another, 5));
    }

    @Test
    void whenTheProbeFailsItIsRemovedAtOnceAndTheNewcomerPromoted() {
        RoutingTable table = new RoutingTable(local, 2, 2, 5); // would take 5 failures outside a probe
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        Contact newcomer = inBucket(BUCKET);
        table.seen(a, 1);
        table.seen(b, 2);
        table.seen(newcomer, 3);
        assertTrue(table.failed(a.id(), 4));
        assertFalse(table.contains(a.id()));
        assertTrue(table.contains(newcomer.id()));
        assertFalse(table.isCached(newcomer.id()));
        assertEquals(ids(b, newcomer), ids(bucket(table, BUCKET).entries()));
        assertEquals(List.of(), bucket(table, BUCKET).replacements());
        assertEquals(2, table.size());
        assertEquals(new RoutingEntry(newcomer, 3, 0), table.entry(newcomer.id()).orElseThrow());
    }

    @Test
    void aSecondNewcomerWhileAProbeIsOutstandingIsOnlyCached() {
        RoutingTable table = new RoutingTable(local, 2, 4, 2);
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        Contact first = inBucket(BUCKET);
        Contact second = inBucket(BUCKET);
        table.seen(a, 1);
        table.seen(b, 2);
        assertInstanceOf(UpdateOutcome.Pending.class, table.seen(first, 3));
        assertEquals(UpdateOutcome.CACHED, table.seen(second, 4));
        assertEquals(ids(first, second), ids(bucket(table, BUCKET).replacements()));
        // The probe fails: the newest replacement takes the slot.
        assertTrue(table.failed(a.id(), 5));
        assertEquals(ids(b, second), ids(bucket(table, BUCKET).entries()));
        assertEquals(ids(first), ids(bucket(table, BUCKET).replacements()));
    }

    @Test
    void theProbeStaysOutstandingWhenAnotherEntryIsDropped() {
        RoutingTable table = new RoutingTable(local, 2, 4, 1);
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        Contact first = inBucket(BUCKET);
        Contact second = inBucket(BUCKET);
        table.seen(a, 1);
        table.seen(b, 2);
        assertEquals(new UpdateOutcome.Pending(a), table.seen(first, 3));
        assertTrue(table.failed(b.id(), 4)); // maxFailures = 1
        assertTrue(table.contains(first.id()));
        assertEquals(UpdateOutcome.CACHED, table.seen(second, 5));
        assertEquals(UpdateOutcome.UPDATED, table.seen(a, 6)); // the probe answers
        Contact third = inBucket(BUCKET);
        assertEquals(new UpdateOutcome.Pending(first), table.seen(third, 7));
    }

    @Test
    void probesAreTrackedPerBucket() {
        RoutingTable table = new RoutingTable(local, 1, 2, 2);
        Contact near = inBucket(10);
        Contact far = inBucket(250);
        table.seen(near, 1);
        table.seen(far, 2);
        assertEquals(new UpdateOutcome.Pending(near), table.seen(inBucket(10), 3));
        assertEquals(new UpdateOutcome.Pending(far), table.seen(inBucket(250), 4));
        assertEquals(UpdateOutcome.CACHED, table.seen(inBucket(10), 5));
    }

    // ---- replacement cache -----------------------------------------------------------------------

    @Test
    void theReplacementCacheIsBoundedAndPromotesTheNewestFirst() {
        RoutingTable table = new RoutingTable(local, 2, 3, 2);
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        table.seen(a, 1);
        table.seen(b, 2);
        Contact r1 = inBucket(BUCKET);
        Contact r2 = inBucket(BUCKET);
        Contact r3 = inBucket(BUCKET);
        Contact r4 = inBucket(BUCKET);
        assertEquals(new UpdateOutcome.Pending(a), table.seen(r1, 3));
        assertEquals(UpdateOutcome.CACHED, table.seen(r2, 4));
        assertEquals(UpdateOutcome.CACHED, table.seen(r3, 5));
        assertEquals(UpdateOutcome.CACHED, table.seen(r4, 6));
        assertEquals(ids(r2, r3, r4), ids(bucket(table, BUCKET).replacements()), "the oldest, r1, is dropped");
        assertFalse(table.isCached(r1.id()));

        assertTrue(table.remove(a.id()));
        assertEquals(ids(b, r4), ids(bucket(table, BUCKET).entries()));
        assertTrue(table.remove(b.id()));
        assertEquals(ids(r3, r4), ids(bucket(table, BUCKET).entries()));
        assertEquals(ids(r2), ids(bucket(table, BUCKET).replacements()));
        assertEquals(2, table.size());
    }

    @Test
    void aContactSeenAgainInTheCacheIsRefreshedThere() {
        RoutingTable table = new RoutingTable(local, 1, 3, 2);
        Contact a = inBucket(BUCKET);
        table.seen(a, 1);
        Contact r1 = inBucket(BUCKET);
        Contact r2 = inBucket(BUCKET);
        Contact r3 = inBucket(BUCKET);
        table.seen(r1, 2);
        table.seen(r2, 3);
        table.seen(r3, 4);
        assertEquals(UpdateOutcome.CACHED, table.seen(r1, 10));
        BucketView view = bucket(table, BUCKET);
        assertEquals(ids(r2, r3, r1), ids(view.replacements()));
        assertEquals(10, view.replacements().get(2).lastSeenMillis());
        assertTrue(table.failed(a.id(), 11));
        assertEquals(List.of(r1), table.contacts());
    }

    @Test
    void aCachedContactSeenAgainAfterTheProbeEndedStartsANewProbe() {
        RoutingTable table = new RoutingTable(local, 1, 3, 2);
        Contact a = inBucket(BUCKET);
        Contact r = inBucket(BUCKET);
        table.seen(a, 1);
        assertEquals(new UpdateOutcome.Pending(a), table.seen(r, 2));
        table.seen(a, 3); // the probe answered
        assertEquals(new UpdateOutcome.Pending(a), table.seen(r, 4));
        assertEquals(ids(r), ids(bucket(table, BUCKET).replacements()));
    }

    @Test
    void aFailedRpcToACachedOnlyContactDropsItFromTheCache() {
        RoutingTable table = new RoutingTable(local, 1, 3, 2);
        Contact a = inBucket(BUCKET);
        Contact newcomer = inBucket(BUCKET);
        table.seen(a, 1);
        table.seen(newcomer, 2);
        assertFalse(table.failed(newcomer.id(), 3), "no bucket entry was removed");
        assertFalse(table.isCached(newcomer.id()));
        assertEquals(List.of(), bucket(table, BUCKET).replacements());
        // The probe of a is still outstanding; its failure now leaves a free slot.
        assertTrue(table.failed(a.id(), 4));
        assertEquals(0, table.size());
        assertEquals(List.of(), table.buckets());
    }

    @Test
    void removeTakesAContactFromTheBucketOrTheCacheAndEndsItsProbe() {
        RoutingTable table = new RoutingTable(local, 1, 3, 2);
        Contact a = inBucket(BUCKET);
        Contact n1 = inBucket(BUCKET);
        Contact n2 = inBucket(BUCKET);
        table.seen(a, 1);
        assertEquals(new UpdateOutcome.Pending(a), table.seen(n1, 2));
        assertTrue(table.remove(a.id()));
        assertEquals(List.of(n1), table.contacts());
        assertEquals(new UpdateOutcome.Pending(n1), table.seen(n2, 3), "the old probe ended with a's removal");
        assertTrue(table.remove(n2.id()));
        assertFalse(table.isCached(n2.id()));
        assertFalse(table.remove(n2.id()));
        assertEquals(List.of(n1), table.contacts());
    }

    // ---- stale contacts --------------------------------------------------------------------------

    @Test
    void aContactIsDroppedAfterMaxFailuresConsecutiveFailures() {
        RoutingTable table = new RoutingTable(local, 20, 20, 3);
        Contact a = inBucket(BUCKET);
        table.seen(a, 1);
        assertFalse(table.failed(a.id(), 2));
        assertEquals(new RoutingEntry(a, 1, 1), table.entry(a.id()).orElseThrow());
        assertFalse(table.failed(a.id(), 3));
        assertEquals(2, table.entry(a.id()).orElseThrow().failures());
        assertTrue(table.failed(a.id(), 4));
        assertFalse(table.contains(a.id()));
        assertEquals(0, table.size());
    }

    @Test
    void beingSeenResetsTheFailureCount() {
        RoutingTable table = new RoutingTable(local, 20, 20, 2);
        Contact a = inBucket(BUCKET);
        table.seen(a, 1);
        assertFalse(table.failed(a.id(), 2));
        assertEquals(UpdateOutcome.UPDATED, table.seen(a, 3));
        assertEquals(new RoutingEntry(a, 3, 0), table.entry(a.id()).orElseThrow());
        assertFalse(table.failed(a.id(), 4), "the count restarted from zero");
        assertTrue(table.failed(a.id(), 5));
    }

    @Test
    void aFailureDoesNotChangeTheOrderOrLastSeenTime() {
        RoutingTable table = new RoutingTable(local, 20, 20, 3);
        Contact a = inBucket(BUCKET);
        Contact b = inBucket(BUCKET);
        table.seen(a, 1);
        table.seen(b, 2);
        table.failed(a.id(), 9);
        assertEquals(ids(a, b), ids(bucket(table, BUCKET).entries()));
        assertEquals(1, table.entry(a.id()).orElseThrow().lastSeenMillis());
    }

    @Test
    void unknownIdsAreReportedAsAbsent() {
        RoutingTable table = new RoutingTable(local, 20, 20, 2);
        table.seen(inBucket(BUCKET), 1);
        Key stranger = local.randomInBucket(BUCKET, random);
        assertFalse(table.failed(stranger, 2));
        assertFalse(table.remove(stranger));
        assertFalse(table.contains(stranger));
        assertTrue(table.entry(stranger).isEmpty());
        assertFalse(table.failed(local.randomInBucket(3, random), 2), "an id whose bucket was never used");
        assertEquals(1, table.size());
    }

    // ---- address changes -------------------------------------------------------------------------

    @Test
    void aKnownIdFromAnotherAddressIsIgnoredWhileTheEntryIsAlive() {
        RoutingTable table = new RoutingTable(local, 20, 20, 3);
        Key id = local.randomInBucket(BUCKET, random);
        Contact original = new Contact(id, address(1, 4000));
        Contact impostor = new Contact(id, address(2, 4000));
        table.seen(original, 1);
        UpdateOutcome outcome = table.seen(impostor, 2);
        assertInstanceOf(UpdateOutcome.Ignored.class, outcome);
        assertTrue(((UpdateOutcome.Ignored) outcome).reason().contains("10.0.0.1:4000"), outcome.toString());
        assertEquals(new RoutingEntry(original, 1, 0), table.entry(id).orElseThrow());
    }

    @Test
    void aKnownIdFromAnotherAddressReplacesAnEntryThatHasFailed() {
        RoutingTable table = new RoutingTable(local, 20, 20, 3);
        Key id = local.randomInBucket(BUCKET, random);
        Contact original = new Contact(id, address(1, 4000));
        Contact moved = new Contact(id, address(1, 4001));
        Contact other = inBucket(BUCKET);
        table.seen(original, 1);
        table.seen(other, 2);
        assertFalse(table.failed(id, 3));
        assertEquals(UpdateOutcome.UPDATED, table.seen(moved, 4));
        assertEquals(new RoutingEntry(moved, 4, 0), table.entry(id).orElseThrow());
        assertEquals(List.of(other, moved), table.contacts());
        assertEquals(2, table.size());
    }

    @Test
    void aCachedIdFromAnotherAddressIsIgnored() {
        RoutingTable table = new RoutingTable(local, 1, 3, 2);
        table.seen(inBucket(BUCKET), 1);
        Key id = local.randomInBucket(BUCKET, random);
        Contact first = new Contact(id, address(7, 4000));
        table.seen(first, 2);
        assertInstanceOf(UpdateOutcome.Ignored.class, table.seen(new Contact(id, address(8, 4000)), 3));
        assertEquals(List.of(new RoutingEntry(first, 2, 0)), bucket(table, BUCKET).replacements());
    }

    // ---- closest ---------------------------------------------------------------------------------

    @Test
    void closestRejectsANegativeCountAndAnswersEmptyForZero() {
        RoutingTable table = new RoutingTable(local, 20, 20, 2);
        table.seen(inBucket(BUCKET), 1);
        assertThrows(IllegalArgumentException.class, () -> table.closest(local, -1));
        assertEquals(List.of(), table.closest(local, 0));
        assertEquals(List.of(), new RoutingTable(local, 20, 20, 2).closest(local, 5));
    }

    @Test
    void closestOrdersAcrossAndWithinBuckets() {
        RoutingTable table = new RoutingTable(local, 20, 20, 2);
        Contact b0 = inBucket(0);
        Contact b5 = inBucket(5);
        Contact b9a = inBucket(9);
        Contact b9b = inBucket(9);
        Contact b200 = inBucket(200);
        for (Contact c : List.of(b200, b9b, b5, b0, b9a)) {
            table.seen(c, 1);
        }
        // From our own id, distance grows with the bucket index.
        List<Contact> fromHere = table.closest(local, 10);
        assertEquals(b0, fromHere.get(0));
        assertEquals(b5, fromHere.get(1));
        assertEquals(b200, fromHere.get(4));
        // A target in bucket 9: bucket 9 first (nearest first within it), then the lower buckets, then 200.
        Key target = b9a.id();
        List<Contact> nine = table.closest(target, 10);
        assertEquals(List.of(b9a, b9b), nine.subList(0, 2));
        assertEquals(Set.of(b5, b0), Set.copyOf(nine.subList(2, 4)));
        assertEquals(b200, nine.get(4));
        assertEquals(List.of(b9a, b9b), table.closest(target, 2));
        assertThrows(UnsupportedOperationException.class, () -> nine.add(b0));
    }

    // ---- refresh ---------------------------------------------------------------------------------

    @Test
    void anEmptyTableHasNoBucketToRefresh() {
        RoutingTable table = new RoutingTable(local, 20, 20, 2);
        assertEquals(List.of(), table.bucketsToRefresh(1_000_000, 10));
    }

    @Test
    void bucketsFromTheClosestNeighbourUpAreDueWhenIdle() {
        RoutingTable table = new RoutingTable(local, 20, 20, 2);
        table.seen(inBucket(250), 1);
        table.seen(inBucket(255), 1);
        assertEquals(List.of(250, 251, 252, 253, 254, 255), table.bucketsToRefresh(10_000, 5_000));
        assertEquals(List.of(), table.bucketsToRefresh(5_000, 5_000), "never touched counts as touched at 0");

        table.touch(local.randomInBucket(252, random), 8_000);
        assertEquals(List.of(250, 251, 253, 254, 255), table.bucketsToRefresh(10_000, 5_000));
        assertEquals(List.of(250, 251, 253, 254, 255), table.bucketsToRefresh(13_000, 5_000),
                "exactly idleMillis after the touch is not yet due");
        assertEquals(List.of(250, 251, 252, 253, 254, 255), table.bucketsToRefresh(13_001, 5_000));

        table.seen(inBucket(100), 1);
        List<Integer> due = table.bucketsToRefresh(10_000, 5_000);
        assertEquals(100, due.get(0));
        assertEquals(155, due.size(), "buckets 100..255 except 252");
        assertFalse(due.contains(252));
    }

    @Test
    void touchingTheLocalIdOrAnOlderTimeChangesNothing() {
        RoutingTable table = new RoutingTable(local, 20, 20, 2);
        table.seen(inBucket(255), 1);
        table.touch(local, 9_000);
        assertEquals(List.of(255), table.bucketsToRefresh(10_000, 5_000));
        Key far = local.randomInBucket(255, random);
        table.touch(far, 9_000);
        table.touch(far, 2_000);
        assertEquals(List.of(), table.bucketsToRefresh(10_000, 5_000));
        assertThrows(IllegalArgumentException.class, () -> table.bucketsToRefresh(10_000, -1));
    }
}
