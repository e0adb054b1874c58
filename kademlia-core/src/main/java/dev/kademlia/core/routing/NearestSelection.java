package dev.kademlia.core.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.List;

/**
 * Picks the {@code r} contacts of one k-bucket nearest to a target, nearest first, without sorting the
 * bucket: a quickselect over primitive keys, then a sort of the {@code r} picked.
 *
 * <p>All contacts of bucket {@code i} share the local id's bits above {@code i} and differ from it at bit
 * {@code i}, so their XOR distances to any target agree on every bit from {@code i} up. They are ordered by
 * the bits below {@code i}, whose highest 64-bit word is word {@code (256 - i) / 64} of the key: that
 * word's XOR with the target, compared unsigned, orders the contacts, and only equal words (one chance in
 * 2^64 for random ids) fall back to the full comparison.
 *
 * <p>Owned by one routing table and reused across calls (its scratch arrays grow to the largest bucket);
 * not thread-safe.
 */
final class NearestSelection {

    private long[] keys = new long[32];
    private Contact[] contacts = new Contact[32];

    /**
     * Appends to {@code out} the {@code r} entries of {@code entries} nearest to {@code target}, nearest
     * first.
     *
     * @param index the bucket's index, which fixes the word that orders its contacts
     */
    void appendNearest(List<RoutingEntry> entries, int index, Key target, int r, List<Contact> out) {
        int m = entries.size();
        if (keys.length < m) {
            keys = new long[Math.max(m, keys.length * 2)];
            contacts = new Contact[keys.length];
        }
        int word = Math.min(3, (Key.BITS - index) / 64);
        long t = target.word(word);
        for (int j = 0; j < m; j++) {
            Contact c = entries.get(j).contact();
            contacts[j] = c;
            keys[j] = (c.id().word(word) ^ t) ^ Long.MIN_VALUE; // unsigned order as signed order
        }
        int picked = Math.min(r, m);
        if (picked < m) {
            select(m, picked, target);
        }
        sort(picked, target);
        for (int j = 0; j < picked; j++) {
            out.add(contacts[j]);
            contacts[j] = null;
        }
        for (int j = picked; j < m; j++) {
            contacts[j] = null;
        }
    }

    /** Rearranges the first {@code m} slots so that the {@code r} nearest occupy the first {@code r}. */
    private void select(int m, int r, Key target) {
        int lo = 0;
        int hi = m - 1;
        while (lo < hi) {
            int p = partition(lo, hi, (lo + hi) >>> 1, target);
            if (p == r - 1 || p == r) {
                return;
            }
            if (p < r) {
                lo = p + 1;
            } else {
                hi = p - 1;
            }
        }
    }

    /** Lomuto partition around the slot {@code pivot}; returns the pivot's final position. */
    private int partition(int lo, int hi, int pivot, Key target) {
        swap(pivot, hi);
        int store = lo;
        for (int j = lo; j < hi; j++) {
            if (less(j, hi, target)) {
                swap(j, store++);
            }
        }
        swap(store, hi);
        return store;
    }

    /** Insertion sort of the first {@code n} slots: {@code n} is at most the number of contacts wanted. */
    private void sort(int n, Key target) {
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0 && less(j, j - 1, target); j--) {
                swap(j, j - 1);
            }
        }
    }

    private boolean less(int a, int b, Key target) {
        if (keys[a] != keys[b]) {
            return keys[a] < keys[b];
        }
        return target.compareDistance(contacts[a].id(), contacts[b].id()) < 0;
    }

    private void swap(int a, int b) {
        long k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        Contact c = contacts[a];
        contacts[a] = contacts[b];
        contacts[b] = c;
    }
}
