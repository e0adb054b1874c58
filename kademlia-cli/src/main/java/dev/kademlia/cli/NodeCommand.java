package dev.kademlia.cli;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.LookupResult;
import dev.kademlia.api.spi.StoreException;
import dev.kademlia.core.Kademlia;
import dev.kademlia.dump.JsonDumps;
import dev.kademlia.dump.NodeDump;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kademlia node}: a long-running node that stops cleanly on SIGINT or SIGTERM, with a local admin
 * channel for {@code kademlia dump}.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run a node until interrupted (Ctrl-C or SIGTERM).",
            "The node also listens on TCP at the same port on the loopback interface (127.0.0.1 unless --bind is"
                    + " a loopback address), where 'kademlia dump' asks for its state."})
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
        Optional<AdminChannel> admin = openAdminChannel(node);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            admin.ifPresent(AdminChannel::close);
            node.close();
            System.out.println("node " + node.id() + " stopped");
            stopped.countDown();
        }, "kademlia-shutdown"));
        System.out.println("node " + node.id() + " listening on " + ClientSession.format(node.contact().address()));
        admin.ifPresent(channel -> System.out.println("admin channel on " + ClientSession.format(channel.address())
                + " (TCP, loopback only): kademlia dump --node " + ClientSession.format(channel.address())
                + " --out DIR"));
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

    /**
     * Opens the local admin channel that {@code kademlia dump} asks for the node's state; a node whose
     * admin port is taken runs without one, and says so.
     */
    private static Optional<AdminChannel> openAdminChannel(KademliaNode node) {
        InetSocketAddress address = AdminChannel.addressFor(node.contact().address());
        try {
            return Optional.of(AdminChannel.open(address,
                    () -> JsonDumps.write(NodeDump.capture(node).orTimeout(10, TimeUnit.SECONDS).join())));
        } catch (IOException e) {
            System.err.println("warning: no admin channel, 'kademlia dump' cannot reach this node: TCP "
                    + ClientSession.format(address) + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
