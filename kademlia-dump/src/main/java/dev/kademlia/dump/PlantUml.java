package dev.kademlia.dump;

import java.util.Objects;

/**
 * Dumps as PlantUML text, ready for {@link Renderer} or any PlantUML tool. Ids and distances show their
 * first 16 hex digits in a monospaced font, so columns line up; the JSON dump has all 64.
 *
 * <ul>
 *   <li>{@link #node(NodeDump)}: the node, a table per k-bucket (contacts, distance, address, last seen,
 *       failed RPCs, and the replacement cache), the stored keys, and the RPC counters.</li>
 *   <li>{@link #lookup(LookupDump)}: a sequence diagram, one participant per contact queried ordered from
 *       far to near the target, each request and answer in time order and coloured by hop, and the
 *       closest contacts found.</li>
 *   <li>{@link #network(NetworkDump)}: the nodes and their routing-table links, coloured by how long a
 *       prefix the two ids share.</li>
 * </ul>
 *
 * <p>Diagrams that need a graph layout ask for PlantUML's built-in pure-Java one ({@code !pragma layout
 * smetana}), so no Graphviz install is needed.
 */
public final class PlantUml {

    private PlantUml() {
    }

    /**
     * A node's state as PlantUML.
     *
     * @param dump the node dump
     * @return PlantUML text, one {@code @startuml} block
     */
    public static String node(NodeDump dump) {
        return new NodeDiagram(Objects.requireNonNull(dump, "dump")).text();
    }

    /**
     * A lookup as a PlantUML sequence diagram.
     *
     * @param dump the lookup dump
     * @return PlantUML text, one {@code @startuml} block
     */
    public static String lookup(LookupDump dump) {
        return new LookupDiagram(Objects.requireNonNull(dump, "dump")).text();
    }

    /**
     * A network as a PlantUML graph.
     *
     * @param dump the network dump
     * @return PlantUML text, one {@code @startuml} block
     */
    public static String network(NetworkDump dump) {
        return new NetworkDiagram(Objects.requireNonNull(dump, "dump")).text();
    }

    /**
     * Any dump as PlantUML: {@link #node}, {@link #lookup} or {@link #network} by its type.
     *
     * @param dump a dump
     * @return PlantUML text
     */
    public static String of(Dump dump) {
        Objects.requireNonNull(dump, "dump");
        if (dump instanceof NodeDump) {
            return node((NodeDump) dump);
        } else if (dump instanceof LookupDump) {
            return lookup((LookupDump) dump);
        }
        return network((NetworkDump) dump);
    }
}
