package dev.kademlia.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The network graph is exactly the union of the routing tables, and its pictures show every link once. */
class NetworkDumpTest {

    private static SmallNetwork network;
    private static List<NodeDump> nodes;

    @BeforeAll
    static void start() {
        network = new SmallNetwork();
        nodes = network.nodes();
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void linksAreTheContactsOfEveryBucketAndNothingElse() {
        NetworkDump dump = NetworkDump.of(nodes);
        Set<String> expected = new HashSet<>();
        for (NodeDump node : nodes) {
            for (NodeDump.Bucket bucket : node.buckets()) {
                for (NodeDump.Entry entry : bucket.contacts()) {
                    expected.add(node.self().id() + ">" + entry.id() + "@" + bucket.index());
                }
            }
        }
        Set<String> actual = dump.links().stream().map(l -> l.from() + ">" + l.to() + "@" + l.bucket())
                .collect(Collectors.toSet());
        assertEquals(expected, actual);
        assertEquals(expected.size(), dump.links().size());
        assertTrue(dump.nodes().stream().allMatch(NetworkDump.Node::dumped));
        List<String> ids = dump.nodes().stream().map(NetworkDump.Node::id).collect(Collectors.toList());
        assertEquals(ids.stream().sorted().collect(Collectors.toList()), ids);
    }

    @Test
    void bucketIndexOfALinkIsTheSameSeenFromEitherEnd() {
        NetworkDump dump = NetworkDump.of(nodes);
        for (NetworkDump.Link link : dump.links()) {
            dump.links().stream().filter(l -> l.from().equals(link.to()) && l.to().equals(link.from()))
                    .forEach(back -> assertEquals(link.bucket(), back.bucket()));
        }
    }

    @Test
    void contactsOfNodesNotDumpedAreListedAsSuch() {
        NetworkDump dump = NetworkDump.of(nodes.subList(0, 3));
        Set<String> dumped = nodes.subList(0, 3).stream().map(n -> n.self().id()).collect(Collectors.toSet());
        assertEquals(dumped, dump.nodes().stream().filter(NetworkDump.Node::dumped).map(NetworkDump.Node::id)
                .collect(Collectors.toSet()));
        assertTrue(dump.nodes().stream().anyMatch(n -> !n.dumped()));
        assertTrue(dump.links().stream().allMatch(l -> dumped.contains(l.from())));
        String plantUml = PlantUml.network(dump);
        assertTrue(plantUml.contains("line.dashed"), plantUml);
        Renderer.check(plantUml);
        assertTrue(Dot.network(dump).contains("dashed"));
    }

    @Test
    void aNodeDumpedTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkDump.of(List.of(nodes.get(0), nodes.get(0))));
        assertEquals("node " + nodes.get(0).self().id() + " is dumped twice", e.getMessage());
    }

    @Test
    void mutualLinksAreDrawnOnceWithoutArrowsAndOneWayLinksWithOne() {
        NetworkDump dump = NetworkDump.of(nodes);
        Set<String> links = dump.links().stream().map(l -> l.from() + l.to()).collect(Collectors.toSet());
        long mutualPairs = dump.links().stream().filter(l -> links.contains(l.to() + l.from())).count() / 2;
        long oneWay = dump.links().size() - 2 * mutualPairs;
        String dot = Dot.network(dump);
        long edgeLines = dot.lines().filter(line -> line.contains("\" -> \"")).count();
        assertEquals(mutualPairs + oneWay, edgeLines);
        assertEquals(mutualPairs, dot.lines().filter(line -> line.contains("dir=none")).count());
        String plantUml = PlantUml.network(dump);
        assertEquals(mutualPairs, plantUml.lines().filter(line -> line.matches("n\\d+ -\\[[^]]+]- n\\d+")).count());
        assertEquals(oneWay, plantUml.lines().filter(line -> line.matches("n\\d+ -\\[[^]]+]-> n\\d+")).count());
        for (NetworkDump.Node node : dump.nodes()) {
            assertEquals(1, dot.lines().filter(line -> line.startsWith("  \"" + node.id() + "\" [label=")).count());
        }
    }

    @Test
    void aLinkToAnUnlistedNodeIsRefusedWhenDrawing() {
        String a = "a".repeat(64);
        NetworkDump broken = new NetworkDump(Dump.FORMAT, List.of(new NetworkDump.Node(a, "10.0.0.1", 1, true)),
                List.of(new NetworkDump.Link(a, "b".repeat(64), 255)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dot.network(broken));
        assertTrue(e.getMessage().contains("names a node the network dump does not list"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
