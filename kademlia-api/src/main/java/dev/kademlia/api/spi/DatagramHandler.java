package dev.kademlia.api.spi;

import java.net.InetSocketAddress;

/** Receives the datagrams a {@link Transport} delivers. */
@FunctionalInterface
public interface DatagramHandler {

    /**
     * Called once per received datagram.
     *
     * @param source   the sender's address
     * @param datagram the bytes, owned by the handler from now on
     */
    void onDatagram(InetSocketAddress source, byte[] datagram);
}
