package dev.kademlia.dump;

/**
 * The PlantUML picture of a {@link NetworkDump}: a box per node (its id and address, filled by the quarter
 * of the id space it lies in; dashed if only known from others' tables), a line between two nodes that
 * list each other and an arrow where only one does. Links are darker the longer the prefix the two ids
 * share: Kademlia keeps a node well connected to its own neighbourhood.
 */
final class NetworkDiagram {

    private final Graph graph;
    private final StringBuilder out = new StringBuilder();

    NetworkDiagram(NetworkDump dump) {
        this.graph = new Graph(dump);
    }

    String text() {
        Theme.preamble(out, true);
        out.append("skinparam ArrowThickness 1.2\n");
        out.append("title Network of ").append(Labels.count(graph.dumpedCount(), "node")).append(", ")
                .append(Labels.count(graph.edges().size(), "routing-table link")).append('\n');
        for (int i = 0; i < graph.nodes().size(); i++) {
            NetworkDump.Node node = graph.nodes().get(i);
            out.append("rectangle \"").append(Hex.shorten(node.id())).append("\\n")
                    .append(Labels.address(node.host(), node.port())).append("\" as n").append(i).append(' ')
                    .append(Theme.quarter(node.id()));
            if (!node.dumped()) {
                out.append(";line.dashed;text:").append(Theme.MUTED.substring(1));
            }
            out.append('\n');
        }
        for (Graph.Edge edge : graph.edges()) {
            out.append('n').append(edge.from()).append(" -[").append(Theme.prefix(edge.sharedPrefix()))
                    .append(edge.sharedPrefix() >= 3 ? ",thickness=2" : "").append(']')
                    .append(edge.mutual() ? "-" : "->").append(" n").append(edge.to()).append('\n');
        }
        legend();
        out.append("@enduml\n");
        return out.toString();
    }

    private void legend() {
        out.append("legend right\n")
                .append("<b>links</b>: ids sharing a prefix of\n")
                .append(Theme.color(Theme.prefix(0), "━━")).append(" 0 bits   ")
                .append(Theme.color(Theme.prefix(1), "━━")).append(" 1 bit\n")
                .append(Theme.color(Theme.prefix(2), "━━")).append(" 2 bits   ")
                .append(Theme.color(Theme.prefix(3), "━━")).append(" 3+ bits\n")
                .append("line: both list each other\n")
                .append("arrow: only the tail lists the head\n")
                .append("fill: the top 2 bits of the id\n")
                .append("endlegend\n");
    }
}
