package dev.kademlia.transport.udp;

import dev.kademlia.api.spi.Transport;
import dev.kademlia.api.spi.TransportOptions;
import dev.kademlia.testkit.contract.TransportContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;

/** The transport contract over IPv6 loopback, skipped where {@code ::1} cannot be bound. */
class UdpTransportIpv6ContractTest extends TransportContract {

    @BeforeAll
    static void requireIpv6Loopback() {
        Assumptions.assumeTrue(Loopback.ipv6Available(), "no IPv6 loopback ([::1]) on this machine");
    }

    @Override
    protected Transport openTransport() throws IOException {
        return new UdpTransportProvider().open(Loopback.ipv6AnyPort(), TransportOptions.defaults());
    }

    @Override
    protected void deliverPending() {
        // Datagrams arrive on each transport's receive thread; the contract's wait sees them.
    }
}
