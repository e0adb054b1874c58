package dev.kademlia.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that work through a short-lived client node: where to join, and how. */
final class ClientOptions {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", converter = HostPort.class,
            description = "A node of the network.")
    InetSocketAddress bootstrap;

    @Mixin
    NodeOptions node = new NodeOptions();

    /**
     * Starts the client node and joins through {@code --bootstrap}.
     *
     * @throws CommandFailure if the bootstrap node does not answer
     */
    ClientSession join() {
        return ClientSession.join(bootstrap, node);
    }
}
