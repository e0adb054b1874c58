/**
 * The Kademlia engine: routing table, iterative lookups, the protocol and its binary codec, the node
 * driver and its event loop, and the in-memory store. Users build nodes with
 * {@code dev.kademlia.core.Kademlia.builder()}.
 */
module dev.kademlia.core {
    requires transitive dev.kademlia.api;

    provides dev.kademlia.api.spi.StoreProvider with dev.kademlia.core.store.InMemoryStoreProvider;
}
