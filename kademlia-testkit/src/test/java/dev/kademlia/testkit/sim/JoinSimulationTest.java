package dev.kademlia.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.LookupResult;
import dev.kademlia.api.spi.DatagramHandler;
import dev.kademlia.api.spi.Transport;
import dev.kademlia.core.Kademlia;
import dev.kademlia.core.node.DhtNode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Joining when the network loses exactly the answers that matter. */
class JoinSimulationTest {

    /**
     * A transport that loses every datagram arriving while the node's sent-datagram count is within
     * {@code [firstLost, lastLost]}: it sends through the simulated network and counts what it sends.
     */
    private static final class LosingAnswers implements Transport {

        private final SimulatedTransport inner;
        private final int firstLost;
        private final int lastLost;
        private int sent;
        int lost;

        LosingAnswers(SimulatedTransport inner, int firstLost, int lastLost) {
            this.inner = inner;
            this.firstLost = firstLost;
            this.lastLost = lastLost;
        }

        @Override
        public void start(DatagramHandler handler) {
            inner.start((source, datagram) -> {
                if (sent >= firstLost && sent <= lastLost) {
                    lost++;
                    return;
                }
                handler.onDatagram(source, datagram);
            });
        }

        @Override
        public void send(InetSocketAddress destination, byte[] datagram) {
            sent++;
            inner.send(destination, datagram);
        }

        @Override
        public InetSocketAddress localAddress() {
            return inner.localAddress();
        }

        @Override
        public int maxDatagramBytes() {
            return inner.maxDatagramBytes();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void aJoinWhoseFirstLookupHearsNothingTriesAgain() {
        SimulatedNetwork network = new SimulatedNetwork(5);
        try (SimulatedCluster cluster = SimulatedCluster.start(network, 60, builder -> { })) {
            // Datagram 1 is the PING of the seed, whose PONG arrives; datagrams 2 to 5 are the FIND_NODE of
            // the node's own id and its three retransmissions, whose every answer is lost.
            LosingAnswers transport = new LosingAnswers(network.transport(network.nextAddress()), 2, 5);
            KademliaNode node = Kademlia.builder()
                    .scheduler(network.scheduler())
                    .transport(transport)
                    .random(new SplittableRandom(6))
                    .maxRetransmits(3)
                    .build();
            try {
                LookupResult joined = cluster.await(
                        node.bootstrap(List.of(cluster.node(0).contact().address())));

                assertEquals(4, transport.lost, "the four answers to the first FIND_NODE were lost");
                assertEquals(20, joined.closest().size(), "the second lookup found a full neighbourhood");
                assertTrue(((DhtNode) node).routingTable().size() >= 20,
                        "the node knows " + ((DhtNode) node).routingTable().size() + " contacts");
                long knownBy = cluster.nodes().stream()
                        .filter(n -> ((DhtNode) n).routingTable().contains(node.id()))
                        .count();
                assertTrue(knownBy >= 20, "only " + knownBy + " nodes know the newcomer");
            } finally {
                node.close();
            }
        }
    }
}
