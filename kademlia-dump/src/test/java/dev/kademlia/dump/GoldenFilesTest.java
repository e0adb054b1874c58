package dev.kademlia.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dumps of a small seeded simulated network, compared with files under
 * {@code src/test/resources/golden}: the JSON shape and the diagrams stay as they are unless someone means
 * to change them. After an intended change, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** Every golden file's expected content, made from a fresh network of the fixed seed. */
    private static Map<String, String> outputs() {
        Map<String, String> out = new LinkedHashMap<>();
        try (SmallNetwork network = new SmallNetwork()) {
            NodeDump node = network.node(0);
            NetworkDump graph = network.network();
            LookupDump value = network.valueLookup();
            LookupDump nodeLookup = network.nodeLookupAfterCrash();
            out.put("node-0.json", JsonDumps.write(node));
            out.put("node-0.puml", PlantUml.node(node));
            out.put("network.puml", PlantUml.network(graph));
            out.put("network.dot", Dot.network(graph));
            out.put("lookup-value.json", JsonDumps.write(value));
            out.put("lookup-value.puml", PlantUml.lookup(value));
            out.put("lookup-node.json", JsonDumps.write(nodeLookup));
            out.put("lookup-node.puml", PlantUml.lookup(nodeLookup));
        }
        return out;
    }

    @Test
    void dumpsMatchTheGoldenFiles() throws IOException {
        for (Map.Entry<String, String> output : outputs().entrySet()) {
            Path file = GOLDEN.resolve(output.getKey());
            if (UPDATE) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, output.getValue(), StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), output.getValue(),
                    output.getKey() + " differs from " + file + "; if the change is intended, rerun with"
                            + " -Dgolden.update=true and review the diff");
        }
    }

    @Test
    void theSameSeedGivesTheSameDumps() {
        assertEquals(outputs(), outputs());
    }
}
