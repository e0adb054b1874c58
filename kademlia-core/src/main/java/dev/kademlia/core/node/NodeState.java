package dev.kademlia.core.node;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.TransportOptions;
import dev.kademlia.core.protocol.DecodeResult;
import dev.kademlia.core.protocol.Envelope;
import dev.kademlia.core.protocol.MessageCodec;
import dev.kademlia.core.protocol.Nodes;
import dev.kademlia.core.routing.RoutingEntry;
import dev.kademlia.core.routing.RoutingTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a node keeps in its store's metadata so that, restarted on a persistent store, it keeps its identity
 * and rejoins without a bootstrap contact: its id ({@value #NODE_ID}, 32 bytes) and some of its contacts
 * ({@value #CONTACTS}, a NODES message of the wire format, so no second contact encoding exists).
 */
public final class NodeState {

    /** Metadata name of the node id. */
    public static final String NODE_ID = "node-id";

    /** Metadata name of the saved contacts. */
    public static final String CONTACTS = "routing-contacts";

    /** How many contacts are saved: the wire format's per-message bound. */
    static final int SAVED_CONTACTS = MessageCodec.MAX_CONTACTS;

    private static final MessageCodec CODEC = new MessageCodec(TransportOptions.MAX_MAX_DATAGRAM_BYTES);

    private NodeState() {
    }

    /**
     * The id a store remembers.
     *
     * @param store a store
     * @return the saved id, or empty if none (or unreadable)
     */
    public static Optional<Key> savedId(Store store) {
        return store.metadata(NODE_ID).filter(bytes -> bytes.length == Key.BYTES).map(Key::of);
    }

    static void saveId(Store store, Key id) {
        store.putMetadata(NODE_ID, id.toBytes());
    }

    /**
     * The contacts a store remembers, for rejoining.
     *
     * @param store a store
     * @return the saved contacts (empty if none or unreadable)
     */
    public static List<Contact> savedContacts(Store store) {
        return store.metadata(CONTACTS)
                .map(CODEC::decode)
                .filter(DecodeResult.Decoded.class::isInstance)
                .map(decoded -> ((DecodeResult.Decoded) decoded).envelope().payload())
                .filter(Nodes.class::isInstance)
                .map(nodes -> ((Nodes) nodes).contacts())
                .orElse(List.of());
    }

    /**
     * Saves the contacts most useful for rejoining: half the closest to the node (its neighbourhood, where
     * its own lookup goes first), half the most recently seen of the other buckets (in case the whole
     * neighbourhood left).
     */
    static void saveContacts(Store store, RoutingTable routing) {
        Set<Contact> chosen = new LinkedHashSet<>(routing.closest(routing.localId(), SAVED_CONTACTS / 2));
        List<RoutingEntry> others = new ArrayList<>(routing.entries());
        others.sort(Comparator.comparingLong(RoutingEntry::lastSeenMillis).reversed());
        for (int i = 0; i < others.size() && chosen.size() < SAVED_CONTACTS; i++) {
            chosen.add(others.get(i).contact());
        }
        if (!chosen.isEmpty()) {
            store.putMetadata(CONTACTS, CODEC.encode(new Envelope(0, routing.localId(), false,
                    new Nodes(List.copyOf(chosen), new byte[0]))));
        }
    }
}
