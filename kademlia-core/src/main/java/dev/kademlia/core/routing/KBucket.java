package dev.kademlia.core.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.ArrayList;
import java.util.List;

/**
 * One k-bucket: up to {@code k} entries ordered least-recently seen first, a bounded replacement cache
 * of contacts waiting for a slot (also least-recently seen first), and the id of the entry currently
 * under an eviction probe, if any.
 *
 * <p>Invariant: the replacement cache is empty unless the bucket is full. Every removal of an entry
 * promotes the newest replacement, and a contact only enters the cache when the bucket is full.
 *
 * <p>The entries' contacts are also kept in a {@link ContactTrie}, sorted by id, which answers
 * {@link #appendNearest} and finds entries by id; every change to the entries' contacts (an entry added,
 * removed or promoted from the cache, or its address replaced) is made to both. An entry is found by a
 * descent of the trie along the id's bits, which answers at once for a stranger, then a scan of the
 * entries for the contact object found. The replacement cache is scanned: a linear scan is cheaper than a
 * hash map at these sizes, and allocation-free.
 */
final class KBucket {

    private final int capacity;
    private final int replacementCapacity;
    /** A full bucket probes its least-recently seen entry only if it has been silent this long. */
    private final long probeAfterMillis;
    private final ArrayList<RoutingEntry> entries;
    private final ArrayList<RoutingEntry> replacements;
    /** The contacts of {@link #entries}, sorted by id. */
    private final ContactTrie byId;
    /** The id of the entry the caller was asked to PING, or {@code null} when no probe is outstanding. */
    private Key probe;

    /**
     * Creates an empty bucket.
     *
     * @param index the bucket's index in {@code [0, 255]}
     */
    KBucket(int index, int capacity, int replacementCapacity, long probeAfterMillis) {
        this.byId = new ContactTrie(index);
        this.capacity = capacity;
        this.replacementCapacity = replacementCapacity;
        this.probeAfterMillis = probeAfterMillis;
        this.entries = new ArrayList<>(capacity);
        this.replacements = new ArrayList<>(Math.min(replacementCapacity, capacity));
    }

    /** The number of entries (not counting the replacement cache). */
    int size() {
        return entries.size();
    }

    /** Whether the bucket holds neither entries nor replacements. */
    boolean isEmpty() {
        return entries.isEmpty() && replacements.isEmpty();
    }

    /** The id of the entry under an eviction probe, or {@code null}. */
    Key probe() {
        return probe;
    }

    /** Records a message from {@code contact}; see {@link RoutingTable#seen} for the rules. */
    UpdateOutcome seen(Contact contact, long nowMillis) {
        Key id = contact.id();
        int position = byId.positionOf(id);
        if (position >= 0) {
            int i = entryHolding(byId.contactAt(position));
            RoutingEntry old = entries.get(i);
            if (!old.contact().address().equals(contact.address()) && old.failures() == 0) {
                return addressTaken(old, contact);
            }
            entries.remove(i);
            entries.add(new RoutingEntry(contact, nowMillis, 0));
            byId.replaceAt(position, contact);
            if (id.equals(probe)) {
                probe = null; // the probe answered: it stays, the newcomer stays cached
            }
            return UpdateOutcome.UPDATED;
        }
        int r = indexOf(replacements, id);
        if (r >= 0) {
            RoutingEntry old = replacements.get(r);
            if (!old.contact().address().equals(contact.address()) && old.failures() == 0) {
                return addressTaken(old, contact);
            }
            replacements.remove(r);
        }
        RoutingEntry fresh = new RoutingEntry(contact, nowMillis, 0);
        if (entries.size() < capacity) {
            entries.add(fresh);
            byId.add(contact);
            return UpdateOutcome.ADDED;
        }
        if (replacements.size() == replacementCapacity) {
            replacements.remove(0);
        }
        replacements.add(fresh);
        RoutingEntry head = entries.get(0);
        if (probe != null || nowMillis - head.lastSeenMillis() < probeAfterMillis) {
            return UpdateOutcome.CACHED;
        }
        Contact leastRecentlySeen = head.contact();
        probe = leastRecentlySeen.id();
        return new UpdateOutcome.Pending(leastRecentlySeen);
    }

