package dev.kademlia.cli;

import dev.kademlia.dump.DumpFiles;
import dev.kademlia.dump.JsonDumps;
import dev.kademlia.dump.NodeDump;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kademlia dump}: asks a running {@code kademlia node} on this machine for its state, over the node's
 * loopback admin channel, and writes it as JSON, PlantUML, SVG and PNG.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {
            "Ask a running node on this machine for its state and write node.json, node.puml, node.svg and"
                    + " node.png into DIR.",
            "",
            "The state travels over the node's local admin channel: TCP on the loopback interface at the"
                    + " node's port (a node bound to another address listens on 127.0.0.1). Not over the Kademlia"
                    + " protocol: a dump is far larger than one UDP datagram, and a node's routing table and"
                    + " stored keys are not for the network to read."})
final class DumpCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--node", required = true, paramLabel = "HOST:PORT", converter = HostPort.class,
            description = "The node's address, as given to 'kademlia node --bind' (or as it printed).")
    InetSocketAddress node;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory to write into (created if missing; existing node.* files are replaced).")
    Path out;

    @Override
    public Integer call() {
        InetSocketAddress admin = adminAddress();
        String json;
        try {
            json = AdminChannel.requestDump(admin, TIMEOUT);
        } catch (ConnectException e) {
            throw new CommandFailure("no admin channel at " + ClientSession.format(admin)
                    + ": is a kademlia node running there?");
        } catch (SocketTimeoutException e) {
            throw new CommandFailure("the admin channel at " + ClientSession.format(admin) + " did not answer within "
                    + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new CommandFailure("the admin channel at " + ClientSession.format(admin) + " failed: "
                    + e.getMessage());
        }
        if (json.isBlank()) {
            throw new CommandFailure("the admin channel at " + ClientSession.format(admin)
                    + " closed the connection without an answer");
        }
        NodeDump dump;
        try {
            dump = JsonDumps.read(json, NodeDump.class);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("the node at " + ClientSession.format(admin) + " sent an unreadable dump: "
                    + e.getMessage());
        }
        List<Path> written;
        try {
            written = DumpFiles.write(out, "node", dump);
        } catch (IOException e) {
            throw new CommandFailure("cannot write into " + out + ": " + e.getMessage());
        }
        System.out.println("node " + dump.self().id() + ": " + dump.contactCount() + " contacts in "
                + dump.buckets().size() + " buckets, " + dump.storedKeys().size() + " stored keys");
        System.out.println("wrote " + written.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", ")) + " into " + out);
        return ExitCodes.OK;
    }

    /** The node's admin address: HOST if it is loopback; 127.0.0.1 if HOST is this machine; else a usage error. */
    private InetSocketAddress adminAddress() {
        InetAddress host = node.getAddress();
        if (node.getPort() == 0) {
            throw new ParameterException(spec.commandLine(), "--node needs the node's port; got port 0");
        }
        if (host.isLoopbackAddress()) {
            return node;
        }
        if (host.isAnyLocalAddress() || isLocal(host)) {
            return AdminChannel.addressFor(node);
        }
        throw new ParameterException(spec.commandLine(), "the admin channel listens on the loopback interface"
                + " only: run 'kademlia dump' on the machine of node " + ClientSession.format(node));
    }

    private static boolean isLocal(InetAddress host) {
        try {
            return NetworkInterface.getByInetAddress(host) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
