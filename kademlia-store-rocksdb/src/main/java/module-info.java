/** A persistent store backed by RocksDB. */
module dev.kademlia.store.rocksdb {
    requires dev.kademlia.api;
    requires rocksdbjni;
}
