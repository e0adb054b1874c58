package dev.kademlia.dump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PlantUML text of every dump parses without error and renders to SVG and PNG. */
class RendererTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static SmallNetwork network;

    @BeforeAll
    static void start() {
        network = new SmallNetwork();
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    /** The SVG text, with PlantUML's non-breaking spaces turned back into spaces. */
    private static String svg(String plantUml) {
        String svg = new String(Renderer.svg(plantUml), StandardCharsets.UTF_8).replace("&#160;", " ");
        assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.contains("</svg>"));
        return svg;
    }

    private static BufferedImage png(String plantUml) throws IOException {
        byte[] png = Renderer.png(plantUml);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() > 200 && image.getHeight() > 100,
                "a " + image.getWidth() + "x" + image.getHeight() + " image is too small for a diagram");
        return image;
    }

    @Test
    void nodeDiagramRenders() throws IOException {
        NodeDump dump = network.node(0);
        String plantUml = PlantUml.node(dump);
        String svg = svg(plantUml);
        assertTrue(svg.contains(dump.self().id()), "the full node id is in the picture");
        for (NodeDump.Bucket bucket : dump.buckets()) {
            assertTrue(svg.contains("bucket " + bucket.index()));
            for (NodeDump.Entry entry : bucket.contacts()) {
                assertTrue(svg.contains(entry.id().substring(0, 16)), entry.id());
                assertTrue(svg.contains(entry.distance().substring(0, 16)), entry.distance());
            }
        }
        for (NodeDump.StoredKey key : dump.storedKeys()) {
            assertTrue(svg.contains(key.key().substring(0, 16)), key.key());
        }
        assertTrue(svg.contains("FIND_VALUE"));
        png(plantUml);
    }

    @Test
    void lookupDiagramsRender() throws IOException {
        for (LookupDump dump : List.of(network.valueLookup(), network.nodeLookupAfterCrash())) {
            String plantUml = PlantUml.lookup(dump);
            assertTrue(Renderer.check(plantUml).contains("participants"), Renderer.check(plantUml));
            String svg = svg(plantUml);
            assertTrue(svg.contains(dump.target().substring(0, 16)));
            for (LookupDump.Round round : dump.rounds()) {
                for (LookupDump.Query query : round.queried()) {
                    assertTrue(svg.contains(query.id().substring(0, 16)), query.id());
                    assertTrue(svg.contains("d=" + query.distance().substring(0, 16)), query.distance());
                }
            }
            png(plantUml);
        }
    }

    @Test
    void networkDiagramRenders() throws IOException {
        NetworkDump dump = network.network();
        String plantUml = PlantUml.network(dump);
        String svg = svg(plantUml);
        for (NetworkDump.Node node : dump.nodes()) {
            assertTrue(svg.contains(node.id().substring(0, 16)), node.id());
        }
        png(plantUml);
    }

    @Test
    void anEmptyNodeRendersToo() throws IOException {
        NodeDump lonely = new NodeDump(Dump.FORMAT, new Peer("0".repeat(64), "::1", 4000), 0, List.of(), List.of(),
                new NodeDump.Counters(new NodeDump.RpcCounts(0, 0, 0, 0), new NodeDump.RpcCounts(0, 0, 0, 0), 0, 0, 0,
                        0, 0));
        String svg = svg(PlantUml.node(lonely));
        assertTrue(svg.contains("[::1]:4000"), "IPv6 hosts are bracketed");
        assertTrue(svg.contains("no contacts"));
        png(PlantUml.node(lonely));
    }

    @Test
    void hostileTextInADumpCannotBreakTheDiagram() {
        String id = "f".repeat(64);
        NetworkDump dump = new NetworkDump(Dump.FORMAT, List.of(
                new NetworkDump.Node(id, "\"] as x\n@enduml |<b>", 1, true)), List.of());
        String plantUml = PlantUml.network(dump);
        Renderer.check(plantUml);
        assertEquals(1, plantUml.lines().filter(line -> line.equals("@enduml")).count());
    }

    @Test
    void aSyntaxErrorIsAnExceptionNotAPictureOfTheError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Renderer.svg("@startuml\nAlice -> Bob : hello\nthis is not plantuml at all ->->\n@enduml\n"));
        assertTrue(error.getMessage().startsWith("PlantUML syntax error at line 3: this is not plantuml at all"),
                error.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Renderer.png("hello"));
        assertTrue(none.getMessage().contains("no @startuml"), none.getMessage());
    }
}
