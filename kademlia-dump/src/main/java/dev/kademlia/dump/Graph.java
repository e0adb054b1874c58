package dev.kademlia.dump;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link NetworkDump} as drawing code wants it: nodes numbered in id order, and the links merged so that
 * a pair of nodes listing each other is one undirected edge. The PlantUML and DOT pictures share it.
 */
final class Graph {

    /**
     * One edge to draw.
     *
     * @param from         index of one end in {@link NetworkDump#nodes()}
     * @param to           index of the other end
     * @param mutual       whether each lists the other (else only {@code from} lists {@code to})
     * @param sharedPrefix the number of leading bits the two ids share: {@code 255 - bucket}
     */
    record Edge(int from, int to, boolean mutual, int sharedPrefix) {
    }

    private final NetworkDump dump;
    private final List<Edge> edges = new ArrayList<>();

    Graph(NetworkDump dump) {
        this.dump = dump;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < dump.nodes().size(); i++) {
            index.put(dump.nodes().get(i).id(), i);
        }
        Set<String> present = new HashSet<>();
        for (NetworkDump.Link link : dump.links()) {
            present.add(link.from() + link.to());
        }
        for (NetworkDump.Link link : dump.links()) {
            Integer from = index.get(link.from());
            Integer to = index.get(link.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("link " + link.from() + " -> " + link.to()
                        + " names a node the network dump does not list");
            }
            boolean mutual = present.contains(link.to() + link.from());
            if (!mutual || from < to) {
                edges.add(new Edge(from, to, mutual, 255 - link.bucket()));
            }
        }
    }

    List<NetworkDump.Node> nodes() {
        return dump.nodes();
    }

    List<Edge> edges() {
        return edges;
    }

    /** How many nodes have their own state in the dump. */
    long dumpedCount() {
        return dump.nodes().stream().filter(NetworkDump.Node::dumped).count();
    }
}
