/** The UDP transport: moves the datagrams of the Kademlia wire format over NIO datagram channels. */
module dev.kademlia.transport.udp {
    requires dev.kademlia.api;
}
