package dev.kademlia.benchmarks.udp;

import dev.kademlia.api.Contact;
import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.core.Kademlia;
import dev.kademlia.core.protocol.DecodeResult;
import dev.kademlia.core.protocol.Envelope;
import dev.kademlia.core.protocol.MessageCodec;
import dev.kademlia.core.protocol.Ping;
import dev.kademlia.core.protocol.Pong;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The UDP transport and the node behind it, on loopback:
 *
 * <ul>
 *   <li>{@link #pingRoundTrip}: one node PINGs another and waits for the PONG, through the whole stack
 *       (API call, event loop, codec, socket, the other node's receive loop, event loop and handler, and
 *       back): round trips per second.</li>
 *   <li>{@link #answeredRequests}: a raw client keeps {@value #WINDOW} PINGs in flight to one node and
 *       counts its PONGs: the requests per second one node answers (one receive thread, one event loop).
 *       mldht's README claims 20,000 packets per second on one Xeon core.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar UdpBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UdpBenchmark {

    /** PINGs the raw client keeps in flight. */
    public static final int WINDOW = 64;

    private KademliaNode server;
    private KademliaNode client;
    private InetSocketAddress serverAddress;
    private DatagramChannel raw;
    private byte[][] pings;
    private final ByteBuffer in = ByteBuffer.allocate(2048);
    private MessageCodec codec;

    /** Starts two nodes and a raw client socket on 127.0.0.1. */
    @Setup
    public void setUp() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        server = Kademlia.builder().bind(new InetSocketAddress(loopback, 0)).build();
        client = Kademlia.builder().bind(new InetSocketAddress(loopback, 0)).build();
        serverAddress = server.contact().address();
        Contact answered = client.ping(serverAddress).join();
        if (!answered.id().equals(server.id())) {
            throw new IllegalStateException("the server answered with another id");
        }
        raw = DatagramChannel.open();
        raw.bind(new InetSocketAddress(loopback, 0));
        raw.connect(serverAddress);
        codec = new MessageCodec(1400);
        pings = new byte[WINDOW][];
        for (int i = 0; i < WINDOW; i++) {
            pings[i] = codec.encode(new Envelope(i, Key.sha256("load generator"), true, new Ping()));
        }
    }

    /** Closes the nodes and the socket. */
    @TearDown
    public void tearDown() throws IOException {
        client.close();
        server.close();
        raw.close();
    }

    /**
     * One PING and its PONG through two full nodes.
     *
     * @return the answering contact
     */
    @Benchmark
    public Contact pingRoundTrip() {
        return client.ping(serverAddress).join();
    }

    /**
     * {@value #WINDOW} PINGs sent back to back, then their PONGs received: each operation is one request
     * answered.
     *
     * @return PONGs received
     * @throws IOException if the socket fails
     */
    @Benchmark
    @OperationsPerInvocation(WINDOW)
    public int answeredRequests() throws IOException {
        for (byte[] ping : pings) {
            raw.write(ByteBuffer.wrap(ping));
        }
        int pongs = 0;
        while (pongs < WINDOW) {
            in.clear();
            raw.read(in);
            in.flip();
            byte[] datagram = new byte[in.remaining()];
            in.get(datagram);
            if (codec.decode(datagram) instanceof DecodeResult.Decoded d && d.envelope().payload() instanceof Pong) {
                pongs++;
            }
        }
        return pongs;
    }
}
