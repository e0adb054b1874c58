/**
 * A persistent {@link dev.kademlia.api.spi.Store} on RocksDB, so that a node's values, its id and its
 * routing contacts survive a restart.
 *
 * <p>A tour: {@link dev.kademlia.store.rocksdb.RocksDbStore} is the store, opened on a directory with
 * {@code RocksDbStore.open(directory, maxValueBytes)} or through
 * {@link dev.kademlia.store.rocksdb.RocksDbStoreProvider} (name {@code rocksdb}, found by
 * {@link java.util.ServiceLoader}). {@link dev.kademlia.store.rocksdb.Durability} chooses what an
 * acknowledged write survives: a crash of the process (the default) or a power loss. Inside, a
 * package-private {@code EntryCodec} owns the byte layout (described in {@code docs/storage-layout.md}),
 * {@code StoreDatabase} opens RocksDB with the column families and owns every native object,
 * {@code DataDirectory} refuses to create a new database over a damaged one, and {@code RocksDbFailures}
 * maps RocksDB's errors onto {@link dev.kademlia.api.spi.StoreException.Reason}.
 */
package dev.kademlia.store.rocksdb;
