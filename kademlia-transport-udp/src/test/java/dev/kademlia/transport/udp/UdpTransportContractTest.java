package dev.kademlia.transport.udp;

import dev.kademlia.api.spi.Transport;
import dev.kademlia.api.spi.TransportOptions;
import dev.kademlia.testkit.contract.TransportContract;

import java.io.IOException;

/** The transport contract over IPv4 loopback. */
class UdpTransportContractTest extends TransportContract {

    @Override
    protected Transport openTransport() throws IOException {
        return new UdpTransportProvider().open(Loopback.ipv4AnyPort(), TransportOptions.defaults());
    }

    @Override
    protected void deliverPending() {
        // Datagrams arrive on each transport's receive thread; the contract's wait sees them.
    }
}
