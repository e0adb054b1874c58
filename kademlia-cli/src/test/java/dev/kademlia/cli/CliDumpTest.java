package dev.kademlia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.dump.JsonDumps;
import dev.kademlia.dump.LookupDump;
import dev.kademlia.dump.NetworkDump;
import dev.kademlia.dump.NodeDump;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kademlia dump} against running {@code kademlia node} processes, and {@code demo --dump-dir}. */
class CliDumpTest {

    @TempDir
    Path directory;

    private final List<CliProcess> processes = new ArrayList<>();

    @AfterEach
    void killAll() {
        processes.forEach(CliProcess::close);
    }

    private CliProcess start(String... arguments) throws IOException {
        CliProcess process = CliProcess.start(arguments);
        processes.add(process);
        return process;
    }

    private static String address(String listeningLine) {
        return listeningLine.substring(listeningLine.lastIndexOf(' ') + 1);
    }

    private static String idOf(String listeningLine) {
        return listeningLine.split(" ")[1];
    }

    @Test
    void dumpsARunningNodeThroughItsAdminChannel() throws Exception {
        CliProcess seed = start("node", "--bind", "127.0.0.1:0", "--timeout-ms", "1000");
        String seedLine = seed.awaitLine("node ", 30);
        String seedAddress = address(seedLine);
        String adminLine = seed.awaitLine("admin channel on ", 30);
        assertTrue(adminLine.startsWith("admin channel on " + seedAddress + " (TCP, loopback only)"), adminLine);
        CliProcess other = start("node", "--bind", "127.0.0.1:0", "--bootstrap", seedAddress, "--timeout-ms", "1000");
        String otherId = idOf(other.awaitLine("node ", 30));
        other.awaitLine("joined through", 30);
        CliProcess put = start("put", "--bootstrap", seedAddress, "--timeout-ms", "1000", "greeting", "hello");
        assertEquals(0, put.awaitExit(30), put.output());

        Path out = directory.resolve("seed");
        CliProcess dump = start("dump", "--node", seedAddress, "--out", out.toString());
        assertEquals(0, dump.awaitExit(60), dump.output());
        assertTrue(dump.output().contains("wrote node.json, node.puml, node.svg, node.png into " + out),
                dump.output());

        NodeDump state = JsonDumps.read(Files.readString(out.resolve("node.json")), NodeDump.class);
        assertEquals(idOf(seedLine), state.self().id());
        assertTrue(state.buckets().stream().flatMap(b -> b.contacts().stream()).anyMatch(e -> e.id().equals(otherId)),
                "the seed lists the node that joined through it");
        assertEquals(1, state.storedKeys().size(), "the seed holds the one value put");
        assertTrue(state.counters().received().store() >= 1);
        assertTrue(Files.readString(out.resolve("node.puml")).startsWith("@startuml"));
        assertTrue(Files.readString(out.resolve("node.svg")).contains(state.self().id()));
        assertTrue(Files.size(out.resolve("node.png")) > 1000);
    }

    @Test
    void theAdminChannelAnswersOnlyItsOneRequest() throws Exception {
        CliProcess node = start("node", "--bind", "127.0.0.1:0");
        String address = address(node.awaitLine("node ", 30));
        node.awaitLine("admin channel on ", 30);
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write("SHUTDOWN\n".getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("ERROR unknown request 'SHUTDOWN'; the only request is DUMP\n", answer);
        }
    }

    @Test
    void noNodeThereIsAPlainFailure() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String[] result = run("dump", "--node", "127.0.0.1:" + port, "--out", directory.toString());
        assertEquals(Integer.toString(ExitCodes.FAILURE), result[0]);
        assertEquals("error: no admin channel at 127.0.0.1:" + port + ": is a kademlia node running there?",
                result[1].strip());
    }

    @Test
    void usageErrorsExitWith2() {
        String[] missing = run("dump", "--out", directory.toString());
        assertEquals("2", missing[0]);
        assertTrue(missing[1].contains("Missing required option: '--node=HOST:PORT'"), missing[1]);
        String[] remote = run("dump", "--node", "192.0.2.7:4000", "--out", directory.toString());
        assertEquals("2", remote[0]);
        assertTrue(remote[1].contains("the admin channel listens on the loopback interface only"), remote[1]);
        assertEquals("2", run("dump", "--node", "127.0.0.1:4000")[0]);
    }

    @Test
    void demoLeavesDumpsOfEveryNodeTheNetworkAndALookupOnTheModulePath() throws Exception {
        Path out = directory.resolve("demo");
        CliProcess demo = CliProcess.startOnModulePath("demo", "--nodes", "4", "--keys", "2", "--k", "3",
                "--timeout-ms", "1000", "--dump-dir", out.toString());
        processes.add(demo);
        assertEquals(0, demo.awaitExit(120), demo.output());
        assertTrue(demo.output().contains("dumps written to " + out), demo.output());
        for (int i = 0; i < 4; i++) {
            for (String extension : List.of("json", "puml", "svg", "png")) {
                assertTrue(Files.size(out.resolve("node-" + i + "." + extension)) > 0, "node-" + i + "." + extension);
            }
        }
        for (String file : List.of("network.json", "network.puml", "network.dot", "network.svg", "network.png",
                "lookup.json", "lookup.puml", "lookup.svg", "lookup.png")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        NetworkDump network = JsonDumps.read(Files.readString(out.resolve("network.json")), NetworkDump.class);
        assertEquals(4, network.nodes().size());
        LookupDump lookup = JsonDumps.read(Files.readString(out.resolve("lookup.json")), LookupDump.class);
        assertTrue(lookup.findValue());
        assertTrue(lookup.rounds().stream().flatMap(r -> r.queried().stream())
                .anyMatch(q -> q.outcome() == LookupDump.Outcome.VALUE), "the traced lookup found the value");
        NodeDump first = JsonDumps.read(Files.readString(out.resolve("node-0.json")), NodeDump.class);
        assertTrue(first.counters().sent().store() >= 2, "node 0 put both keys");
    }

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = KademliaCli.commandLine();
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }
}
