package dev.kademlia.testkit.contract;

import dev.kademlia.api.spi.Providers;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreOptions;
import java.util.Optional;

/**
 * Runs the store contract against the default in-memory store, found the way nodes find it: through
 * {@link Providers} by its name.
 */
class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected Store newStore(int maxValueBytes) {
        return Providers.store("memory")
                .orElseThrow(() -> new AssertionError("no store provider named memory"))
                .open(new StoreOptions(Optional.empty(), maxValueBytes));
    }
}
