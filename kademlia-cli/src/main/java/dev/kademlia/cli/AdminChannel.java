package dev.kademlia.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The local admin channel of a {@code kademlia node}: TCP on the loopback interface, at the node's UDP port.
 * A client sends one line, {@code DUMP}, and reads the node's JSON state dump until the server closes the
 * connection; any other line gets {@code ERROR ...}.
 *
 * <p>Why not the Kademlia protocol: a dump is far larger than a 1,400-byte datagram, and a node's routing
 * table and stored keys are not for anyone on the network to read. Loopback TCP keeps the state on the
 * node's machine (readable by its local users, as any local port is), needs no change to the wire format,
 * and streams any size.
 */
final class AdminChannel implements AutoCloseable {

    /** The one request. */
    static final String DUMP = "DUMP";

    /** What an error answer starts with. */
    static final String ERROR = "ERROR ";

    private static final System.Logger LOG = System.getLogger(AdminChannel.class.getName());
    private static final int MAX_REQUEST_BYTES = 256;
    private static final int REQUEST_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket server;
    private final Supplier<String> dump;
    private final Thread acceptor;

    private AdminChannel(ServerSocket server, Supplier<String> dump) {
        this.server = server;
        this.dump = dump;
        this.acceptor = new Thread(this::serve, "kademlia-admin");
        acceptor.setDaemon(true);
    }

    /**
     * Where the admin channel of a node bound to {@code nodeAddress} listens: the same host if it is a
     * loopback address, else 127.0.0.1; the same port.
     */
    static InetSocketAddress addressFor(InetSocketAddress nodeAddress) {
        InetAddress host = nodeAddress.getAddress();
        return new InetSocketAddress(host.isLoopbackAddress() ? host : InetAddress.getLoopbackAddress(),
                nodeAddress.getPort());
    }

    /**
     * Starts listening.
     *
     * @param address a loopback address
     * @param dump    produces the JSON dump, on the admin thread
     * @throws IOException if the port is taken
     */
    static AdminChannel open(InetSocketAddress address, Supplier<String> dump) throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the admin channel listens on loopback only; got " + address);
        }
        ServerSocket server = new ServerSocket();
        try {
            server.bind(address, 8);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        AdminChannel channel = new AdminChannel(server, dump);
        channel.acceptor.start();
        return channel;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
                answer(client);
            } catch (SocketException closed) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "admin connection failed", closed);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "admin request failed", e);
            }
        }
    }

    private void answer(Socket client) throws IOException {
        String request = readLine(client.getInputStream());
        String response;
        if (DUMP.equals(request)) {
            try {
                response = dump.get();
            } catch (RuntimeException e) {
                response = ERROR + "the node could not take a dump: " + e.getMessage() + "\n";
            }
        } else {
            response = ERROR + "unknown request '" + request + "'; the only request is " + DUMP + "\n";
        }
        OutputStream out = client.getOutputStream();
        out.write(response.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (line.size() == MAX_REQUEST_BYTES) {
                break;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8).strip();
    }

    /**
     * Asks the admin channel at {@code address} for the node's dump.
     *
     * @param address the admin channel
     * @param timeout for connecting and for each read
     * @return the JSON text
     * @throws java.net.ConnectException if nothing listens there
     * @throws IOException               on other I/O failures, or an {@code ERROR} answer
     */
    static String requestDump(InetSocketAddress address, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write((DUMP + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (response.startsWith(ERROR)) {
                throw new IOException(response.substring(ERROR.length()).strip());
            }
            return response;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
