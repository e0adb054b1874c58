package dev.kademlia.cli;

import dev.kademlia.testkit.scale.HopsPlot;
import dev.kademlia.testkit.scale.ScaleConfig;
import dev.kademlia.testkit.scale.ScaleProgress;
import dev.kademlia.testkit.scale.ScaleResult;
import dev.kademlia.testkit.scale.ScaleSimulation;
import dev.kademlia.testkit.scale.ScaleTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kademlia sim}: the scale benchmark. Simulates whole networks of real nodes on virtual time (no
 * sockets), prints rounds and RPCs per lookup, get success, heap per node and simulation speed, and says
 * which of the benchmark's targets each run met. Exits 0 whenever the runs completed, met or not.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Simulate networks of N nodes on virtual time: nodes join one by one through a "
                + "bootstrap node, then puts and gets run from random nodes, optionally with message loss and "
                + "churn. Prints a table and the targets met.",
            "The run is deterministic for a seed, except wall-clock and heap figures."})
final class SimCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--nodes", required = true, split = ",", paramLabel = "N[,N...]",
            description = "Network sizes, at least 2 each; one run (and one row) per size, e.g. 1000,10000.")
    List<Integer> nodes = new ArrayList<>();

    @Option(names = "--loss", paramLabel = "FRACTION", defaultValue = "0",
            description = "Probability that any datagram is lost, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double loss;

    @Option(names = "--churn", paramLabel = "FRACTION", defaultValue = "0",
            description = "Fraction of the nodes that leave during the put/get phase, as many new ones joining, "
                    + "in [0, 1) (default: ${DEFAULT-VALUE}).")
    double churn;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of every random decision (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--puts", paramLabel = "P", defaultValue = "100",
            description = "Values put after the join phase, at least 1 (default: ${DEFAULT-VALUE}).")
    int puts;

    @Option(names = "--gets", paramLabel = "G", defaultValue = "1000",
            description = "Gets of those values from random nodes, at least 1 (default: ${DEFAULT-VALUE}).")
    int gets;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also write a chart of rounds per lookup against N to this SVG file.")
    Path svg;

    @Mixin
    NodeOptions options = new NodeOptions();

    @Override
    public Integer call() {
        List<ScaleConfig> configs = configs();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "kademlia sim: seed %d, k=%d, alpha=%d, RPC timeout %d ms, %d puts, %d gets, "
                        + "loss %.2f, churn %.2f; JVM heap limit %,d MiB, %d processors%n%n", seed, options.k,
                options.alpha, options.timeoutMillis, puts, gets, loss, churn,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        out.flush();
        List<ScaleResult> results = new ArrayList<>();
        for (ScaleConfig config : configs) {
            results.add(simulate(config, err));
        }
        out.print(ScaleTable.format(results));
        out.println();
        out.print(ScaleTable.formatDetails(results));
        out.println();
        out.println("targets:");
        out.print(ScaleTable.formatTargets(results));
        if (svg != null) {
            try {
                Files.writeString(svg, HopsPlot.svg(results), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandFailure("cannot write " + svg + ": " + e);
            }
            out.println();
            out.println("chart written to " + svg);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<ScaleConfig> configs() {
        CommandLine commandLine = spec.commandLine();
        for (int n : nodes) {
            if (n < 2) {
                throw new CommandLine.ParameterException(commandLine, "--nodes must be at least 2 (a bootstrap "
                        + "node and a joiner); got " + n);
            }
        }
        if (!(loss >= 0 && loss < 1)) {
            throw new CommandLine.ParameterException(commandLine, "--loss must be in [0, 1); got " + loss);
        }
        if (!(churn >= 0 && churn < 1)) {
            throw new CommandLine.ParameterException(commandLine, "--churn must be in [0, 1); got " + churn);
        }
        if (puts < 1) {
            throw new CommandLine.ParameterException(commandLine, "--puts must be at least 1; got " + puts);
        }
        if (gets < 1) {
            throw new CommandLine.ParameterException(commandLine, "--gets must be at least 1; got " + gets);
        }
        if (options.timeoutMillis < 1) {
            throw new CommandLine.ParameterException(commandLine, "--timeout-ms must be at least 1; got "
                    + options.timeoutMillis);
        }
        List<ScaleConfig> configs = new ArrayList<>();
        for (int n : nodes) {
            try {
                configs.add(ScaleConfig.defaults(n)
                        .withOperations(puts, gets)
                        .withFaults(loss, churn)
                        .withSeed(seed)
                        .withProtocol(options.k, options.alpha, options.timeout()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, "invalid option: " + e.getMessage());
            }
        }
        return configs;
    }

    private static ScaleResult simulate(ScaleConfig config, PrintWriter err) {
        long start = System.nanoTime();
        ScaleProgress progress = (phase, done, total, events, virtualMillis) -> {
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "sim N=%,d: %s %,d of %,d (%.1f s; %,d events, %,.0f per second; virtual "
                            + "time %,d s)%n", config.nodes(),
                    phase == ScaleProgress.Phase.JOIN ? "joined" : "operations", done, total, seconds, events,
                    events / Math.max(seconds, 1e-3), virtualMillis / 1000);
            err.flush();
        };
        try {
            return ScaleSimulation.run(config, progress);
        } catch (IllegalStateException e) {
            throw new CommandFailure("the simulation of " + config.nodes() + " nodes failed: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new CommandFailure("the simulation of " + config.nodes() + " nodes ran out of heap ("
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); give the JVM more with -Xmx");
        }
    }
}
