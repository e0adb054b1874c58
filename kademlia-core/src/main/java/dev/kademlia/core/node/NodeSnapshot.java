package dev.kademlia.core.node;

import dev.kademlia.api.Contact;
import dev.kademlia.core.routing.BucketView;
import java.util.List;
import java.util.Objects;

/**
 * A consistent, immutable picture of one node's state, taken on its event loop: what state dumps print.
 *
 * @param self          the node's contact
 * @param takenAtMillis when, on the node's clock
 * @param buckets       every non-empty k-bucket with its replacement cache, ascending index
 * @param storedKeys    the unexpired stored entries (keys and sizes, not values), ascending key
 * @param stats         the node's counters
 */
public record NodeSnapshot(Contact self, long takenAtMillis, List<BucketView> buckets, List<StoredKey> storedKeys,
        NodeStats stats) {

    /** Copies the lists and checks for nulls. */
    public NodeSnapshot {
        Objects.requireNonNull(self, "self");
        buckets = List.copyOf(buckets);
        storedKeys = List.copyOf(storedKeys);
        Objects.requireNonNull(stats, "stats");
    }
}
