/**
 * The public API of the Kademlia DHT SDK: keys, contacts, the node interface, results and exceptions
 * ({@code dev.kademlia.api}), and the service-provider interfaces for transports, stores and scheduling
 * ({@code dev.kademlia.api.spi}).
 */
module dev.kademlia.api {
    exports dev.kademlia.api;
    exports dev.kademlia.api.spi;

    uses dev.kademlia.api.spi.TransportProvider;
    uses dev.kademlia.api.spi.StoreProvider;
}
