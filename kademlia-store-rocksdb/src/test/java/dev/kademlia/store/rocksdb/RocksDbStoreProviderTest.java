package dev.kademlia.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.Providers;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreOptions;
import dev.kademlia.api.spi.StoreProvider;
import dev.kademlia.api.spi.StoredValue;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code rocksdb} provider, found the way a node finds it. */
class RocksDbStoreProviderTest {

    @TempDir
    Path directory;

    @Test
    void serviceLoaderFindsTheProviderByName() {
        StoreProvider provider = Providers.store("rocksdb").orElseThrow();
        assertInstanceOf(RocksDbStoreProvider.class, provider);
        assertEquals("rocksdb", provider.name());
    }

    @Test
    void opensAStoreInTheDataDirectoryWithTheValueLimit() {
        StoreOptions options = new StoreOptions(Optional.of(directory.resolve("store")), 10);
        try (Store store = new RocksDbStoreProvider().open(options)) {
            RocksDbStore rocks = assertInstanceOf(RocksDbStore.class, store);
            assertEquals(directory.resolve("store").toAbsolutePath().normalize(), rocks.directory());
            assertEquals(10, rocks.maxValueBytes());
            assertEquals(Durability.PROCESS_CRASH, rocks.durability());
            store.put(new StoredValue(Key.ZERO, new byte[10], StoredValue.NEVER, 0, false));
            assertEquals(1, store.size());
        }
    }

    @Test
    void aMissingDataDirectoryIsRefusedWithAMessage() {
        StoreOptions options = new StoreOptions(Optional.empty(), 1_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RocksDbStoreProvider().open(options));
        assertTrue(e.getMessage().contains("the rocksdb store needs a data directory"), e.getMessage());
    }
}
