package dev.kademlia.api;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link KademliaNode#put}: the contacts that acknowledged the STORE. It may be shorter
 * than {@code k} when some of the closest nodes did not answer; it includes the local node's contact when
 * the local node is among the {@code k} closest and kept a copy.
 *
 * @param key      the key stored
 * @param storedAt the contacts holding the value now, nearest to the key first
 * @param lookup   the node lookup that found them
 */
public record PutResult(Key key, List<Contact> storedAt, LookupStats lookup) {

    /** Copies the list and checks for nulls. */
    public PutResult {
        Objects.requireNonNull(key, "key");
        storedAt = List.copyOf(storedAt);
        Objects.requireNonNull(lookup, "lookup");
    }
}
