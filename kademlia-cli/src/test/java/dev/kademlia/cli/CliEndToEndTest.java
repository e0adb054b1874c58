package dev.kademlia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three {@code kademlia node} processes, and {@code put}/{@code get} processes against them. */
class CliEndToEndTest {

    private final List<CliProcess> processes = new ArrayList<>();

    @AfterEach
    void killAll() {
        processes.forEach(CliProcess::close);
    }

    private CliProcess start(String... arguments) throws Exception {
        CliProcess process = CliProcess.start(arguments);
        processes.add(process);
        return process;
    }

    private static String address(String listeningLine) {
        return listeningLine.substring(listeningLine.lastIndexOf(' ') + 1);
    }

    @Test
    void putAndGetAcrossNodeProcesses() throws Exception {
        CliProcess first = start("node", "--bind", "127.0.0.1:0", "--timeout-ms", "1000");
        String seed = address(first.awaitLine("node ", 30));
        for (int i = 0; i < 2; i++) {
            CliProcess other = start("node", "--bind", "127.0.0.1:0", "--bootstrap", seed, "--timeout-ms", "1000");
            other.awaitLine("joined through", 30);
        }

        CliProcess put = start("put", "--bootstrap", seed, "--timeout-ms", "1000", "greeting", "hello, world");
        assertEquals(0, put.awaitExit(30), put.output());
        assertTrue(put.output().contains("stored greeting on 3 nodes"), put.output());

        CliProcess get = start("get", "--bootstrap", seed, "--timeout-ms", "1000", "greeting");
        assertEquals(0, get.awaitExit(30), get.output());
        assertEquals("hello, world", get.output().strip());

        CliProcess missing = start("get", "--bootstrap", seed, "--timeout-ms", "1000", "absent");
        assertEquals(1, missing.awaitExit(30), missing.output());
        assertTrue(missing.output().contains("not found: absent"), missing.output());

        first.terminate();
        first.awaitLine("node ", 10); // the "stopped" line
        assertTrue(first.output().contains("stopped"), first.output());
        first.awaitExit(10);
    }

    @Test
    void rocksDbNodeKeepsItsValuesAcrossARestart(@TempDir Path data) throws Exception {
        CliProcess node = start("node", "--bind", "127.0.0.1:0", "--store", "rocksdb", "--data-dir",
                data.toString(), "--timeout-ms", "1000");
        String listening = node.awaitLine("node ", 30);
        String address = address(listening);
        CliProcess put = start("put", "--bootstrap", address, "--timeout-ms", "1000", "durable", "yes");
        assertEquals(0, put.awaitExit(30), put.output());
        node.terminate();
        node.awaitExit(30);

        CliProcess restarted = start("node", "--bind", address, "--store", "rocksdb", "--data-dir",
                data.toString(), "--timeout-ms", "1000");
        assertEquals(listening, restarted.awaitLine("node ", 30), "same id, same address");
        CliProcess get = start("get", "--bootstrap", address, "--timeout-ms", "1000", "durable");
        assertEquals(0, get.awaitExit(30), get.output());
        assertEquals("yes", get.output().strip());
    }

    @Test
    void unreachableBootstrapSaysSo() throws Exception {
        CliProcess get = start("get", "--bootstrap", "127.0.0.1:9", "--timeout-ms", "300", "k");
        assertEquals(ExitCodes.FAILURE, get.awaitExit(30), get.output());
        assertTrue(get.output().contains("cannot reach the bootstrap node 127.0.0.1:9"), get.output());
    }

    @Test
    void busyPortSaysSo() throws Exception {
        CliProcess first = start("node", "--bind", "127.0.0.1:0");
        String taken = address(first.awaitLine("node ", 30));
        CliProcess second = start("node", "--bind", taken);
        assertEquals(ExitCodes.FAILURE, second.awaitExit(30), second.output());
        assertTrue(second.output().contains("in use"), second.output());
    }
}
