package dev.kademlia.core.store;

import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreOptions;
import dev.kademlia.api.spi.StoreProvider;
import java.util.Objects;

/**
 * Offers {@link InMemoryStore} to {@link java.util.ServiceLoader} under the name {@value #NAME}. The
 * store keeps no files, so {@link StoreOptions#dataDirectory()} is ignored, and it holds any number of
 * entries.
 */
public final class InMemoryStoreProvider implements StoreProvider {

    /** The name this provider is selected by. */
    public static final String NAME = "memory";

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public InMemoryStoreProvider() {
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
     * Opens an empty in-memory store with the options' value size limit and no entry limit.
     *
     * @param options the settings; the data directory is ignored
     * @return a new, empty store
     */
    @Override
    public Store open(StoreOptions options) {
        Objects.requireNonNull(options, "options");
        return new InMemoryStore(options.maxValueBytes());
    }
}
