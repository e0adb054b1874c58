package dev.kademlia.store.rocksdb;

import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreOptions;
import dev.kademlia.testkit.contract.StoreContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The RocksDB store, opened through its provider, passes the contract every store passes. */
class RocksDbStoreContractTest extends StoreContract {

    @TempDir
    Path directory;

    private int opened;

    @Override
    protected Store newStore(int maxValueBytes) {
        return new RocksDbStoreProvider().open(
                new StoreOptions(Optional.of(directory.resolve("store-" + opened++)), maxValueBytes));
    }
}
