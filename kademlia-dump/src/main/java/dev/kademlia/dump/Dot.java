package dev.kademlia.dump;

import java.util.Locale;
import java.util.Objects;

/**
 * A {@link NetworkDump} as a Graphviz DOT graph, for users who have Graphviz or another DOT tool. The nodes
 * sit on a circle in id order, the id space drawn as a ring, with their positions pinned and the graph
 * asking for the {@code neato} engine, so {@code dot -Tsvg network.dot -o network.svg} draws the same
 * picture every time ({@code circo -Tsvg} lays it out afresh). Colours and line styles are those of
 * {@link PlantUml#network(NetworkDump)}.
 */
public final class Dot {

    /** Arc length per node on the ring: a node box is about 1.6 inches wide. */
    private static final double INCHES_PER_NODE = 1.9;
    private static final double MIN_RADIUS_INCHES = 2.0;

    private Dot() {
    }

    /**
     * The DOT text of a network.
     *
     * @param dump the network dump
     * @return a {@code digraph} ending with a newline
     */
    public static String network(NetworkDump dump) {
        Objects.requireNonNull(dump, "dump");
        Graph graph = new Graph(dump);
        int n = graph.nodes().size();
        StringBuilder out = new StringBuilder();
        out.append("// Kademlia network: ").append(Labels.count(graph.dumpedCount(), "node")).append(", ")
                .append(Labels.count(graph.edges().size(), "routing-table link"))
                .append(". Draw with: dot -Tsvg network.dot -o network.svg\n");
        out.append("digraph kademlia {\n")
                .append("  graph [layout=neato, outputorder=edgesfirst, splines=false, fontname=\"monospace\", ")
                .append("labelloc=t, label=\"Network of ").append(Labels.count(graph.dumpedCount(), "node"))
                .append(", ").append(Labels.count(graph.edges().size(), "routing-table link")).append("\"];\n")
                .append("  node [shape=box, style=\"rounded,filled\", color=\"").append(Theme.ACCENT)
                .append("\", fontname=\"monospace\", fontsize=10];\n")
                .append("  edge [arrowsize=0.6];\n");
        double radius = Math.max(MIN_RADIUS_INCHES, n * INCHES_PER_NODE / (2 * Math.PI));
        for (int i = 0; i < n; i++) {
            NetworkDump.Node node = graph.nodes().get(i);
            double angle = Math.PI / 2 - 2 * Math.PI * i / n;
            out.append("  \"").append(node.id()).append("\" [label=\"").append(Hex.shorten(node.id())).append("\\n")
                    .append(Labels.address(node.host(), node.port())).append("\", fillcolor=\"")
                    .append(Theme.quarter(node.id())).append('"')
                    .append(node.dumped() ? "" : ", style=\"rounded,filled,dashed\", fontcolor=\"" + Theme.MUTED + "\"")
                    .append(String.format(Locale.ROOT, ", pos=\"%.2f,%.2f!\"", radius * Math.cos(angle),
                            radius * Math.sin(angle)))
                    .append("];\n");
        }
        for (Graph.Edge edge : graph.edges()) {
            out.append("  \"").append(graph.nodes().get(edge.from()).id()).append("\" -> \"")
                    .append(graph.nodes().get(edge.to()).id()).append("\" [color=\"")
                    .append(Theme.prefix(edge.sharedPrefix())).append('"')
                    .append(edge.mutual() ? ", dir=none" : "")
                    .append(edge.sharedPrefix() >= 3 ? ", penwidth=2" : "")
                    .append(", tooltip=\"shared prefix ").append(edge.sharedPrefix()).append(" bits\"];\n");
        }
        out.append("}\n");
        return out.toString();
    }
}
