package dev.kademlia.core.routing;

import static dev.kademlia.core.routing.TestContacts.contact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ContactTrieTest {

    private static final Comparator<Contact> BY_ID = Comparator.comparing(Contact::id);

    private final SplittableRandom random = new SplittableRandom(3);
    private final Key local = Key.random(random);

    private static List<Contact> naiveNearest(List<Contact> contacts, Key target, int r) {
        List<Contact> sorted = new ArrayList<>(contacts);
        sorted.sort((a, b) -> target.compareDistance(a.id(), b.id()));
        return sorted.subList(0, Math.min(r, sorted.size()));
    }

    private static List<Contact> nearest(ContactTrie trie, Key target, int r) {
        Contact[] out = new Contact[r + 2];
        int end = trie.appendNearest(target, r, out, 1, new long[Key.BITS]);
        assertNull(out[0], "nothing is written before the given position");
        return Arrays.asList(out).subList(1, end);
    }

    private static List<Contact> nearest(KBucket bucket, Key target, int r) {
        Contact[] out = new Contact[r];
        int end = bucket.appendNearest(target, r, out, 0, new long[Key.BITS]);
        return Arrays.asList(out).subList(0, end);
    }

    // ---- the trie alone ----------------------------------------------------------------------------

    @Test
    void keepsItsContactsInIdOrderThroughAddsAndRemovals() {
        ContactTrie trie = new ContactTrie(255);
        List<Contact> model = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Contact c = contact(local.randomInBucket(255, random), i);
            trie.add(c);
            model.add(c);
        }
        for (int i = 0; i < 20; i++) {
            Contact gone = model.remove(random.nextInt(model.size()));
            assertTrue(trie.remove(gone.id()));
            assertFalse(trie.remove(gone.id()), "a second removal finds nothing");
        }
        model.sort(BY_ID);
        assertEquals(model, trie.inIdOrder());
        assertEquals(30, trie.size());
    }

    @Test
    void replaceSwapsTheContactInPlace() {
        ContactTrie trie = new ContactTrie(100);
        Key id = local.randomInBucket(100, random);
        trie.add(contact(local.randomInBucket(100, random), 1));
        trie.add(contact(id, 2));
        trie.add(contact(local.randomInBucket(100, random), 3));
        Contact moved = contact(id, 99);
        int position = trie.positionOf(id);
        trie.replaceAt(position, moved);
        assertEquals(position, trie.positionOf(id));
        assertSame(moved, trie.contactAt(position));
        assertEquals(3, trie.size());
        assertSame(moved, trie.inIdOrder().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow());
        assertSame(moved, nearest(trie, id, 1).get(0));
    }

    @Test
    void findsNoStrangerAndRefusesADuplicateIdOrAReplacementUnderAnotherId() {
        ContactTrie trie = new ContactTrie(7);
        Key id = local.randomInBucket(7, random);
        trie.add(contact(id, 1));
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> trie.add(contact(id, 2)));
        assertTrue(twice.getMessage().contains("already in the bucket"), twice.getMessage());
        Key stranger = local.randomInBucket(7, random);
        assertEquals(-1, trie.positionOf(stranger));
        assertEquals(0, trie.positionOf(id));
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> trie.replaceAt(0, contact(stranger, 3)));
        assertTrue(other.getMessage().contains("not id"), other.getMessage());
    }

    @Test
    void anEmptyOrSingleContactTrieAnswersWithWhatItHolds() {
        ContactTrie trie = new ContactTrie(42);
        Key target = Key.random(random);
        assertEquals(List.of(), nearest(trie, target, 5));
        Contact only = contact(local.randomInBucket(42, random), 1);
        trie.add(only);
        assertEquals(List.of(only), nearest(trie, target, 5));
        assertEquals(List.of(), nearest(trie, target, 0));
        assertTrue(trie.remove(only.id()));
        assertEquals(List.of(), nearest(trie, target, 5));
    }

    /**
     * Ids that agree on the whole ordering word (and more) are split below it, where the query reads the
     * target's bit through the key: the answer is still in distance order.
     */
    @Test
    void idsAgreeingBeyondTheOrderingWordAreStillOrderedByDistance() {
        int index = 255; // ordering word 0: bits 254..192
        Key base = local.randomInBucket(index, random);
        ContactTrie trie = new ContactTrie(index);
        List<Contact> model = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Same bits as base above a bit in [0, 191]: they agree on all of word 0.
            Key id = i == 0 ? base : base.randomInBucket(random.nextInt(192), random);
            if (model.stream().noneMatch(c -> c.id().equals(id))) {
                Contact c = contact(id, i);
                trie.add(c);
                model.add(c);
            }
        }
        for (int t = 0; t < 50; t++) {
            Key target = t % 2 == 0 ? Key.random(random) : base.randomInBucket(random.nextInt(192), random);
            for (int r : new int[] {1, 3, 20, model.size()}) {
                assertEquals(naiveNearest(model, target, r), nearest(trie, target, r), "target " + target);
            }
        }
    }

    @Property(tries = 200)
    void nearestEqualsANaiveSortAfterRandomAddsAndRemovals(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 255) int index,
            @ForAll @IntRange(min = 1, max = 300) int operations) {
        SplittableRandom random = new SplittableRandom(seed);
        Key local = Key.random(random);
        ContactTrie trie = new ContactTrie(index);
        List<Contact> model = new ArrayList<>();
        for (int op = 0; op < operations; op++) {
            if (!model.isEmpty() && random.nextInt(3) == 0) {
                Contact gone = model.remove(random.nextInt(model.size()));
                assertTrue(trie.remove(gone.id()));
            } else {
                Key id = newId(random, local, index, model);
                if (id != null) {
                    Contact c = contact(id, op);
                    trie.add(c);
                    model.add(c);
                }
            }
        }
        List<Contact> byId = new ArrayList<>(model);
        byId.sort(BY_ID);
        assertEquals(byId, trie.inIdOrder());
        for (int p = 0; p < byId.size(); p++) {
            assertEquals(p, trie.positionOf(byId.get(p).id()));
        }
        Key stranger = newId(random, local, index, model);
        if (stranger != null) {
            assertEquals(-1, trie.positionOf(stranger), "an id never added is not found");
        }
        for (int t = 0; t < 8; t++) {
            Key target = t == 0 ? local : model.isEmpty() || t % 2 == 1
                    ? Key.random(random)
                    : model.get(random.nextInt(model.size())).id().randomInBucket(random.nextInt(Key.BITS), random);
            for (int r : new int[] {0, 1, 2, 20, 1 + random.nextInt(model.size() + 1), model.size() + 1}) {
                assertEquals(naiveNearest(model, target, r), nearest(trie, target, r),
                        "bucket " + index + ", target " + target + ", r " + r);
            }
        }
    }

    /**
     * An id for bucket {@code index} of {@code local} not yet in {@code present}, or {@code null} if none
     * was found: often a near neighbour of a present id (agreeing with it above a random lower bit), so
     * that ids sharing long prefixes, beyond the ordering word, occur.
     */
    private static Key newId(SplittableRandom random, Key local, int index, List<Contact> present) {
        for (int attempt = 0; attempt < 4; attempt++) {
            Key id;
            if (!present.isEmpty() && index > 0 && random.nextBoolean()) {
                Key neighbour = present.get(random.nextInt(present.size())).id();
                id = neighbour.randomInBucket(random.nextInt(index), random);
            } else {
                id = local.randomInBucket(index, random);
            }
            Key candidate = id;
            if (present.stream().noneMatch(c -> c.id().equals(candidate))) {
                return id;
            }
        }
        return null;
    }

    // ---- the trie kept in step with its bucket ----------------------------------------------------

    @Property(tries = 150)
    void aBucketsTrieHoldsExactlyItsEntriesAfterRandomOperations(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int capacity,
            @ForAll @IntRange(min = 1, max = 6) int cacheSize,
            @ForAll @IntRange(min = 1, max = 3) int maxFailures) {
        SplittableRandom random = new SplittableRandom(seed);
        Key local = Key.random(random);
        int index = new int[] {255, 192, 191, 130, 64, 63, 3}[random.nextInt(7)];
        KBucket bucket = new KBucket(index, capacity, cacheSize, 0);
        // A small pool of ids, some of them near neighbours of others, so that ids recur, the bucket
        // fills, replacements are promoted and addresses change.
        List<Contact> pool = new ArrayList<>();
        for (int i = 0; i < 3 * capacity + 4; i++) {
            Key id = newId(random, local, index, pool);
            if (id != null) {
                pool.add(contact(id, i));
            }
        }
        for (long now = 1; now <= 300; now++) {
            int p = random.nextInt(pool.size());
            Key id = pool.get(p).id();
            int op = random.nextInt(10);
            if (op < 6) {
                // Now and then from another address: it replaces the old one if the entry has failed.
                int address = random.nextInt(5) == 0 ? 1_000 + random.nextInt(1_000) : p;
                bucket.seen(contact(id, address), now);
            } else if (op < 9) {
                bucket.failed(id, maxFailures);
            } else {
                bucket.remove(id);
            }
            List<Contact> entries = new ArrayList<>();
            for (RoutingEntry e : bucket.view(index).entries()) {
                entries.add(e.contact());
            }
            List<Contact> byId = new ArrayList<>(entries);
            byId.sort(BY_ID);
            List<Contact> held = bucket.contactsById();
            assertEquals(byId, held, "the trie holds the entries' contacts, sorted by id");
            for (int i = 0; i < held.size(); i++) {
                assertSame(byId.get(i), held.get(i), "the trie holds the entry's current contact object");
            }
            Key target = random.nextBoolean()
                    ? Key.random(random)
                    : pool.get(random.nextInt(pool.size())).id().randomInBucket(random.nextInt(index + 1), random);
            int r = 1 + random.nextInt(capacity + 1);
            assertEquals(naiveNearest(entries, target, r), nearest(bucket, target, r), "target " + target);
        }
    }
}
