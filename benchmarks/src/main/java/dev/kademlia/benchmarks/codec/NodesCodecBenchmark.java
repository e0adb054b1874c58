package dev.kademlia.benchmarks.codec;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.core.protocol.DecodeResult;
import dev.kademlia.core.protocol.Envelope;
import dev.kademlia.core.protocol.MessageCodec;
import dev.kademlia.core.protocol.Nodes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The wire format of the FIND_NODE answer: encoding and decoding of an {@link Envelope} carrying a
 * {@link Nodes} reply, bytes in and objects out. Ours ({@link WireFormat#BINARY}, {@link MessageCodec}
 * with the default 1,400-byte datagram limit) runs beside the naive reference ({@link WireFormat#JSON},
 * the original Rust crate's choice, written and read with Jackson by {@link JsonNodesCodec}). The reply
 * carries {@code contacts} contacts (the paper's k = 20) and an 8-byte write token, as the node sends it.
 *
 * <p>Datagram sizes for 20 contacts: binary 835 bytes (IPv4) and 1,075 bytes (IPv6); JSON 2,330 bytes
 * (IPv4) and 2,827 bytes (IPv6) on average over the inputs (2,317 to 2,341 and 2,817 to 2,835), 2.8 and
 * 2.6 times as many, so a JSON reply of 20 contacts does not fit in the 1,400-byte limit.
 *
 * <p>Inputs: {@value #SIZE} seeded replies, each with its own transaction id, sender and contacts (random
 * ids, ports, and addresses in {@code 10.0.0.0/8} or the IPv6 documentation prefix
 * {@code 2001:db8::/32}), and their encodings in the format under test, prepared in {@link #setUp()} and
 * cycled with a masked index. Every format gets the same replies. {@code setUp} checks that every
 * datagram of every format decodes to the reply it was encoded from.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar NodesCodecBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NodesCodecBenchmark {

    /** How many replies the benchmark cycles through: a power of two. */
    public static final int SIZE = 1 << 8;

    private static final int MASK = SIZE - 1;

    /** The address family of every contact in a reply. */
    public enum Family {

        /** 4-byte addresses: 39 bytes a contact on the wire. */
        IPV4,

        /** 16-byte addresses: 51 bytes a contact on the wire. */
        IPV6
    }

    /** The number of contacts in a reply. */
    @Param({"20"})
    int contacts;

    /** The address family of the contacts. */
    @Param({"IPV4", "IPV6"})
    Family family;

    /** The wire format under test. */
    @Param({"BINARY", "JSON"})
    WireFormat format;

    private DatagramCodec codec;
    private Envelope[] envelopes;
    private byte[][] datagrams;

    /** Per-thread position in the inputs. */
    @State(Scope.Thread)
    public static class ThreadState {
        int index;
    }

    /** Prepares the replies and their datagrams, and checks that each round-trips in every format. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(8);
        envelopes = new Envelope[SIZE];
        datagrams = new byte[SIZE][];
        for (int i = 0; i < SIZE; i++) {
            List<Contact> list = new ArrayList<>(contacts);
            for (int c = 0; c < contacts; c++) {
                list.add(new Contact(Key.random(random),
                        new InetSocketAddress(address(random), 1024 + random.nextInt(65536 - 1024))));
            }
            byte[] token = new byte[8];
            random.nextBytes(token);
            envelopes[i] = new Envelope(random.nextLong(), Key.random(random), false, new Nodes(list, token));
        }
        for (WireFormat each : WireFormat.values()) {
            DatagramCodec candidate = each.prepare();
            for (int i = 0; i < SIZE; i++) {
                byte[] datagram = candidate.encode(envelopes[i]);
                DecodeResult decoded = candidate.decode(Arrays.copyOf(datagram, datagram.length));
                if (!(decoded instanceof DecodeResult.Decoded d && d.envelope().equals(envelopes[i]))) {
                    throw new IllegalStateException(each + ": reply " + i + " does not round-trip: " + decoded);
                }
                if (each == format) {
                    datagrams[i] = datagram;
                }
            }
        }
        codec = format.prepare();
    }

    private InetAddress address(SplittableRandom random) {
        byte[] ip;
        if (family == Family.IPV4) {
            ip = new byte[4];
            random.nextBytes(ip);
            ip[0] = 10;
        } else {
            ip = new byte[16];
            random.nextBytes(ip);
            ip[0] = 0x20;
            ip[1] = 0x01;
            ip[2] = 0x0d;
            ip[3] = (byte) 0xb8;
        }
        try {
            return InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes always make an address", e);
        }
    }

    /**
     * Encodes one reply.
     *
     * @param thread the position in the inputs
     * @return the datagram
     */
    @Benchmark
    public byte[] encode(ThreadState thread) {
        return codec.encode(envelopes[thread.index++ & MASK]);
    }

    /**
     * Decodes one datagram.
     *
     * @param thread the position in the inputs
     * @return the decoded reply
     */
    @Benchmark
    public DecodeResult decode(ThreadState thread) {
        return codec.decode(datagrams[thread.index++ & MASK]);
    }
}
