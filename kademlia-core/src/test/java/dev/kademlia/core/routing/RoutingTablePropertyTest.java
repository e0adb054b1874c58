package dev.kademlia.core.routing;

import static dev.kademlia.core.routing.TestContacts.contact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RoutingTablePropertyTest {

    /**
     * Builds a table from {@code count} random contacts: half uniformly random ids (which crowd the far
     * buckets), half in a uniformly chosen bucket (so that near buckets are populated too).
     */
    private static RoutingTable randomTable(SplittableRandom random, int k, int count) {
        Key local = Key.random(random);
        RoutingTable table = new RoutingTable(local, k, k, 2);
        for (int i = 0; i < count; i++) {
            Key id = random.nextBoolean()
                    ? Key.random(random)
                    : local.randomInBucket(random.nextInt(Key.BITS), random);
            table.seen(contact(id, i), i);
        }
        return table;
    }

    private static List<Contact> naiveClosest(RoutingTable table, Key target, int n) {
        List<Contact> all = new ArrayList<>(table.contacts());
        all.sort((a, b) -> target.compareDistance(a.id(), b.id()));
        return all.subList(0, Math.min(n, all.size()));
    }

    @Property(tries = 150)
    void closestEqualsANaiveSortOfTheWholeTable(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 2_000) int count,
            @ForAll @IntRange(min = 1, max = 20) int k,
            @ForAll boolean largeBuckets) {
        SplittableRandom random = new SplittableRandom(seed);
        // Large buckets (k up to 300) make the in-bucket selection pick a few of many.
        RoutingTable table = randomTable(random, largeBuckets ? k * 15 : k, count);
        Key local = table.localId();
        List<Key> targets = new ArrayList<>();
        targets.add(local);
        targets.add(Key.random(random));
        targets.add(local.randomInBucket(random.nextInt(Key.BITS), random));
        List<Contact> contacts = table.contacts();
        if (!contacts.isEmpty()) {
            Key member = contacts.get(random.nextInt(contacts.size())).id();
            targets.add(member);
            targets.add(member.randomInBucket(random.nextInt(8), random)); // a near neighbour of a member
        }
        int size = table.size();
        int[] counts = {0, 1, k, 20, 1 + random.nextInt(size + 1), size, size + 3};
        for (Key target : targets) {
            for (int n : counts) {
                assertEquals(naiveClosest(table, target, n), table.closest(target, n),
                        () -> "target " + target + ", n " + n + ", table " + table);
            }
        }
    }

    @Property(tries = 100)
    void randomOperationsKeepTheTableConsistent(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 8) int k,
            @ForAll @IntRange(min = 1, max = 8) int cacheSize,
            @ForAll @IntRange(min = 1, max = 3) int maxFailures) {
        SplittableRandom random = new SplittableRandom(seed);
        Key local = Key.random(random);
        RoutingTable table = new RoutingTable(local, k, cacheSize, maxFailures);
        // A small pool of ids over a few buckets, so that buckets fill, probes start and ids recur.
        int[] bucketIndices = {0, 1, 7, 128, 255};
        List<Key> pool = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pool.add(local.randomInBucket(bucketIndices[random.nextInt(bucketIndices.length)], random));
        }
        pool.add(local);
        for (long now = 1; now <= 600; now++) {
            Key id = pool.get(random.nextInt(pool.size()));
            int op = random.nextInt(10);
            if (op < 6) {
                int address = random.nextInt(20) == 0 ? 1_000 + random.nextInt(1_000) : pool.indexOf(id);
                UpdateOutcome outcome = table.seen(contact(id, address), now);
                if (outcome instanceof UpdateOutcome.Pending) {
                    Contact probe = ((UpdateOutcome.Pending) outcome).probe();
                    assertTrue(table.contains(probe.id()), "the probe is a bucket entry");
                    assertEquals(local.bucketIndex(id), local.bucketIndex(probe.id()), "same bucket");
                    assertTrue(table.isCached(id), "the newcomer waits in the cache");
                }
                if (outcome == UpdateOutcome.ADDED || outcome == UpdateOutcome.UPDATED) {
                    assertEquals(now, table.entry(id).orElseThrow().lastSeenMillis());
                }
            } else if (op < 9) {
                boolean wasPresent = table.contains(id);
                boolean removed = table.failed(id, now);
                assertEquals(removed, wasPresent && !table.contains(id));
                assertFalse(table.isCached(id), "a failed replacement leaves the cache");
            } else {
                table.remove(id);
                assertFalse(table.contains(id));
                assertFalse(table.isCached(id));
            }
            checkInvariants(table);
            // closest() reads each bucket's id-ordered copy of its entries, which every operation above
            // (promotions from the cache and address changes included) must keep in step.
            Key target = random.nextBoolean() ? Key.random(random) : pool.get(random.nextInt(pool.size()));
            int n = random.nextInt(table.size() + 2);
            assertEquals(naiveClosest(table, target, n), table.closest(target, n), "target " + target);
        }
    }

    private static void checkInvariants(RoutingTable table) {
        Key local = table.localId();
        Set<Key> seen = new HashSet<>();
        int total = 0;
        for (BucketView view : table.buckets()) {
            assertTrue(view.entries().size() <= table.k(), () -> "bucket over capacity: " + view);
            assertTrue(view.replacements().size() <= table.replacementCacheSize(),
                    () -> "cache over capacity: " + view);
            assertTrue(view.replacements().isEmpty() || view.entries().size() == table.k(),
                    () -> "a cache is only used while its bucket is full: " + view);
            assertFalse(view.entries().isEmpty() && view.replacements().isEmpty(), "empty bucket listed");
            long previous = Long.MIN_VALUE;
            for (RoutingEntry e : view.entries()) {
                assertEquals(view.index(), local.bucketIndex(e.contact().id()));
                assertTrue(e.lastSeenMillis() >= previous, () -> "entries least-recently seen first: " + view);
                assertTrue(e.failures() < table.maxFailures(), () -> "a contact past maxFailures stayed: " + e);
                assertTrue(seen.add(e.contact().id()), () -> "duplicate id " + e);
                assertTrue(table.contains(e.contact().id()));
                previous = e.lastSeenMillis();
            }
            previous = Long.MIN_VALUE;
            for (RoutingEntry e : view.replacements()) {
                assertEquals(view.index(), local.bucketIndex(e.contact().id()));
                assertTrue(e.lastSeenMillis() >= previous, () -> "replacements least-recently seen first: " + view);
                assertTrue(seen.add(e.contact().id()), () -> "duplicate id " + e);
                assertTrue(table.isCached(e.contact().id()));
                previous = e.lastSeenMillis();
            }
            total += view.entries().size();
        }
        assertFalse(seen.contains(local));
        assertEquals(total, table.size());
        assertEquals(total, table.contacts().size());
    }
}
