package dev.kademlia.cli;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.NoRouteException;
import dev.kademlia.core.Kademlia;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * A short-lived client node for {@code put} and {@code get}: binds an ephemeral port on the address family
 * of the bootstrap node, joins in client mode (peers answer it without adding it to their routing tables)
 * and is closed when the command ends.
 */
final class ClientSession implements AutoCloseable {

    private final KademliaNode node;

    private ClientSession(KademliaNode node) {
        this.node = node;
    }

    /**
     * Starts the client and joins through {@code bootstrap}.
     *
     * @throws CommandFailure if the bootstrap node does not answer
     */
    static ClientSession join(InetSocketAddress bootstrap, NodeOptions options) {
        InetAddress local = bootstrap.getAddress().isLoopbackAddress()
                ? bootstrap.getAddress()
                : new InetSocketAddress(0).getAddress();
        KademliaNode node;
        try {
            node = Kademlia.builder()
                    .bind(new InetSocketAddress(local, 0))
                    .clientMode(true)
                    .k(options.k)
                    .alpha(options.alpha)
                    .rpcTimeout(options.timeout())
                    .build();
        } catch (UncheckedIOException e) {
            throw new CommandFailure("cannot open a UDP socket: " + e.getMessage());
        }
        try {
            node.bootstrap(List.of(bootstrap)).join();
        } catch (CompletionException e) {
            node.close();
            if (e.getCause() instanceof NoRouteException) {
                throw new CommandFailure("cannot reach the bootstrap node " + format(bootstrap)
                        + ": no answer within " + options.timeoutMillis + " ms");
            }
            throw new CommandFailure("joining through " + format(bootstrap) + " failed: " + e.getCause().getMessage());
        }
        return new ClientSession(node);
    }

    KademliaNode node() {
        return node;
    }

    static String format(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    @Override
    public void close() {
        node.close();
    }
}
