/**
 * Contract tests written once and run against every provider, the way Netty runs one datagram suite over
 * NIO and epoll. Each is an abstract JUnit 5 class; a provider's module subclasses it in its own tests and
 * implements one factory method.
 *
 * <ul>
 *   <li>{@link dev.kademlia.testkit.contract.StoreContract} checks a {@link dev.kademlia.api.spi.Store}:
 *       put, replace, remove, expiry at exactly the expiry time, sweeping, the value size limit, round
 *       trips of every field, concurrent writers and closing. The in-memory store of {@code kademlia-core}
 *       and the RocksDB store both pass it.</li>
 *   <li>{@code TransportContract} does the same for a {@link dev.kademlia.api.spi.Transport}.</li>
 * </ul>
 *
 * <p>Test methods are public so that JUnit can run them from a subclass in another module without this
 * package being opened to it.
 */
package dev.kademlia.testkit.contract;
