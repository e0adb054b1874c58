package dev.kademlia.api.spi;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings a {@link StoreProvider} opens a store with.
 *
 * @param dataDirectory  where a persistent store keeps its files; empty for stores that keep nothing
 * @param maxValueBytes  the largest value the store accepts
 */
public record StoreOptions(Optional<Path> dataDirectory, int maxValueBytes) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if {@code maxValueBytes} is not positive
     */
    public StoreOptions {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (maxValueBytes <= 0) {
            throw new IllegalArgumentException("maxValueBytes must be positive; got " + maxValueBytes);
        }
    }
}
