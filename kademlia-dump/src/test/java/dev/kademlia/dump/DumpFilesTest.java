package dev.kademlia.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One call writes a dump as JSON, PlantUML, SVG and PNG (and DOT for a network). */
class DumpFilesTest {

    @TempDir
    Path directory;

    @Test
    void writesEveryFormat() throws IOException {
        try (SmallNetwork network = new SmallNetwork()) {
            NodeDump node = network.node(2);
            List<Path> written = DumpFiles.write(directory.resolve("out"), "node-2", node);
            assertEquals(List.of("node-2.json", "node-2.puml", "node-2.svg", "node-2.png"),
                    written.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
            assertEquals(node, JsonDumps.read(Files.readString(written.get(0)), NodeDump.class));
            assertEquals(PlantUml.node(node), Files.readString(written.get(1), StandardCharsets.UTF_8));
            assertTrue(Files.readString(written.get(2), StandardCharsets.UTF_8).contains("</svg>"));
            assertTrue(Files.size(written.get(3)) > 1000);

            List<Path> graph = DumpFiles.write(directory, "network", network.network());
            assertEquals(5, graph.size());
            assertTrue(Files.readString(graph.get(4)).startsWith("// Kademlia network"));
        }
    }

    @Test
    void refusesNamesThatAreNotPlainFileNames() {
        NodeDump lonely = new NodeDump(Dump.FORMAT, new Peer("0".repeat(64), "127.0.0.1", 1), 0, List.of(),
                List.of(), new NodeDump.Counters(new NodeDump.RpcCounts(0, 0, 0, 0),
                        new NodeDump.RpcCounts(0, 0, 0, 0), 0, 0, 0, 0, 0));
        for (String name : List.of("../escape", "a/b", "", ".hidden", "sp ace")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DumpFiles.write(directory, name, lonely));
            assertTrue(e.getMessage().endsWith("got '" + name + "'"), e.getMessage());
        }
    }
}
