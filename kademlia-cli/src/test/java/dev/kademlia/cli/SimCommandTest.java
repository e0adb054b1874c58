package dev.kademlia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kademlia sim} in-process: a small run prints its table and targets; bad flags are usage errors. */
class SimCommandTest {

    /** Exit code, standard output, standard error. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = KademliaCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void smallRunPrintsTablesAndTargets(@TempDir Path dir) throws Exception {
        Path chart = dir.resolve("hops.svg");
        Run run = run("sim", "--nodes", "40,60", "--puts", "5", "--gets", "30", "--seed", "3", "--svg",
                chart.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().startsWith("kademlia sim: seed 3, k=20, alpha=3, RPC timeout 2000 ms, 5 puts, 30 gets"),
                run.out());
        assertTrue(run.out().contains("nodes  loss  churn  hops med  hops p99  rpcs med  rpcs p99  gets ok"),
                run.out());
        assertTrue(run.out().contains("\n   40  0.00   0.00  "), run.out());
        assertTrue(run.out().contains("\n   60  0.00   0.00  "), run.out());
        assertTrue(run.out().contains("replicas med"), run.out());
        assertTrue(run.out().contains("[met]    N=40 loss=0.00 churn=0.00: get success 100% without faults: "
                + "30 of 30 (100.00%)"), run.out());
        assertTrue(run.out().contains("chart written to " + chart), run.out());
        assertTrue(run.err().contains("sim N=60: joined 60 of 60"), run.err());
        assertTrue(Files.readString(chart, StandardCharsets.UTF_8).contains("<polyline"));
    }

    @Test
    void faultsAreReportedAgainstTheirTarget() {
        Run run = run("sim", "--nodes", "50", "--puts", "5", "--gets", "30", "--loss", "0.1", "--churn", "0.2");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().contains("\n   50  0.10   0.20  "), run.out());
        assertTrue(run.out().contains("N=50 loss=0.10 churn=0.20: get success >= 99.00% with faults"), run.out());
    }

    @Test
    void badValuesAreUsageErrors() {
        assertUsageError("--loss must be in [0, 1); got 1.0", "sim", "--nodes", "100", "--loss", "1");
        assertUsageError("--churn must be in [0, 1); got -0.1", "sim", "--nodes", "100", "--churn", "-0.1");
        assertUsageError("--nodes must be at least 2 (a bootstrap node and a joiner); got 1", "sim", "--nodes",
                "1000,1");
        assertUsageError("--puts must be at least 1; got 0", "sim", "--nodes", "100", "--puts", "0");
        assertUsageError("--gets must be at least 1; got 0", "sim", "--nodes", "100", "--gets", "0");
        assertUsageError("invalid option: k must be in [1, 64]; got 65", "sim", "--nodes", "100", "--k", "65");
        assertUsageError("Missing required option: '--nodes=N[,N...]'", "sim");
        assertUsageError("Invalid value for option '--nodes'", "sim", "--nodes", "many");
        assertUsageError("Invalid value for option '--loss'", "sim", "--nodes", "100", "--loss", "ten percent");
    }

    private static void assertUsageError(String message, String... args) {
        Run run = run(args);
        assertEquals(ExitCodes.USAGE, run.code(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.err().contains("Usage: kademlia sim"), run.err());
        assertEquals("", run.out(), "nothing runs");
    }
}
