package dev.kademlia.benchmarks.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.core.routing.BucketView;
import dev.kademlia.core.routing.RoutingEntry;
import dev.kademlia.core.routing.RoutingTable;
import java.util.Arrays;
import java.util.List;

/**
 * A candidate for {@link RoutingTable#closest}, measured beside it: the same walk over the buckets in
 * distance order, but each bucket contributes through a bounded selection instead of a sort. The first
 * {@code n} places of the answer are kept sorted; a contact of the bucket farther than the last kept one
 * is rejected with one comparison, and a closer one is placed by binary search. For a bucket of
 * {@code k} contacts in random order of which {@code m} are wanted this costs about
 * {@code k + m (1 + ln(k / m)) log2(m)} comparisons instead of the {@code k log2(k)} of sorting the
 * bucket, which matters when {@code k} is much larger than {@code n}.
 *
 * <p>It works on arrays of the buckets' contacts copied from {@link RoutingTable#buckets()} when it is
 * built, so it answers for the table as it was then; the table's own buckets hold {@code RoutingEntry}
 * objects, one more indirection per contact.
 */
public final class BucketSelectClosest {

    private final Key localId;
    private final Contact[][] buckets = new Contact[Key.BITS][];

    /**
     * Copies the contacts of every bucket of {@code table}.
     *
     * @param table the table
     */
    public BucketSelectClosest(RoutingTable table) {
        this.localId = table.localId();
        for (BucketView bucket : table.buckets()) {
            buckets[bucket.index()] = bucket.entries().stream().map(RoutingEntry::contact).toArray(Contact[]::new);
        }
    }

    /**
     * Up to {@code n} contacts, nearest to {@code target} first.
     *
     * @param target any key
     * @param n      how many contacts at most, {@code >= 0}
     * @return a new unmodifiable list
     */
    public List<Contact> closest(Key target, int n) {
        Contact[] out = new Contact[n];
        int size = 0;
        // Buckets where local and target differ at bit i are nearer than local, nearest at the top; the
        // others are farther, nearest at the bottom (see RoutingTable's implementation notes).
        for (int i = Key.BITS - 1; i >= 0 && size < n; i--) {
            if (localId.testBit(i) != target.testBit(i)) {
                size = select(buckets[i], target, out, size);
            }
        }
        for (int i = 0; i < Key.BITS && size < n; i++) {
            if (localId.testBit(i) == target.testBit(i)) {
                size = select(buckets[i], target, out, size);
            }
        }
        return List.of(size == n ? out : Arrays.copyOf(out, size));
    }

    /**
     * Adds the nearest contacts of {@code bucket} to {@code out[start..]}, keeping that part sorted; every
     * contact of the bucket is farther than those before {@code start}.
     */
    private static int select(Contact[] bucket, Key target, Contact[] out, int start) {
        if (bucket == null) {
            return start;
        }
        int n = out.length;
        int size = start;
        for (Contact c : bucket) {
            if (size == n && target.compareDistance(c.id(), out[n - 1].id()) >= 0) {
                continue;
            }
            int low = start;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (target.compareDistance(out[mid].id(), c.id()) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            int end = size == n ? n - 1 : size;
            System.arraycopy(out, low, out, low + 1, end - low);
            out[low] = c;
            if (size < n) {
                size++;
            }
        }
        return size;
    }
}
