/**
 * A persistent store backed by RocksDB: provides the {@code rocksdb}
 * {@link dev.kademlia.api.spi.StoreProvider}.
 */
module dev.kademlia.store.rocksdb {
    requires transitive dev.kademlia.api;
    requires rocksdbjni;

    exports dev.kademlia.store.rocksdb;

    provides dev.kademlia.api.spi.StoreProvider with dev.kademlia.store.rocksdb.RocksDbStoreProvider;
}
