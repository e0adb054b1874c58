package dev.kademlia.dump;

import dev.kademlia.api.KademliaNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A whole network as a graph: its nodes, and a link from each node to every contact in its k-buckets
 * (replacement caches excluded). Built from the dumps of the nodes; contacts that were not dumped
 * themselves (a crashed node others still list, a node outside the set) appear with {@code dumped = false}.
 *
 * @param format the JSON shape's version, {@link Dump#FORMAT}
 * @param nodes  every node dumped or listed, ascending id
 * @param links  every routing-table link, ascending {@code from}, then {@code to}
 */
public record NetworkDump(int format, List<Node> nodes, List<Link> links) implements Dump {

    /** Copies the lists. */
    public NetworkDump {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    /**
     * The graph of the given node dumps.
     *
     * @param dumps node dumps, in any order; each node once
     * @return the graph
     * @throws IllegalArgumentException if two dumps are of the same node
     */
    public static NetworkDump of(Collection<NodeDump> dumps) {
        TreeMap<String, Node> nodes = new TreeMap<>();
        for (NodeDump dump : dumps) {
            Peer self = dump.self();
            if (nodes.put(self.id(), new Node(self.id(), self.host(), self.port(), true)) != null) {
                throw new IllegalArgumentException("node " + self.id() + " is dumped twice");
            }
        }
        List<Link> links = new ArrayList<>();
        for (NodeDump dump : dumps) {
            for (NodeDump.Bucket bucket : dump.buckets()) {
                for (NodeDump.Entry entry : bucket.contacts()) {
                    nodes.putIfAbsent(entry.id(), new Node(entry.id(), entry.host(), entry.port(), false));
                    links.add(new Link(dump.self().id(), entry.id(), bucket.index()));
                }
            }
        }
        links.sort(Comparator.comparing(Link::from).thenComparing(Link::to));
        return new NetworkDump(FORMAT, new ArrayList<>(nodes.values()), links);
    }

    /**
     * Dumps every node and builds the graph.
     *
     * @param nodes open nodes built by {@code dev.kademlia.core.Kademlia}
     * @return the graph, when every node has been dumped
     */
    public static CompletableFuture<NetworkDump> capture(Collection<? extends KademliaNode> nodes) {
        List<CompletableFuture<NodeDump>> dumps = nodes.stream().map(NodeDump::capture).collect(Collectors.toList());
        return CompletableFuture.allOf(dumps.toArray(CompletableFuture[]::new))
                .thenApply(done -> of(dumps.stream().map(CompletableFuture::join).collect(Collectors.toList())));
    }

    /**
     * A node of the graph.
     *
     * @param id     the node id, 64 hex digits
     * @param host   its numeric IP address
     * @param port   its UDP port
     * @param dumped whether its own state is part of the dump (else it is only listed by others)
     */
    public record Node(String id, String host, int port, boolean dumped) {

        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException if {@code id} is not 64 hex digits
         */
        public Node {
            Hex.checkKey(id, "node id");
            Objects.requireNonNull(host, "host");
            Hex.checkPort(port);
        }
    }

    /**
     * {@code from} has {@code to} in its routing table. The XOR metric is symmetric, so if {@code to} also
     * lists {@code from}, it does so in the bucket with the same index.
     *
     * @param from   the node whose table it is, 64 hex digits
     * @param to     the contact, 64 hex digits
     * @param bucket the bucket index: {@code 255} minus the length of the ids' common prefix
     */
    public record Link(String from, String to, int bucket) {

        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException if an id is not 64 hex digits or the bucket is not in [0, 255]
         */
        public Link {
            Hex.checkKey(from, "link source");
            Hex.checkKey(to, "link target");
            if (bucket < 0 || bucket > 255) {
                throw new IllegalArgumentException("bucket index must be in [0, 255]; got " + bucket);
            }
        }
    }
}
