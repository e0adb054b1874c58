package dev.kademlia.dump;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.spi.StoredValue;
import dev.kademlia.core.node.NodeSnapshot;
import dev.kademlia.core.node.NodeStats;
import dev.kademlia.core.node.Rpc;
import dev.kademlia.core.routing.BucketView;
import dev.kademlia.core.routing.RoutingEntry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One node's state at one moment: its contact, every non-empty k-bucket with its contacts and replacement
 * cache, the keys it stores (sizes and expiry, not values) and its counters. Times are milliseconds on the
 * node's clock (wall-clock epoch millis for a real node, virtual time in a simulation).
 *
 * <pre>{@code
 * NodeDump dump = NodeDump.capture(node).join();
 * String json = JsonDumps.write(dump);
 * byte[] svg = Renderer.svg(PlantUml.node(dump));
 * }</pre>
 *
 * @param format        the JSON shape's version, {@link Dump#FORMAT}
 * @param self          the node
 * @param takenAtMillis when the state was read
 * @param buckets       the non-empty k-buckets, ascending index
 * @param storedKeys    the unexpired stored entries, ascending key
 * @param counters      RPCs and datagram counters since the node started
 */
public record NodeDump(int format, Peer self, long takenAtMillis, List<Bucket> buckets, List<StoredKey> storedKeys,
        Counters counters) implements Dump {

    /** Checks for nulls and copies the lists. */
    public NodeDump {
        Objects.requireNonNull(self, "self");
        buckets = List.copyOf(buckets);
        storedKeys = List.copyOf(storedKeys);
        Objects.requireNonNull(counters, "counters");
    }

    /**
     * Reads a node's state on its event loop and turns it into a dump.
     *
     * @param node a node built by {@code dev.kademlia.core.Kademlia}
     * @return the dump, when the node's event loop has taken it
     * @throws IllegalArgumentException if the node was not built by {@code Kademlia.builder()}
     */
    public static CompletableFuture<NodeDump> capture(KademliaNode node) {
        return Nodes.engine(node).snapshot().thenApply(NodeDump::of);
    }

    static NodeDump of(NodeSnapshot snapshot) {
        Key self = snapshot.self().id();
        List<Bucket> buckets = snapshot.buckets().stream().map(b -> Bucket.of(self, b)).collect(Collectors.toList());
        List<StoredKey> keys = snapshot.storedKeys().stream()
                .map(k -> new StoredKey(k.key().toString(), Hex.distance(self, k.key()), k.valueBytes(),
                        k.expiresAtMillis() == StoredValue.NEVER ? null : k.expiresAtMillis(),
                        k.republishedAtMillis(), k.originalPublisher()))
                .collect(Collectors.toList());
        return new NodeDump(FORMAT, Peer.of(snapshot.self()), snapshot.takenAtMillis(), buckets, keys,
                Counters.of(snapshot.stats()));
    }

    /**
     * How many contacts the routing table holds, replacement caches excluded.
     *
     * @return the number of contacts
     */
    public int contactCount() {
        return buckets.stream().mapToInt(b -> b.contacts().size()).sum();
    }

    /**
     * One non-empty k-bucket.
     *
     * @param index        the bucket index in {@code [0, 255]}: its contacts are at XOR distance
     *                     {@code [2^index, 2^(index+1))} from the node
     * @param contacts     the bucket's contacts, least-recently seen first
     * @param replacements the replacement cache, least-recently seen first; the last is promoted first
     */
    public record Bucket(int index, List<Entry> contacts, List<Entry> replacements) {

        /**
         * Checks the index and copies the lists.
         *
         * @throws IllegalArgumentException if {@code index} is not in {@code [0, 255]}
         */
        public Bucket {
            if (index < 0 || index >= Key.BITS) {
                throw new IllegalArgumentException("bucket index must be in [0, 255]; got " + index);
            }
            contacts = List.copyOf(contacts);
            replacements = List.copyOf(replacements);
        }

        static Bucket of(Key self, BucketView view) {
            return new Bucket(view.index(),
                    view.entries().stream().map(e -> Entry.of(self, e)).collect(Collectors.toList()),
                    view.replacements().stream().map(e -> Entry.of(self, e)).collect(Collectors.toList()));
        }
    }

    /**
     * A contact of the routing table.
     *
     * @param id             the contact's id, 64 hex digits
     * @param host           its numeric IP address
     * @param port           its UDP port
     * @param distance       its XOR distance from the node, 64 hex digits
     * @param lastSeenMillis when a message from it was last received
     * @param failedRpcs     RPCs to it that failed since it was last seen
     */
    public record Entry(String id, String host, int port, String distance, long lastSeenMillis, int failedRpcs) {

        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException if an id or distance is not 64 hex digits, or a count is negative
         */
        public Entry {
            Hex.checkKey(id, "contact id");
            Objects.requireNonNull(host, "host");
            Hex.checkPort(port);
            Hex.checkKey(distance, "distance");
            if (failedRpcs < 0) {
                throw new IllegalArgumentException("failedRpcs must be >= 0; got " + failedRpcs);
            }
        }

        static Entry of(Key self, RoutingEntry entry) {
            Peer peer = Peer.of(entry.contact());
            return new Entry(peer.id(), peer.host(), peer.port(), Hex.distance(self, entry.contact().id()),
                    entry.lastSeenMillis(), entry.failures());
        }

        /**
         * The contact as a peer.
         *
         * @return its id and address
         */
        public Peer peer() {
            return new Peer(id, host, port);
        }
    }

    /**
     * A stored entry, without its value.
     *
     * @param key                 the key, 64 hex digits
     * @param distance            its XOR distance from the node, 64 hex digits
     * @param valueBytes          the value's size
     * @param expiresAtMillis     when it expires, or {@code null} if it never does
     * @param republishedAtMillis when it was last stored or republished
     * @param originalPublisher   whether this node published it (and so republishes it)
     */
    public record StoredKey(String key, String distance, int valueBytes, Long expiresAtMillis,
            long republishedAtMillis, boolean originalPublisher) {

        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException if the key or distance is not 64 hex digits, or the size is negative
         */
        public StoredKey {
            Hex.checkKey(key, "stored key");
            Hex.checkKey(distance, "distance");
            if (valueBytes < 0) {
                throw new IllegalArgumentException("valueBytes must be >= 0; got " + valueBytes);
            }
        }
    }

    /**
     * The node's counters.
     *
     * @param sent             requests sent, by RPC
     * @param received         requests received and answered, by RPC
     * @param timeouts         requests that got no answer in time
     * @param droppedMalformed datagrams the codec rejected
     * @param droppedUnmatched responses that matched no outstanding request (late, duplicated or forged)
     * @param storesRefused    STORE requests refused (bad token, store full)
     * @param retransmissions  requests sent again because their answer was late
     */
    public record Counters(RpcCounts sent, RpcCounts received, long timeouts, long droppedMalformed,
            long droppedUnmatched, long storesRefused, long retransmissions) {

        /** Checks for nulls. */
        public Counters {
            Objects.requireNonNull(sent, "sent");
            Objects.requireNonNull(received, "received");
        }

        static Counters of(NodeStats stats) {
            return new Counters(RpcCounts.of(stats.requestsSent()), RpcCounts.of(stats.requestsReceived()),
                    stats.timeouts(), stats.droppedMalformed(), stats.droppedUnmatched(), stats.storesRefused(),
                    stats.retransmissions());
        }
    }

    /**
     * A count for each of the four Kademlia RPCs.
     *
     * @param ping      PING
     * @param store     STORE
     * @param findNode  FIND_NODE
     * @param findValue FIND_VALUE
     */
    public record RpcCounts(long ping, long store, long findNode, long findValue) {

        static RpcCounts of(Map<Rpc, Long> counts) {
            return new RpcCounts(counts.getOrDefault(Rpc.PING, 0L), counts.getOrDefault(Rpc.STORE, 0L),
                    counts.getOrDefault(Rpc.FIND_NODE, 0L), counts.getOrDefault(Rpc.FIND_VALUE, 0L));
        }

        /**
         * The sum over the four RPCs.
         *
         * @return the total
         */
        public long total() {
            return ping + store + findNode + findValue;
        }
    }
}
