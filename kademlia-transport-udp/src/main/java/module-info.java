/**
 * The UDP transport: moves the datagrams of the Kademlia wire format over NIO datagram channels.
 * Found by {@link java.util.ServiceLoader} under the name {@code udp}.
 */
module dev.kademlia.transport.udp {
    requires transitive dev.kademlia.api;

    exports dev.kademlia.transport.udp;

    provides dev.kademlia.api.spi.TransportProvider with dev.kademlia.transport.udp.UdpTransportProvider;
}
