/**
 * Benchmarks of the iterative node lookup on a simulated network.
 *
 * <p>{@link dev.kademlia.benchmarks.lookup.LookupBenchmark} measures a full lookup, ours beside the naive
 * {@link dev.kademlia.benchmarks.lookup.LockstepLookup} (the original crate's lockstep rounds), selected
 * through {@link dev.kademlia.benchmarks.lookup.LookupAlgorithm}.
 */
package dev.kademlia.benchmarks.lookup;
