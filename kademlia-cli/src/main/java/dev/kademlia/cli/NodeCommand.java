package dev.kademlia.cli;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.LookupResult;
import dev.kademlia.api.spi.StoreException;
import dev.kademlia.core.Kademlia;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kademlia node}: a long-running node that stops cleanly on SIGINT or SIGTERM. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Run a node until interrupted (Ctrl-C or SIGTERM).")
final class NodeCommand implements Callable<Integer> {

    @Option(names = "--bind", required = true, paramLabel = "HOST:PORT", converter = HostPort.class,
            description = "Address to listen on (port 0 picks a free port).")
    InetSocketAddress bind;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", converter = HostPort.class,
            description = "A node to join through; repeatable.")
    List<InetSocketAddress> bootstrap = new ArrayList<>();

    @Option(names = "--store", paramLabel = "NAME", defaultValue = "memory",
            description = "Store: memory or rocksdb (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory of a persistent store.")
    Path dataDirectory;

    @Mixin
    NodeOptions options = new NodeOptions();

    @Override
    public Integer call() throws InterruptedException {
        Kademlia builder = Kademlia.builder()
                .bind(bind)
                .store(store)
                .k(options.k)
                .alpha(options.alpha)
                .rpcTimeout(options.timeout());
        if (dataDirectory != null) {
            builder.dataDirectory(dataDirectory);
        }
        KademliaNode node;
        try {
            node = builder.build();
        } catch (UncheckedIOException | IllegalStateException | StoreException e) {
            throw new CommandFailure(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            System.out.println("node " + node.id() + " stopped");
            stopped.countDown();
        }, "kademlia-shutdown"));
        System.out.println("node " + node.id() + " listening on " + ClientSession.format(node.contact().address()));
        if (!bootstrap.isEmpty()) {
            try {
                LookupResult joined = node.bootstrap(bootstrap).join();
                System.out.println("joined through " + bootstrap.size() + " bootstrap node(s); "
                        + joined.closest().size() + " neighbours found");
            } catch (CompletionException e) {
                System.err.println("warning: could not join yet: " + e.getCause().getMessage()
                        + "; waiting for peers to contact this node");
            }
        }
        stopped.await();
        return ExitCodes.OK;
    }
}
