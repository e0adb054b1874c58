package dev.kademlia.core.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kademlia routing table: 256 k-buckets, bucket {@code i} holding the contacts at XOR distance
 * {@code [2^i, 2^(i+1))} from the local id, each with a bounded replacement cache.
 *
 * <p>A pure data structure: it performs no I/O, never reads a clock (every time is an argument in the
 * caller's milliseconds), never calls back, and takes no locks. One thread (the node's event loop) owns
 * it; other threads read the immutable snapshots of {@link #buckets()} published by that thread.
 *
 * <p>The caller reports what it observes: {@link #seen} for every message received (request or
 * response), {@link #failed} for every RPC that timed out. When a full bucket needs a liveness check,
 * {@link #seen} returns {@link UpdateOutcome.Pending}, and the caller PINGs the contact it names and
 * reports the result the same way.
 */
public final class RoutingTable {

    /*
     * Implementation notes (Maymounkov & Mazières, "Kademlia: A Peer-to-peer Information System Based on
     * the XOR Metric", IPTPS 2002).
     *
     * Buckets. Section 2.2 keeps, for each 0 <= i < 160, a list of contacts at distance [2^i, 2^(i+1));
     * with 256-bit keys there are 256 such lists, and Key.bucketIndex gives i. Section 2.4 describes the
     * same table as a binary tree whose buckets split only when they cover the local id; with one fixed
     * list per distance range, the buckets the tree would never split are exactly our far buckets, and
     * the near ones simply stay empty. Buckets are created on first use.
     *
     * Order and eviction. Section 2.2: each bucket is ordered by time last seen, least-recently seen at
     * the head. A message from a known contact moves it to the tail. A new contact for a bucket with room
     * goes to the tail. For a full bucket the paper pings the head and keeps it if it answers, since
     * nodes that have been up long are likely to stay up; live contacts are never evicted. The table does
     * not ping: it returns Pending(head), remembers that a probe of this bucket is outstanding, and waits
     * for the caller to report seen(head) or failed(head). While one probe is outstanding, further
     * newcomers return Cached rather than starting more probes.
     *
     * Lazy probing. Section 4.1 also says that to reduce traffic a node delays probing until it has useful
     * messages to send, and BitTorrent's DHT (BEP 5) pings only contacts not heard from for 15 minutes:
     * a head seen recently is alive as far as anyone can tell, and probing it on every newcomer would make
     * liveness checks most of a busy node's traffic (in a simulated 10,000-node network, PINGs of fresh
     * heads were over half of all datagrams). So a full bucket probes its head only if the head has been
     * silent for probeAfterMillis; otherwise the newcomer is cached and waits for a slot. A dead head is
     * still found out: requests to it fail, and after maxFailures it leaves and the newest replacement
     * takes its slot. probeAfterMillis = 0 is the paper's eager rule.
     *
     * Replacement cache and stale contacts. Section 4.1: a newcomer that finds its bucket full is not
     * discarded but kept in a per-bucket replacement cache, most recently seen first in priority, which
     * refills the bucket when an entry is found stale. Because UDP loses packets, a contact is dropped
     * only after maxFailures consecutive failed RPCs (the count resets whenever it is seen), except the
     * contact under an eviction probe, which has just been singled out as least-recently seen and is
     * dropped on its first failure. Whenever an entry is removed, the newest replacement takes its slot;
     * so the cache is non-empty only while its bucket is full.
     *
     * Address changes. An id already in the table that arrives from another address replaces the old
     * address only if the old entry has failed since it was last seen; otherwise the first claim stands,
     * so that nobody can take over a live contact's slot by spoofing its id.
     *
     * closest(target, n). Section 2.3's FIND_NODE returns the k contacts of the table closest to the
     * target. The bucket structure orders them without sorting the table. Let x = local XOR target, and
     * let c be a contact in bucket i, so that c XOR local has its highest set bit at i. Then
     * c XOR target = (c XOR local) XOR x agrees with x on every bit above i and has bit i equal to
     * NOT x[i]; the bits below i vary. Hence:
     *   - if x[i] = 1, every contact of bucket i is closer to the target than local is (distance < x),
     *     and for two such buckets i > j, bucket i is entirely closer than bucket j (at bit i, bucket i
     *     has 0 while bucket j copies x[i] = 1);
     *   - if x[i] = 0, every contact of bucket i is farther than local (distance > x), and for two such
     *     buckets i > j, bucket j is entirely closer (at bit i, bucket j copies x[i] = 0, bucket i has 1).
     * So the buckets in the order "indices with x[i] = 1, descending; then indices with x[i] = 0,
     * ascending" are groups of strictly increasing distance, and only one bucket at a time is ever
     * ordered. Nor is that bucket sorted: each keeps its contacts sorted by id with the crit-bit tree of
     * those ids (ContactTrie), from which the contacts still wanted are read nearest first in about two
     * steps each. An occupancy bitmap lets the walk visit occupied buckets only, with bit scans of x. With
     * d = local.bucketIndex(target) (the highest set bit of x) this refines the coarser rule: bucket d
     * first, then all buckets below d, then the buckets above d in ascending order. The walk stops as soon
     * as n contacts are collected. For target == local, x = 0 and the buckets are walked upwards from 0.
     *
     * Refresh. Section 2.3: a node refreshes every bucket in whose range it has not performed a lookup
     * for an hour (one lookup of a random key in the bucket's range), and after joining it refreshes all
     * buckets farther than its closest neighbour. touch() records lookups; bucketsToRefresh() reports the
     * idle buckets from the lowest non-empty bucket up. A bucket never touched counts as touched at time
     * 0, so on a wall clock a new node sees all those buckets due at once, which is the join refresh.
     */

    private final Key localId;
    private final int k;
    private final int replacementCacheSize;
    private final int maxFailures;
    private final long probeAfterMillis;
    private final AddressDiversity diversity;
    /** Created on first use; {@code null} means empty. */
    private final KBucket[] buckets = new KBucket[Key.BITS];
    /** Which buckets hold entries: bit {@code i % 64} of word {@code 3 - i / 64} for bucket {@code i}. */
    private final long[] occupied = new long[4];
    /** Scratch for {@link ContactTrie#appendNearest}: the subtrees still to visit. */
    private final long[] pending = new long[Key.BITS];
    /** When a lookup last targeted each bucket's range; 0 if never. */
    private final long[] lastTouchedMillis = new long[Key.BITS];
    private int size;

    /**
     * Creates an empty table.
     *
     * @param localId              the id of the local node; it is never inserted
     * @param k                    the bucket capacity (the paper's {@code k}, usually 20), {@code >= 1}
     * @param replacementCacheSize how many waiting contacts each bucket keeps for when a slot frees
     *                             (usually {@code k}), {@code >= 1}; when full, the least recently seen is
     *                             dropped
     * @param maxFailures          consecutive failed RPCs after which a contact is removed (usually 2),
     *                             {@code >= 1}
     * @throws IllegalArgumentException if a size is out of range
     */
    public RoutingTable(Key localId, int k, int replacementCacheSize, int maxFailures) {
        this(localId, k, replacementCacheSize, maxFailures, AddressDiversity.UNLIMITED);
    }

    /**
     * Creates an empty routing table that limits how many contacts of a bucket share an address or subnet.
     *
     * @param localId              the id of the local node, never inserted
     * @param k                    the bucket capacity, {@code >= 1}
     * @param replacementCacheSize waiting contacts per bucket, {@code >= 1}
     * @param maxFailures          consecutive failed RPCs after which a contact is removed, {@code >= 1}
     * @param diversity            the address limits per bucket
     * @throws IllegalArgumentException if a size is out of range
     */
    public RoutingTable(Key localId, int k, int replacementCacheSize, int maxFailures, AddressDiversity diversity) {
        this(localId, k, replacementCacheSize, maxFailures, diversity, 0);
    }

    /**
     * Creates an empty routing table with address limits that probes the least-recently seen contact of a
     * full bucket only when that contact has been silent for {@code probeAfterMillis}.
     *
     * @param localId              the id of the local node, never inserted
     * @param k                    the bucket capacity, {@code >= 1}
     * @param replacementCacheSize waiting contacts per bucket, {@code >= 1}
     * @param maxFailures          consecutive failed RPCs after which a contact is removed, {@code >= 1}
     * @param diversity            the address limits per bucket
     * @param probeAfterMillis     how long the least-recently seen contact of a full bucket must have been
     *                             silent before a newcomer starts a probe of it, {@code >= 0}; {@code 0}
     *                             probes on every newcomer, as the paper's basic rule does
     * @throws IllegalArgumentException if a size is out of range or {@code probeAfterMillis} is negative
     */
    public RoutingTable(Key localId, int k, int replacementCacheSize, int maxFailures, AddressDiversity diversity,
            long probeAfterMillis) {
        this.diversity = Objects.requireNonNull(diversity, "diversity");
        this.localId = Objects.requireNonNull(localId, "localId");
        if (k < 1) {
            throw new IllegalArgumentException("k (the bucket capacity) must be at least 1; got " + k);
        }
        if (replacementCacheSize < 1) {
            throw new IllegalArgumentException(
                    "replacementCacheSize must be at least 1 (newcomers to a full bucket wait there); got "
                            + replacementCacheSize);
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException(
                    "maxFailures (consecutive failed RPCs before a contact is dropped) must be at least 1; got "
                            + maxFailures);
        }
        if (probeAfterMillis < 0) {
            throw new IllegalArgumentException("probeAfterMillis must be >= 0; got " + probeAfterMillis);
        }
        this.k = k;
        this.replacementCacheSize = replacementCacheSize;
        this.maxFailures = maxFailures;
        this.probeAfterMillis = probeAfterMillis;
    }

    /**
     * The id of the local node.
     *
     * @return the local id
     */
    public Key localId() {
        return localId;
    }

    /**
     * The bucket capacity.
     *
     * @return {@code k}
     */
    public int k() {
        return k;
    }

    /**
     * The capacity of each bucket's replacement cache.
     *
     * @return the replacement cache size given at construction
     */
    public int replacementCacheSize() {
        return replacementCacheSize;
    }

    /**
     * The number of consecutive failed RPCs after which a contact is removed.
     *
     * @return the limit given at construction
     */
    public int maxFailures() {
        return maxFailures;
    }

    /**
     * How long the least-recently seen contact of a full bucket must have been silent before a newcomer
     * starts a probe of it.
     *
     * @return milliseconds, {@code 0} for a probe on every newcomer
     */
    public long probeAfterMillis() {
        return probeAfterMillis;
    }

    /**
     * Records that a message (request or response) was received from {@code contact}.
     *
     * <ul>
     *   <li>The local id is never inserted: {@link UpdateOutcome.Ignored}.</li>
     *   <li>A contact already in its bucket moves to the most-recently-seen end with its failures reset:
     *       {@link UpdateOutcome.Updated}. If it was under an eviction probe, the probe is answered and
     *       ends. If it arrives from a new address, the new address replaces the old only if the entry has
     *       failed since it was last seen; otherwise {@link UpdateOutcome.Ignored}.</li>
     *   <li>A new contact whose bucket has room goes to its tail: {@link UpdateOutcome.Added}.</li>
     *   <li>A new contact whose bucket is full goes to the bucket's replacement cache (dropping the
     *       cache's least recently seen if the cache is full; a contact already there is refreshed
     *       instead). If no probe of that bucket is outstanding and the bucket's least-recently seen
     *       contact has been silent for at least the table's {@code probeAfterMillis}, a probe starts:
     *       {@link UpdateOutcome.Pending} names the contact to PING; otherwise
     *       {@link UpdateOutcome.Cached}.</li>
     * </ul>
     *
     * @param contact   the sender
     * @param nowMillis the current time in the caller's milliseconds
     * @return what was done
     */
    public UpdateOutcome seen(Contact contact, long nowMillis) {
        Objects.requireNonNull(contact, "contact");
        int index = localId.bucketIndex(contact.id());
        if (index < 0) {
            return new UpdateOutcome.Ignored("own id " + localId.toShortString(16) + " is never inserted");
        }
        KBucket bucket = buckets[index];
        if (bucket == null) {
            bucket = new KBucket(index, k, replacementCacheSize, probeAfterMillis);
            buckets[index] = bucket;
        }
        if (diversity.limits(contact.address().getAddress()) && bucket.entry(contact.id()) == null
                && !bucket.isCached(contact.id())) {
            String refusal = diversity.refusal(bucket.contactsAndReplacements(), contact);
            if (refusal != null) {
                return new UpdateOutcome.Ignored(refusal);
            }
        }
        int before = bucket.size();
        UpdateOutcome outcome = bucket.seen(contact, nowMillis);
        size += bucket.size() - before;
        markOccupancy(index, bucket);
        return outcome;
    }

    /**
     * Records that an RPC to {@code id} failed (timed out). The entry's failure count grows by one; the
     * entry is removed when the count reaches {@code maxFailures}, or at once if it is under an eviction
     * probe (see {@link UpdateOutcome.Pending}). A removed entry's slot goes to the most recently seen
     * contact of the bucket's replacement cache, if any. An id that is only in a replacement cache is
     * dropped from it (the method then returns {@code false}: no bucket entry was removed).
     *
     * @param id        the contact whose RPC failed
     * @param nowMillis the current time in the caller's milliseconds; failures are counted, not timed, so
     *                  the present rules do not depend on it
     * @return {@code true} if the contact was removed from its bucket
     */
    public boolean failed(Key id, long nowMillis) {
        Objects.requireNonNull(id, "id");
        KBucket bucket = bucketOf(id);
        if (bucket == null) {
            return false;
        }
        int before = bucket.size();
        boolean removed = bucket.failed(id, maxFailures);
        size += bucket.size() - before;
        markOccupancy(localId.bucketIndex(id), bucket);
        return removed;
    }

    /**
     * Removes a contact outright, from its bucket or its bucket's replacement cache. A slot freed in the
     * bucket goes to the most recently seen replacement, if any; a probe of the removed contact ends.
     *
     * @param id the contact to remove
     * @return {@code true} if it was in the bucket or the replacement cache
     */
    public boolean remove(Key id) {
        Objects.requireNonNull(id, "id");
        KBucket bucket = bucketOf(id);
        if (bucket == null) {
            return false;
        }
        int before = bucket.size();
        boolean removed = bucket.remove(id);
        size += bucket.size() - before;
        markOccupancy(localId.bucketIndex(id), bucket);
        return removed;
    }

    /**
     * Up to {@code n} contacts of the buckets closest to {@code target} by XOR distance, nearest first.
     * Walks the buckets in distance order and reads each bucket's nearest contacts off a tree of its ids
     * kept up to date by every update; it sorts neither the table nor a bucket. Replacement caches are
     * not consulted.
     *
     * @param target any key, including the local id or the id of a contact in the table
     * @param n      how many contacts at most, {@code >= 0}
     * @return a new unmodifiable list of {@code min(n, size())} contacts, nearest first
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public List<Contact> closest(Key target, int n) {
        Objects.requireNonNull(target, "target");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0; got " + n);
        }
        int want = Math.min(n, size);
        if (want == 0) {
            return List.of();
        }
        Contact[] out = new Contact[want];
        int count = 0;
        // Buckets where local and target differ at bit i: nearer than local is, nearest at the top.
        // Buckets where they agree at bit i: farther than local is, nearest at the bottom. Only occupied
        // buckets are visited, found with a bit scan of the occupancy map.
        for (int w = 0; w < 4 && count < want; w++) {
            long differing = (localId.word(w) ^ target.word(w)) & occupied[w];
            while (differing != 0 && count < want) {
                int bit = 63 - Long.numberOfLeadingZeros(differing);
                differing &= ~(1L << bit);
                count = buckets[(3 - w) * 64 + bit].appendNearest(target, want - count, out, count, pending);
            }
        }
        for (int w = 3; w >= 0 && count < want; w--) {
            long agreeing = ~(localId.word(w) ^ target.word(w)) & occupied[w];
            while (agreeing != 0 && count < want) {
                int bit = Long.numberOfTrailingZeros(agreeing);
                agreeing &= agreeing - 1;
                count = buckets[(3 - w) * 64 + bit].appendNearest(target, want - count, out, count, pending);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    /**
     * Whether {@code id} is in a bucket (replacement caches are not counted).
     *
     * @param id a key
     * @return {@code true} if a bucket holds a contact with this id
     */
    public boolean contains(Key id) {
        return entry(id).isPresent();
    }

    /**
     * Whether {@code id} waits in a bucket's replacement cache.
     *
     * @param id a key
     * @return {@code true} if a replacement cache holds a contact with this id
     */
    public boolean isCached(Key id) {
        Objects.requireNonNull(id, "id");
        KBucket bucket = bucketOf(id);
        return bucket != null && bucket.isCached(id);
    }

    /**
     * The bucket entry for {@code id} (replacement caches are not searched).
     *
     * @param id a key
     * @return the entry, or empty if no bucket holds this id
     */
    public Optional<RoutingEntry> entry(Key id) {
        Objects.requireNonNull(id, "id");
        KBucket bucket = bucketOf(id);
        return bucket == null ? Optional.empty() : Optional.ofNullable(bucket.entry(id));
    }

    /**
     * The number of contacts in the buckets, not counting replacement caches.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * Every contact in the buckets, by ascending bucket index, each bucket least-recently seen first.
     *
     * @return a new unmodifiable list
     */
    public List<Contact> contacts() {
        return entries().stream().map(RoutingEntry::contact).toList();
    }

    /**
     * Every entry in the buckets, by ascending bucket index, each bucket least-recently seen first.
     *
     * @return a new unmodifiable list
     */
    public List<RoutingEntry> entries() {
        List<RoutingEntry> out = new ArrayList<>(size);
        for (KBucket bucket : buckets) {
            if (bucket != null) {
                bucket.addEntriesTo(out);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * An immutable snapshot of every bucket that holds entries or replacements, by ascending index.
     * Safe to hand to other threads.
     *
     * @return the non-empty buckets
     */
    public List<BucketView> buckets() {
        List<BucketView> out = new ArrayList<>();
        for (int i = 0; i < Key.BITS; i++) {
            KBucket bucket = buckets[i];
            if (bucket != null && !bucket.isEmpty()) {
                out.add(bucket.view(i));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Records that a lookup targeted {@code target} at {@code nowMillis}, which refreshes the bucket
     * whose range holds {@code target}. A lookup of the local id itself touches no bucket.
     *
     * @param target    the key looked up
     * @param nowMillis the current time in the caller's milliseconds
     */
    public void touch(Key target, long nowMillis) {
        Objects.requireNonNull(target, "target");
        int index = localId.bucketIndex(target);
        if (index >= 0) {
            lastTouchedMillis[index] = Math.max(lastTouchedMillis[index], nowMillis);
        }
    }

    /**
     * The indices of the buckets due for a refresh: those last {@link #touch touched} more than
     * {@code idleMillis} before {@code nowMillis} (a bucket never touched counts as touched at 0), from
     * the lowest index of a non-empty bucket upwards. Buckets below it are empty by nature: they are
     * nearer to us than our closest neighbour. An empty table has nothing to refresh.
     *
     * @param nowMillis  the current time in the caller's milliseconds
     * @param idleMillis how long a bucket may go without a lookup (the paper: an hour), {@code >= 0}
     * @return the indices, ascending
     * @throws IllegalArgumentException if {@code idleMillis} is negative
     */
    public List<Integer> bucketsToRefresh(long nowMillis, long idleMillis) {
        if (idleMillis < 0) {
            throw new IllegalArgumentException("idleMillis must be >= 0; got " + idleMillis);
        }
        int lowest = 0;
        while (lowest < Key.BITS && (buckets[lowest] == null || buckets[lowest].size() == 0)) {
            lowest++;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = lowest; i < Key.BITS; i++) {
            if (nowMillis - lastTouchedMillis[i] > idleMillis) {
                out.add(i);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private void markOccupancy(int index, KBucket bucket) {
        long bit = 1L << (index % 64);
        if (bucket.size() > 0) {
            occupied[3 - index / 64] |= bit;
        } else {
            occupied[3 - index / 64] &= ~bit;
        }
    }

    private KBucket bucketOf(Key id) {
        int index = localId.bucketIndex(id);
        return index < 0 ? null : buckets[index];
    }

    @Override
    public String toString() {
        return "RoutingTable[" + localId.toShortString(16) + ", " + size + " contacts, k=" + k + "]";
    }
}
