package dev.kademlia.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.spi.StoreException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing to a store (SIGKILL: no shutdown hook, no close) and checks that every
 * write it acknowledged is there when the store is reopened, and that the live process's lock is honoured.
 */
class RocksDbStoreCrashTest {

    /** The child writes this many entries at most; it is killed long before in practice. */
    private static final int ENTRIES = 1_000_000;

    /** Acknowledgements to wait for before killing the child. */
    private static final int KILL_AFTER = 300;

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedPutSurvivesAKill() throws Exception {
        Path output = directory.resolve("child-output.txt");
        Process child = startChild(directory.resolve("store"), output);
        int acked;
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (lastAcknowledged(output) < KILL_AFTER) {
                assertTrue(child.isAlive(), "the child died on its own; its output: " + Files.readString(output));
                assertTrue(System.nanoTime() < deadline, "the child is stuck; its output: " + Files.readString(output));
                Thread.sleep(10);
            }

            StoreException locked = assertThrows(StoreException.class,
                    () -> RocksDbStore.open(directory.resolve("store"), 1_000));
            assertEquals(StoreException.Reason.LOCKED, locked.reason(), locked.getMessage());
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(1, TimeUnit.MINUTES), "the child died");
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9), not exited");
        // Everything the child printed before it died was acknowledged, including lines printed after we
        // saw KILL_AFTER: the output went to a file, which outlives the process.
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertTrue(lines.contains("acked metadata"), "metadata first: " + lines.subList(0, Math.min(3, lines.size())));
        assertFalse(lines.contains("done"), "the child finished before it was killed; raise ENTRIES");
        acked = lastAcknowledged(output);

        try (RocksDbStore store = RocksDbStore.open(directory.resolve("store"), 1_000)) {
            assertArrayEquals("crash child".getBytes(StandardCharsets.UTF_8), store.metadata("node-id").orElseThrow());
            for (int i = 0; i <= acked; i++) {
                assertEquals(Optional.of(CrashChild.entry(i)), store.get(CrashChild.key(i), 0),
                        "acknowledged entry " + i + " of " + acked);
            }
            assertTrue(store.size() == acked + 1 || store.size() == acked + 2,
                    "the acknowledged entries, and at most the one being written when killed: " + store.size());
            if (store.size() == acked + 2) {
                assertEquals(Optional.of(CrashChild.entry(acked + 1)), store.get(CrashChild.key(acked + 1), 0),
                        "an unacknowledged write is there whole or not at all");
            }
            int[] visited = new int[1];
            store.forEach(0, e -> visited[0]++);
            assertEquals(store.size(), visited[0]);
        }
    }

    /** The number of the last entry the child reported as acknowledged in a complete line, or -1. */
    private static int lastAcknowledged(Path output) throws IOException {
        if (!Files.exists(output)) {
            return -1;
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        int last = -1;
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (line.startsWith("acked ") && !line.equals("acked metadata")) {
                last = Integer.parseInt(line.substring("acked ".length()));
            }
        }
        return last;
    }

    /** Starts {@link CrashChild} on a class path made of this JVM's class path and module path. */
    private static Process startChild(Path storeDirectory, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> path = new ArrayList<>();
        for (String property : new String[] {"java.class.path", "jdk.module.path"}) {
            String value = System.getProperty(property, "");
            if (!value.isEmpty()) {
                path.add(value);
            }
        }
        List<String> command = List.of(java, "-Xmx64m", "-cp", String.join(File.pathSeparator, path),
                CrashChild.class.getName(), storeDirectory.toString(), Integer.toString(ENTRIES));
        return new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
