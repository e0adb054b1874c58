package dev.kademlia.jpmstests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ProviderCheck} in a fresh JVM exactly as users would: once on the module path (providers
 * bound by JPMS service binding, with no {@code requires} on them) and once on the class path (providers
 * found through {@code META-INF/services}).
 */
class ProviderDiscoveryTest {

    private static final Path TARGET = Paths.get(System.getProperty("jpms.target", "target"));

    @Test
    void providersAreFoundOnTheModulePath() throws Exception {
        Map<String, String> facts = run(List.of("--module-path", path(),
                "--module", "dev.kademlia.jpmstests/dev.kademlia.jpmstests.ProviderCheck"));
        assertEquals("dev.kademlia.jpmstests", facts.get("module"), "runs as a named module");
        assertEquals("udp", facts.get("transports"));
        assertEquals("memory,rocksdb", facts.get("stores"));
        assertEquals("works", facts.get("value"));
    }

    @Test
    void providersAreFoundOnTheClassPath() throws Exception {
        Map<String, String> facts = run(List.of("--class-path", path(), ProviderCheck.class.getName()));
        assertEquals("null", facts.get("module"), "runs in the unnamed module");
        assertEquals("udp", facts.get("transports"));
        assertEquals("memory,rocksdb", facts.get("stores"));
        assertEquals("works", facts.get("value"));
    }

    private static String path() throws IOException {
        String dependencies = Files.readString(TARGET.resolve("runtime-path.txt"), StandardCharsets.UTF_8).trim();
        return TARGET.resolve("classes") + File.pathSeparator + dependencies;
    }

    private static Map<String, String> run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, process.exitValue(), "child JVM failed:\n" + output);
        Map<String, String> facts = new HashMap<>();
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return facts;
    }
}
