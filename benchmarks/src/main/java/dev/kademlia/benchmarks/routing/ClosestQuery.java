package dev.kademlia.benchmarks.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.List;

/** Answers FIND_NODE from a routing table: the {@code n} contacts closest to a target. */
@FunctionalInterface
public interface ClosestQuery {

    /**
     * Up to {@code n} contacts closest to {@code target} by XOR distance.
     *
     * @param target any key
     * @param n      how many contacts at most
     * @return the contacts, nearest first
     */
    List<Contact> closest(Key target, int n);
}
