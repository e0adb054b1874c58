package dev.kademlia.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.core.Kademlia;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A live node fed 100,000 random and mutated datagrams keeps answering and keeps its data. The valid
 * datagrams the mutations start from are built from the documented wire format (docs/wire-format.md) and
 * from the node's own replies, so the mutations reach deep into the decoder and the request handler.
 */
class UdpHostileInputTest {

    private static final int DATAGRAMS = 100_000;

    @Test
    void garbageNeverHurtsANode() throws Exception {
        try (KademliaNode target = Kademlia.builder().bind(Loopback.ipv4AnyPort())
                        .rpcTimeout(Duration.ofMillis(500)).build();
                KademliaNode peer = Kademlia.builder().bind(Loopback.ipv4AnyPort())
                        .rpcTimeout(Duration.ofMillis(500)).build();
                DatagramChannel attacker = DatagramChannel.open()) {
            peer.bootstrap(List.of(target.contact().address())).get(30, TimeUnit.SECONDS);
            peer.put("survivor", "still here").get(30, TimeUnit.SECONDS);
            attacker.bind(Loopback.ipv4AnyPort());
            attacker.configureBlocking(false);
            InetSocketAddress to = target.contact().address();

            List<byte[]> seeds = validDatagrams(attacker, to);
            SplittableRandom random = new SplittableRandom(5);
            ByteBuffer sink = ByteBuffer.allocate(2048);
            for (int i = 0; i < DATAGRAMS; i++) {
                byte[] datagram = i % 4 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
                attacker.send(ByteBuffer.wrap(datagram), to);
                if (i % 64 == 0) {
                    Thread.sleep(0, 200_000); // let the receive loop keep up; loss would only weaken the test
                    while (attacker.receive(sink.clear()) != null) {
                        // drain the node's answers to mutated-but-valid requests
                    }
                }
            }

            assertEquals(target.id(), peer.ping(to).get(30, TimeUnit.SECONDS).id(), "the node still answers");
            assertEquals(Optional.of("still here"), target.get("survivor").get(30, TimeUnit.SECONDS),
                    "the node still holds its data");
            assertEquals(Optional.of("still here"), peer.get("survivor").get(30, TimeUnit.SECONDS));
            var stats = ((dev.kademlia.core.node.DhtNode) target).stats();
            assertTrue(stats.droppedMalformed() > DATAGRAMS / 2,
                    "most garbage is rejected by the codec and counted: " + stats);
        }
    }

    /** Hand-built requests of every type, and the node's replies to them. */
    private static List<byte[]> validDatagrams(DatagramChannel attacker, InetSocketAddress to) throws Exception {
        Key sender = Key.sha256("attacker");
        List<byte[]> requests = List.of(
                header(0x01, 1, sender).array(),
                header(0x03, 2, sender).put(Key.sha256("t").toBytes()).array(),
                header(0x04, 3, sender).put(Key.sha256("survivor").toBytes()).array(),
                store(sender, Key.sha256("x"), new byte[] {1, 2, 3}));
        List<byte[]> seeds = new ArrayList<>(requests);
        ByteBuffer in = ByteBuffer.allocate(2048);
        for (byte[] request : requests) {
            attacker.send(ByteBuffer.wrap(request), to);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seeds.size() < 2 * requests.size() && System.nanoTime() < deadline) {
            if (attacker.receive(in.clear()) != null) {
                in.flip();
                byte[] reply = new byte[in.remaining()];
                in.get(reply);
                seeds.add(reply);
            } else {
                Thread.sleep(5);
            }
        }
        assertEquals(2 * requests.size(), seeds.size(), "the node answers well-formed requests");
        return seeds;
    }

    private static ByteBuffer header(int type, long txid, Key sender) {
        int body = type == 0x03 || type == 0x04 ? 32 : 0;
        ByteBuffer b = ByteBuffer.allocate(45 + body);
        b.put((byte) 'K').put((byte) 'D').put((byte) 1).put((byte) type).put((byte) 0).putLong(txid);
        return b.put(sender.toBytes());
    }

    private static byte[] store(Key sender, Key key, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(45 + 39 + value.length);
        b.put((byte) 'K').put((byte) 'D').put((byte) 1).put((byte) 0x02).put((byte) 0).putLong(4);
        b.put(sender.toBytes()).put(key.toBytes()).putInt(3600).put((byte) 0);
        b.putShort((short) value.length).put(value);
        return b.array();
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] out = new byte[random.nextInt(0, 1500)];
        random.nextBytes(out);
        if (out.length > 2 && random.nextBoolean()) {
            out[0] = 'K'; // get past the magic, into the decoder proper
            out[1] = 'D';
            if (out.length > 3) {
                out[2] = 1;
            }
        }
        return out;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] out = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> { // flip a few bits
                for (int n = random.nextInt(1, 4); n > 0; n--) {
                    int i = random.nextInt(out.length);
                    out[i] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length)); // truncate
            case 2 -> { // extend with junk
                int extra = random.nextInt(1, 64);
                out = java.util.Arrays.copyOf(out, out.length + extra);
                for (int i = seed.length; i < out.length; i++) {
                    out[i] = (byte) random.nextInt(256);
                }
            }
            default -> { // overwrite one byte, often a length or type field
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            }
        }
        return out;
    }
}
