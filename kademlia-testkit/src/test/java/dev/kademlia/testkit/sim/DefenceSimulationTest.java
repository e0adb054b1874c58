package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.RemoteRejectedException;
import dev.kademlia.core.node.DhtNode;
import dev.kademlia.core.protocol.DecodeResult;
import dev.kademlia.core.protocol.Envelope;
import dev.kademlia.core.protocol.ErrorCode;
import dev.kademlia.core.protocol.ErrorReply;
import dev.kademlia.core.protocol.FindNode;
import dev.kademlia.core.protocol.MessageCodec;
import dev.kademlia.core.protocol.Nodes;
import dev.kademlia.core.protocol.Payload;
import dev.kademlia.core.protocol.Ping;
import dev.kademlia.core.protocol.Store;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Write tokens, per-address rate limits and store limits, against a scripted attacker. */
class DefenceSimulationTest {

    private static final MessageCodec CODEC = new MessageCodec(1400);
    private static final Key ATTACKER_ID = Key.sha256("attacker");

    /** A raw endpoint on the simulated network that sends hand-made messages and records the answers. */
    private static final class Attacker {
        final SimulatedTransport transport;
        final List<Payload> answers = new ArrayList<>();

        Attacker(SimulatedNetwork network) {
            transport = network.transport(network.nextAddress());
            transport.start((source, datagram) -> {
                if (CODEC.decode(datagram) instanceof DecodeResult.Decoded decoded) {
                    answers.add(decoded.envelope().payload());
                }
            });
        }

        void send(InetSocketAddress to, long txid, dev.kademlia.core.protocol.Request request) {
            transport.send(to, CODEC.encode(new Envelope(txid, ATTACKER_ID, true, request)));
        }
    }

    @Test
    void storeWithoutAValidTokenIsRefused() {
        SimulatedNetwork network = new SimulatedNetwork(41);
        try (SimulatedCluster cluster = SimulatedCluster.start(network, 20, builder -> { })) {
            DhtNode victim = (DhtNode) cluster.node(3);
            InetSocketAddress target = victim.contact().address();
            Key key = Key.sha256("forged");
            Attacker forger = new Attacker(network);
            Attacker accomplice = new Attacker(network);

            forger.send(target, 1, new Store(key, "evil".getBytes(StandardCharsets.UTF_8), 3600, new byte[0]));
            forger.send(target, 2, new Store(key, "evil".getBytes(StandardCharsets.UTF_8), 3600, new byte[8]));
            // A real token, but issued to another address: what a forged source address would carry.
            accomplice.send(target, 3, new FindNode(key));
            network.scheduler().runFor(Duration.ofSeconds(1));
            byte[] stolen = ((Nodes) accomplice.answers.get(0)).token();
            forger.send(target, 4, new Store(key, "evil".getBytes(StandardCharsets.UTF_8), 3600, stolen));
            network.scheduler().runFor(Duration.ofSeconds(1));

            assertEquals(3, forger.answers.size());
            for (Payload answer : forger.answers) {
                assertEquals(ErrorCode.INVALID_TOKEN, ((ErrorReply) answer).code());
            }
            assertEquals(Optional.empty(), victim.store().get(key, network.scheduler().nowMillis()));
            assertEquals(3, victim.stats().storesRefused());

            // The accomplice's own token works from its own address: tokens bind to the address.
            accomplice.send(target, 5, new Store(key, "fine".getBytes(StandardCharsets.UTF_8), 3600, stolen));
            network.scheduler().runFor(Duration.ofSeconds(1));
            assertTrue(victim.store().get(key, network.scheduler().nowMillis()).isPresent());
        }
    }

    @Test
    void floodFromOneAddressIsThrottledWhileOthersAreServed() {
        SimulatedNetwork network = new SimulatedNetwork(42);
        try (SimulatedCluster cluster = SimulatedCluster.start(network, 30, builder -> builder
                .limitLocalAddresses(true) // the simulated network uses private 10.x addresses
                .requestRateLimit(100))) {
            DhtNode victim = (DhtNode) cluster.node(4);
            InetSocketAddress target = victim.contact().address();
            cluster.await(cluster.node(8).put("served", "yes"));
            Attacker flooder = new Attacker(network);
            // 5,000 PINGs over one virtual second, interleaved with honest traffic.
            for (int i = 0; i < 5_000; i++) {
                flooder.send(target, i, new Ping());
                if (i % 50 == 0) {
                    network.scheduler().runFor(Duration.ofMillis(10));
                }
            }
            KademliaNode honest = cluster.node(20);
            assertEquals(victim.id(), cluster.await(honest.ping(target)).id(), "other nodes are still answered");
            assertEquals(Optional.of("yes"), cluster.await(victim.get("served")));
            network.scheduler().runFor(Duration.ofSeconds(1));

            // A burst of 200, then 100 per second for about a second.
            assertTrue(flooder.answers.size() <= 200 + 110, "answered " + flooder.answers.size());
            assertTrue(flooder.answers.size() >= 200, "the burst is answered: " + flooder.answers.size());
            assertTrue(victim.stats().droppedRateLimited() >= 4_600, victim.stats().toString());
        }
    }

    @Test
    void storesPastTheLimitsAreRefusedAndTheNodeStaysHealthy() {
        SimulatedNetwork network = new SimulatedNetwork(43);
        try (SimulatedCluster cluster = SimulatedCluster.start(network, 5, builder -> builder.storeLimits(3, 1_000))) {
            KademliaNode client = cluster.node(0);
            KademliaNode small = cluster.node(1);
            for (int i = 0; i < 3; i++) {
                cluster.await(client.store(small.contact(), Key.sha256("k" + i), new byte[10]));
            }
            CompletionException full = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> cluster.await(client.store(small.contact(), Key.sha256("k3"), new byte[10])));
            RemoteRejectedException rejected = assertInstanceOf(RemoteRejectedException.class, full.getCause());
            assertEquals(ErrorCode.STORE_FULL.wireCode(), rejected.code());
            assertTrue(rejected.getMessage().contains("at most 3 values"), rejected.getMessage());

            cluster.await(client.store(small.contact(), Key.sha256("k0"), new byte[20])); // overwrites are fine
            CompletionException bytes = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> cluster.await(client.store(small.contact(), Key.sha256("k1"), new byte[995])));
            assertTrue(bytes.getCause().getMessage().contains("at most 1,000 bytes"), bytes.getCause().getMessage());

            assertEquals(small.id(), cluster.await(client.ping(small.contact().address())).id());
            assertEquals(3, ((DhtNode) small).store().size());
        }
    }
}
