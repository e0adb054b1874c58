package dev.kademlia.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.core.routing.RoutingEntry;
import dev.kademlia.core.routing.RoutingTable;
import dev.kademlia.core.store.InMemoryStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a node saves in its store's metadata to rejoin after a restart. */
class NodeStateTest {

    private static Contact contact(Key id, int n) {
        byte[] ip = {10, 1, (byte) (n >>> 8), (byte) n};
        try {
            return new Contact(id, new InetSocketAddress(InetAddress.getByAddress(ip), 4000));
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4-byte address is always valid", e);
        }
    }

    @Test
    void savesTheNearestHalfThenTheMostRecentlySeenOfTheRest() {
        SplittableRandom random = new SplittableRandom(8);
        Key local = Key.random(random);
        RoutingTable routing = new RoutingTable(local, 20, 20, 2);
        for (int n = 1; n <= 300; n++) {
            // Seen at scrambled times, so that recency is not the order of insertion.
            routing.seen(contact(Key.random(random), n), random.nextLong(1_000_000));
        }
        InMemoryStore store = new InMemoryStore(1_000);

        NodeState.saveContacts(store, routing);
        List<Contact> saved = NodeState.savedContacts(store);

        assertEquals(NodeState.SAVED_CONTACTS, saved.size());
        assertEquals(NodeState.SAVED_CONTACTS, new HashSet<>(saved).size(), "no contact saved twice");
        List<Contact> nearest = routing.closest(local, NodeState.SAVED_CONTACTS / 2);
        assertEquals(nearest, saved.subList(0, nearest.size()));
        List<Contact> mostRecent = routing.entries().stream()
                .filter(e -> !nearest.contains(e.contact()))
                .sorted(Comparator.comparingLong(RoutingEntry::lastSeenMillis).reversed())
                .limit(NodeState.SAVED_CONTACTS - nearest.size())
                .map(RoutingEntry::contact)
                .collect(Collectors.toList());
        assertEquals(mostRecent, saved.subList(nearest.size(), saved.size()));
    }

    @Test
    void aSmallTableIsSavedWhole() {
        SplittableRandom random = new SplittableRandom(9);
        RoutingTable routing = new RoutingTable(Key.random(random), 20, 20, 2);
        for (int n = 1; n <= 5; n++) {
            routing.seen(contact(Key.random(random), n), n);
        }
        InMemoryStore store = new InMemoryStore(1_000);
        NodeState.saveContacts(store, routing);
        assertEquals(new HashSet<>(routing.contacts()), new HashSet<>(NodeState.savedContacts(store)));
    }

    @Test
    void theIdRoundTripsAndUnreadableMetadataReadsAsNothing() {
        InMemoryStore store = new InMemoryStore(1_000);
        assertEquals(Optional.empty(), NodeState.savedId(store));
        assertTrue(NodeState.savedContacts(store).isEmpty());
        Key id = Key.sha256("node");
        NodeState.saveId(store, id);
        assertEquals(Optional.of(id), NodeState.savedId(store));

        store.putMetadata(NodeState.NODE_ID, new byte[] {1, 2, 3});
        store.putMetadata(NodeState.CONTACTS, new byte[] {9, 9, 9});
        assertEquals(Optional.empty(), NodeState.savedId(store), "an id of the wrong length is ignored");
        assertTrue(NodeState.savedContacts(store).isEmpty(), "a corrupt contact list is ignored");
    }
}
