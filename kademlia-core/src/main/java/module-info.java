/**
 * The Kademlia engine: routing table, iterative lookups, the protocol and its binary codec, the node
 * driver and its event loop, and the in-memory store. Users build nodes with
 * {@link dev.kademlia.core.Kademlia#builder()}.
 */
@SuppressWarnings("module") // qualified exports name modules built after this one
module dev.kademlia.core {
    requires transitive dev.kademlia.api;

    exports dev.kademlia.core;
    exports dev.kademlia.core.node to dev.kademlia.dump, dev.kademlia.testkit, dev.kademlia.cli;
    exports dev.kademlia.core.routing to dev.kademlia.dump, dev.kademlia.testkit;
    exports dev.kademlia.core.protocol to dev.kademlia.dump, dev.kademlia.testkit;

    provides dev.kademlia.api.spi.StoreProvider with dev.kademlia.core.store.InMemoryStoreProvider;
}
