package dev.kademlia.core.routing;

import dev.kademlia.api.Contact;
import java.util.Objects;

/**
 * What {@link RoutingTable#seen} did with a contact. Only {@link Pending} asks the caller to act: it
 * must PING the probe and report the answer ({@link RoutingTable#seen}) or the timeout
 * ({@link RoutingTable#failed}).
 */
public sealed interface UpdateOutcome {

    /** The shared {@link Added} instance. */
    UpdateOutcome ADDED = new Added();

    /** The shared {@link Updated} instance. */
    UpdateOutcome UPDATED = new Updated();

    /** The shared {@link Cached} instance. */
    UpdateOutcome CACHED = new Cached();

    /** The contact was new and its bucket had room: it now sits at the most-recently-seen end. */
    record Added() implements UpdateOutcome {
    }

    /**
     * The contact was already in its bucket: it moved to the most-recently-seen end, its last-seen time
     * was updated and its failure count reset to zero.
     */
    record Updated() implements UpdateOutcome {
    }

    /**
     * The contact's bucket is full: the contact went to the bucket's replacement cache, and the caller
     * must PING {@code probe}, the bucket's least-recently-seen entry (Kademlia paper, section 2.2). If
     * the probe answers, report it with {@link RoutingTable#seen}: the probe moves to the tail and the
     * newcomer stays in the cache. If it times out, report {@link RoutingTable#failed}: the probe is
     * removed on that first failure and the most recently seen replacement takes its slot.
     *
     * @param probe the contact to PING
     */
    record Pending(Contact probe) implements UpdateOutcome {

        /** Checks the probe is present. */
        public Pending {
            Objects.requireNonNull(probe, "probe");
        }
    }

    /**
     * The contact's bucket is full and a probe of that bucket is already outstanding: the contact is
     * kept in the replacement cache only, and nothing needs to be sent.
     */
    record Cached() implements UpdateOutcome {
    }

    /**
     * The contact was not recorded: it is the local node, or its id is already known at another address
     * whose entry has not failed since it was last seen (the first claim to an id wins while it answers).
     *
     * @param reason why, for logs
     */
    record Ignored(String reason) implements UpdateOutcome {

        /** Checks the reason is present. */
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
