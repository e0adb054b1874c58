package dev.kademlia.benchmarks.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.Arrays;
import java.util.List;

/**
 * The naive reference for {@code closest(target, n)}: sort every contact of the table by distance to the
 * target and take the first {@code n}, as the original Rust crate's {@code get_closest_nodes} does. It
 * uses our allocation-free {@link Key#compareDistance}, so against
 * {@link dev.kademlia.core.routing.RoutingTable#closest} it measures the algorithm (sort everything, or
 * walk the buckets in distance order and sort one), not the key arithmetic.
 */
public final class SortAllClosest {

    private final Contact[] contacts;

    /**
     * Keeps a copy of the contacts.
     *
     * @param contacts the contacts of the table
     */
    public SortAllClosest(List<Contact> contacts) {
        this.contacts = contacts.toArray(new Contact[0]);
    }

    /**
     * Up to {@code n} contacts, nearest to {@code target} first.
     *
     * @param target any key
     * @param n      how many contacts at most
     * @return a new unmodifiable list
     */
    public List<Contact> closest(Key target, int n) {
        Contact[] sorted = contacts.clone();
        Arrays.sort(sorted, (a, b) -> target.compareDistance(a.id(), b.id()));
        return List.of(Arrays.copyOf(sorted, Math.min(n, sorted.length)));
    }
}