    /**
     * Records a failed RPC to {@code id}; returns whether an entry was removed from the bucket. A
     * replacement with that id is dropped from the cache (and {@code false} returned).
     */
    boolean failed(Key id, int maxFailures) {
        int i = entryIndex(id);
        if (i < 0) {
            int r = indexOf(replacements, id);
            if (r >= 0) {
                replacements.remove(r);
            }
            return false;
        }
        RoutingEntry old = entries.get(i);
        int failures = old.failures() + 1;
        if (id.equals(probe) || failures >= maxFailures) {
            removeEntryAt(i);
            return true;
        }
        entries.set(i, new RoutingEntry(old.contact(), old.lastSeenMillis(), failures));
        return false;
    }

    /** Removes {@code id} from the entries or the replacement cache; returns whether it was present. */
    boolean remove(Key id) {
        int i = entryIndex(id);
        if (i >= 0) {
            removeEntryAt(i);
            return true;
        }
        int r = indexOf(replacements, id);
        if (r >= 0) {
            replacements.remove(r);
            return true;
        }
        return false;
    }

    /** The entry with this id, or {@code null}; replacements are not searched. */
    RoutingEntry entry(Key id) {
        int i = entryIndex(id);
        return i < 0 ? null : entries.get(i);
    }

    /** Whether {@code id} waits in the replacement cache. */
    boolean isCached(Key id) {
        return indexOf(replacements, id) >= 0;
    }

    /**
     * Writes the {@code min(r, size())} entries nearest to {@code target} into {@code out} from {@code at},
     * nearest first (see {@link ContactTrie#appendNearest}); returns the position after the last.
     */
    int appendNearest(Key target, int r, Contact[] out, int at, long[] pending) {
        return byId.appendNearest(target, r, out, at, pending);
    }

    /** The contacts of the entries in ascending order of id, as {@link #appendNearest} holds them. */
    List<Contact> contactsById() {
        return byId.inIdOrder();
    }

    /** Every contact of the bucket, entries and replacements. */
    List<Contact> contactsAndReplacements() {
        List<Contact> out = new ArrayList<>(entries.size() + replacements.size());
        for (RoutingEntry e : entries) {
            out.add(e.contact());
        }
        for (RoutingEntry e : replacements) {
            out.add(e.contact());
        }
        return out;
    }

    /** Appends the entries, least-recently seen first, to {@code out}. */
    void addEntriesTo(List<RoutingEntry> out) {
        out.addAll(entries);
    }

    /** An immutable snapshot of this bucket under {@code index}. */
    BucketView view(int index) {
        return new BucketView(index, entries, replacements);
    }

    private void removeEntryAt(int i) {
        RoutingEntry removed = entries.remove(i);
        byId.remove(removed.contact().id());
        if (removed.contact().id().equals(probe)) {
            probe = null;
        }
        if (!replacements.isEmpty()) {
            insertByLastSeen(replacements.remove(replacements.size() - 1));
        }
    }

    /**
     * Inserts a promoted replacement where its last-seen time puts it, so the entries stay ordered
     * least-recently seen first. With a monotonic clock this is nearly always the tail.
     */
    private void insertByLastSeen(RoutingEntry promoted) {
        int at = entries.size();
        while (at > 0 && entries.get(at - 1).lastSeenMillis() > promoted.lastSeenMillis()) {
            at--;
        }
        entries.add(at, promoted);
        byId.add(promoted.contact());
    }

    private static UpdateOutcome addressTaken(RoutingEntry old, Contact claimant) {
        return new UpdateOutcome.Ignored("id " + claimant.id().toShortString(16) + " is known at "
                + address(old.contact()) + ", which has not failed since last seen; ignoring "
                + address(claimant));
    }

    private static String address(Contact c) {
        return c.address().getAddress().getHostAddress() + ":" + c.address().getPort();
    }

    /**
     * The position of the entry with this id in {@link #entries}, or {@code -1}: the id index finds the
     * entry's contact without a scan (and answers at once for a stranger), then {@link #entryHolding}
     * finds its entry.
     */
    private int entryIndex(Key id) {
        int position = byId.positionOf(id);
        return position < 0 ? -1 : entryHolding(byId.contactAt(position));
    }

    /**
     * The position in {@link #entries} of the entry whose contact is this very object, which the id index
     * holds: a scan that reads one reference per entry rather than each entry's id.
     */
    private int entryHolding(Contact held) {
        for (int i = 0, n = entries.size(); i < n; i++) {
            if (entries.get(i).contact() == held) {
                return i;
            }
        }
        throw new IllegalStateException("the id index holds " + held + ", which no entry holds");
    }

    private static int indexOf(List<RoutingEntry> list, Key id) {
        for (int i = 0, n = list.size(); i < n; i++) {
            if (list.get(i).contact().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
