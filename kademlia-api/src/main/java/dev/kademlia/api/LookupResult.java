package dev.kademlia.api;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link KademliaNode#lookupNodes}: the closest contacts to the target that answered,
 * nearest first, at most {@code k} of them.
 *
 * @param target  the key looked up
 * @param closest the closest live contacts, nearest first
 * @param stats   how the lookup went
 */
public record LookupResult(Key target, List<Contact> closest, LookupStats stats) {

    /** Copies the list and checks for nulls. */
    public LookupResult {
        Objects.requireNonNull(target, "target");
        closest = List.copyOf(closest);
        Objects.requireNonNull(stats, "stats");
    }
}
