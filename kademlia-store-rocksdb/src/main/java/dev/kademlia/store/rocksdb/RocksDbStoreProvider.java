package dev.kademlia.store.rocksdb;

import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreOptions;
import dev.kademlia.api.spi.StoreProvider;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens {@link RocksDbStore}s; found by {@link java.util.ServiceLoader} under the name {@value #NAME}.
 * Stores are opened with {@link Durability#PROCESS_CRASH}; open a {@link RocksDbStore} directly for
 * another durability.
 */
public final class RocksDbStoreProvider implements StoreProvider {

    /** The name users select this provider by. */
    public static final String NAME = "rocksdb";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public RocksDbStoreProvider() {
    }

    /**
     * The provider's name.
     *
     * @return {@value #NAME}
     */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Opens, or creates, the store in {@code options.dataDirectory()}.
     *
     * @param options the settings; the data directory is required
     * @return the open store
     * @throws IllegalArgumentException if the options name no data directory
     * @throws dev.kademlia.api.spi.StoreException if the store cannot be opened; see
     *     {@link RocksDbStore#open(Path, int, Durability)}
     */
    @Override
    public Store open(StoreOptions options) {
        Objects.requireNonNull(options, "options");
        Path directory = options.dataDirectory().orElseThrow(() -> new IllegalArgumentException(
                "the rocksdb store needs a data directory: set StoreOptions.dataDirectory, or choose the "
                        + "memory store"));
        return RocksDbStore.open(directory, options.maxValueBytes(), Durability.PROCESS_CRASH);
    }

    @Override
    public String toString() {
        return "RocksDbStoreProvider[" + NAME + "]";
    }
}
