package dev.kademlia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors exit with 2 and say what was wrong, without starting anything. */
class CliUsageTest {

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = KademliaCli.commandLine();
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void missingBootstrapIsAUsageError() {
        String[] result = run("get", "some-key");
        assertEquals("2", result[0]);
        assertTrue(result[1].contains("Missing required option: '--bootstrap=HOST:PORT'"), result[1]);
        assertTrue(result[1].contains("Usage: kademlia get"), result[1]);
    }

    @Test
    void malformedAddressIsAUsageError() {
        String[] result = run("get", "--bootstrap", "localhost", "k");
        assertEquals("2", result[0]);
        assertTrue(result[1].contains("expected HOST:PORT"), result[1]);
        String[] badPort = run("put", "--bootstrap", "127.0.0.1:70000", "k", "v");
        assertEquals("2", badPort[0]);
        assertTrue(badPort[1].contains("port must be in [0, 65535], got 70000"), badPort[1]);
    }

    @Test
    void unknownOptionAndMissingCommandAreUsageErrors() {
        assertEquals("2", run("demo", "--nodez", "3")[0]);
        assertEquals("2", run()[0]);
        assertEquals("2", run("put", "--bootstrap", "127.0.0.1:4000", "only-a-key")[0]);
    }

    @Test
    void demoRefusesTooFewNodes() {
        String[] result = run("demo", "--nodes", "1");
        assertEquals(Integer.toString(ExitCodes.FAILURE), result[0]);
        assertTrue(result[1].contains("--nodes must be in [2, 1000]; got 1"), result[1]);
    }

    @Test
    void hostPortParsesIpv4AndIpv6() {
        HostPort parser = new HostPort();
        assertEquals(new InetSocketAddress("127.0.0.1", 4000), parser.convert("127.0.0.1:4000"));
        assertEquals(4001, parser.convert("[::1]:4001").getPort());
        assertTrue(parser.convert("[::1]:4001").getAddress().isLoopbackAddress());
        assertThrows(CommandLine.TypeConversionException.class, () -> parser.convert("127.0.0.1:"));
        assertThrows(CommandLine.TypeConversionException.class, () -> parser.convert("127.0.0.1:x"));
    }
}
