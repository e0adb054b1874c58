package dev.kademlia.api.spi;

/**
 * Opens {@link Store}s. Implementations are found with {@link java.util.ServiceLoader} (declare them with
 * {@code provides} in {@code module-info.java} and in {@code META-INF/services} for class-path users); see
 * {@link Providers}.
 */
public interface StoreProvider {

    /**
     * The name users select this provider by, e.g. {@code memory} or {@code rocksdb}.
     *
     * @return a short lower-case name
     */
    String name();

    /**
     * Opens a store.
     *
     * @param options the settings
     * @return the store
     * @throws StoreException if the store cannot be opened (locked, corrupt, unreadable)
     */
    Store open(StoreOptions options);
}
