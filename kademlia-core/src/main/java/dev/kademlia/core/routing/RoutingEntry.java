package dev.kademlia.core.routing;

import dev.kademlia.api.Contact;
import java.util.Objects;

/**
 * What the routing table knows about one contact: the contact itself, when a message was last received
 * from it, and how many RPCs to it have failed since then.
 *
 * @param contact        the contact
 * @param lastSeenMillis when a request or response from the contact was last received, in the
 *                       caller's milliseconds (the table never reads a clock)
 * @param failures       consecutive failed RPCs since the contact was last seen, {@code >= 0}
 */
public record RoutingEntry(Contact contact, long lastSeenMillis, int failures) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if {@code failures} is negative
     */
    public RoutingEntry {
        Objects.requireNonNull(contact, "contact");
        if (failures < 0) {
            throw new IllegalArgumentException("failures must be >= 0; got " + failures);
        }
    }
}
