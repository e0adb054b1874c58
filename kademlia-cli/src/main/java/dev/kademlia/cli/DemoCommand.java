package dev.kademlia.cli;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.PutResult;
import dev.kademlia.core.Kademlia;
import dev.kademlia.dump.DumpFiles;
import dev.kademlia.dump.LookupDump;
import dev.kademlia.dump.NetworkDump;
import dev.kademlia.dump.NodeDump;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kademlia demo}: the original library's example program. Starts nodes on 127.0.0.1, joins them into
 * one network, PUTs keys from the first node and GETs every key from every other node; with
 * {@code --dump-dir}, leaves the state of every node, the network graph and a traced lookup as JSON,
 * PlantUML and pictures.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a local network, put keys from one node, get them from all the others.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "10",
            description = "Nodes to start, at least 2 (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "10",
            description = "Keys to put (default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--dump-dir", paramLabel = "DIR",
            description = "After the puts and gets, write into DIR the state of every node (node-<i>.json, .puml,"
                    + " .svg, .png), the network graph (network.json, .puml, .dot, .svg, .png) and one traced"
                    + " value lookup (lookup.json, .puml, .svg, .png).")
    Path dumpDirectory;

    @Mixin
    NodeOptions options = new NodeOptions();

    @Override
    public Integer call() {
        if (nodes < 2 || nodes > 1000) {
            throw new CommandFailure("--nodes must be in [2, 1000]; got " + nodes);
        }
        if (keys < 1 || keys > 10_000) {
            throw new CommandFailure("--keys must be in [1, 10000]; got " + keys);
        }
        List<KademliaNode> network = new ArrayList<>();
        try {
            start(network);
            int code = exercise(network);
            if (dumpDirectory != null) {
                dump(network);
            }
            return code;
        } finally {
            network.forEach(KademliaNode::close);
        }
    }

    private void start(List<KademliaNode> network) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int i = 0; i < nodes; i++) {
            KademliaNode node;
            try {
                node = Kademlia.builder()
                        .bind(new InetSocketAddress(loopback, 0))
                        .k(options.k)
                        .alpha(options.alpha)
                        .rpcTimeout(options.timeout())
                        .build();
            } catch (UncheckedIOException e) {
                throw new CommandFailure("cannot start node " + i + ": " + e.getMessage());
            }
            network.add(node);
            if (i > 0) {
                try {
                    node.bootstrap(List.of(network.get(0).contact().address())).join();
                } catch (CompletionException e) {
                    throw new CommandFailure("node " + i + " could not join: " + e.getCause().getMessage());
                }
            }
            System.out.printf("node %2d  %s  %s%n", i, node.id().toShortString(16),
                    ClientSession.format(node.contact().address()));
        }
        System.out.printf("%d nodes joined%n%n", nodes);
    }

    private int exercise(List<KademliaNode> network) {
        KademliaNode publisher = network.get(0);
        int puts = 0;
        for (int i = 0; i < keys; i++) {
            long start = System.nanoTime();
            PutResult result = publisher.put("key-" + i, "value-" + i).join();
            System.out.printf("put  key-%d = value-%d  on %d nodes  (%.1f ms)%n", i, i, result.storedAt().size(),
                    (System.nanoTime() - start) / 1e6);
            if (!result.storedAt().isEmpty()) {
                puts++;
            }
        }
        System.out.println();
        List<Double> latencies = new ArrayList<>();
        int successes = 0;
        for (int n = 1; n < network.size(); n++) {
            for (int i = 0; i < keys; i++) {
                long start = System.nanoTime();
                Optional<String> value = network.get(n).get("key-" + i).join();
                double millis = (System.nanoTime() - start) / 1e6;
                latencies.add(millis);
                boolean ok = value.equals(Optional.of("value-" + i));
                if (ok) {
                    successes++;
                } else {
                    System.out.printf("get  key-%d from node %d: %s%n", i, n, value.orElse("<not found>"));
                }
            }
        }
        int gets = latencies.size();
        System.out.printf("get  %d keys from each of %d nodes: %d of %d returned the value put%n%n", keys,
                network.size() - 1, successes, gets);
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("summary: nodes=%d puts=%d gets=%d successes=%d median=%.2f ms p99=%.2f ms%n",
                network.size(), puts, gets, successes, percentile(sorted, 50), percentile(sorted, 99));
        return puts == keys && successes == gets ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /**
     * Writes every node's state, the network graph, and a traced lookup of the first key from the node
     * farthest from it (so the lookup has the most hops to show).
     */
    private void dump(List<KademliaNode> network) {
        try {
            List<NodeDump> dumps = new ArrayList<>();
            for (int i = 0; i < network.size(); i++) {
                NodeDump dump = NodeDump.capture(network.get(i)).join();
                dumps.add(dump);
                DumpFiles.write(dumpDirectory, "node-" + i, dump);
            }
            DumpFiles.write(dumpDirectory, "network", NetworkDump.of(dumps));
            Key target = Key.sha256("key-0");
            KademliaNode farthest = network.stream()
                    .max(Comparator.comparing(node -> node.id().distanceTo(target))).orElseThrow();
            LookupDump lookup = LookupDump.trace(farthest, target, true).join();
            DumpFiles.write(dumpDirectory, "lookup", lookup);
            int hops = lookup.stats().hops();
            System.out.printf("%ndumps written to %s: node-0 .. node-%d, network, and lookup (key-0 from node %d:"
                    + " %d %s, %d RPCs), each as .json .puml .svg .png (network also .dot)%n", dumpDirectory,
                    network.size() - 1, network.indexOf(farthest), hops, hops == 1 ? "hop" : "hops",
                    lookup.stats().rpcs());
        } catch (IOException e) {
            throw new CommandFailure("cannot write dumps into " + dumpDirectory + ": " + e.getMessage());
        } catch (CompletionException e) {
            throw new CommandFailure("dumping the demo network failed: " + e.getCause().getMessage());
        }
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
