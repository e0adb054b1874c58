/**
 * JMH benchmarks of the {@link dev.kademlia.api.spi.Store} implementations: {@code StoreBenchmark} measures
 * put and get throughput of the in-memory store and the RocksDB store for several value sizes.
 */
package dev.kademlia.benchmarks.store;
