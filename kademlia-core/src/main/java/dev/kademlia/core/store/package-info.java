/**
 * The default {@link dev.kademlia.api.spi.Store}: {@link dev.kademlia.core.store.InMemoryStore}, a
 * thread-safe map that keeps nothing across restarts, and {@link dev.kademlia.core.store.InMemoryStoreProvider},
 * which offers it to {@link java.util.ServiceLoader} under the name {@code memory}.
 *
 * <p>Expiry follows the {@code Store} contract: times are passed in, never read, so the store behaves the
 * same under the simulation's virtual clock as under the wall clock. An expired entry is hidden from
 * {@code get} and {@code forEach} at once and its memory is reclaimed by {@code removeExpired}, which the
 * node calls periodically (the paper's values live 24 hours unless republished).
 */
package dev.kademlia.core.store;
