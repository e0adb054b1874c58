/**
 * Benchmarks of the XOR metric on keys.
 *
 * <p>A tour: {@link dev.kademlia.benchmarks.key.KeyDistanceBenchmark} measures the distance of two keys
 * and the comparison of two keys by distance to a target;
 * {@link dev.kademlia.benchmarks.key.BucketIndexBenchmark} measures the k-bucket index. Both take a
 * {@link dev.kademlia.benchmarks.key.KeyModel} parameter that puts our
 * {@link dev.kademlia.api.Key} beside the naive references
 * ({@link dev.kademlia.benchmarks.key.ByteArrayKeys}, the original Rust crate's layout, and
 * {@link dev.kademlia.benchmarks.key.BigIntegerKeys}), on the seeded inputs of
 * {@link dev.kademlia.benchmarks.key.KeyInputs}.
 */
package dev.kademlia.benchmarks.key;
