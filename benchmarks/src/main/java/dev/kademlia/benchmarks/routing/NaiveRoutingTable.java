package dev.kademlia.benchmarks.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.benchmarks.key.ByteArrayKeys;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The naive reference for the routing-table update: the original Rust crate's table. Ids are 32-byte
 * arrays; 256 buckets are lists of entries, least-recently seen first; the bucket of a contact is found by
 * scanning the XOR distance bit by bit ({@link ByteArrayKeys#bucketIndex}), and the contact in its bucket
 * by comparing ids one entry after the other. A known contact moves to the tail; a newcomer to a bucket
 * with room is appended; a newcomer to a full bucket is dropped after the oldest entry's liveness check,
 * which here always finds it alive (the original sends a PING and waits for it under the table's lock; no
 * I/O is measured). There is no replacement cache.
 */
public final class NaiveRoutingTable {

    /** What {@link #seen} did. */
    public enum Outcome {

        /** A known contact moved to the tail. */
        UPDATED,

        /** A newcomer appended to a bucket with room. */
        ADDED,

        /** A newcomer to a full bucket, dropped because the oldest entry is alive. */
        DROPPED
    }

    /** One contact of a bucket. */
    private record Entry(byte[] id, InetSocketAddress address, long lastSeenMillis) {
    }

    private final byte[] localId;
    private final int k;
    private final List<List<Entry>> buckets = new ArrayList<>(Key.BITS);

    /**
     * Builds the table holding {@code contacts}, each bucket in the given order (least-recently seen
     * first), as {@link dev.kademlia.core.routing.RoutingTable#contacts()} lists them.
     *
     * @param localId  the local node's id
     * @param k        the bucket capacity
     * @param contacts the contacts, by ascending bucket index
     */
    public NaiveRoutingTable(Key localId, int k, List<Contact> contacts) {
        this.localId = ByteArrayKeys.of(localId);
        this.k = k;
        for (int i = 0; i < Key.BITS; i++) {
            buckets.add(new ArrayList<>());
        }
        for (Contact contact : contacts) {
            if (seen(ByteArrayKeys.of(contact.id()), contact.address(), 0) != Outcome.ADDED) {
                throw new IllegalArgumentException("more than k = " + k + " contacts in one bucket, or "
                        + contact + " twice");
            }
        }
    }

    /**
     * Records a message from a contact.
     *
     * @param id        the contact's id, 32 bytes
     * @param address   its address
     * @param nowMillis the time of the message
     * @return what was done
     */
    public Outcome seen(byte[] id, InetSocketAddress address, long nowMillis) {
        int index = ByteArrayKeys.bucketIndex(localId, id);
        if (index < 0) {
            throw new IllegalArgumentException("the local id is never inserted");
        }
        List<Entry> bucket = buckets.get(index);
        for (int i = 0; i < bucket.size(); i++) {
            if (Arrays.equals(bucket.get(i).id(), id)) {
                bucket.remove(i);
                bucket.add(new Entry(id, address, nowMillis));
                return Outcome.UPDATED;
            }
        }
        if (bucket.size() < k) {
            bucket.add(new Entry(id, address, nowMillis));
            return Outcome.ADDED;
        }
        return Outcome.DROPPED;
    }

    /**
     * The number of contacts in the table.
     *
     * @return the count
     */
    public int size() {
        return buckets.stream().mapToInt(List::size).sum();
    }
}
