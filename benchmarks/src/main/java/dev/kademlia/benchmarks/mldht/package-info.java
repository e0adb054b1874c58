/**
 * The same operations on mldht (the Java BitTorrent DHT, as shipped in bt-dht 1.9), for comparison.
 *
 * <p>A tour: {@link dev.kademlia.benchmarks.mldht.MldhtKeys} cuts our 256-bit keys to mldht's 160;
 * {@link dev.kademlia.benchmarks.mldht.MldhtKeyBenchmark} runs mldht's distance and distance comparison
 * beside ours, on the inputs of {@code KeyDistanceBenchmark};
 * {@link dev.kademlia.benchmarks.mldht.MldhtTable} builds an mldht routing table holding the contacts of our
 * table, and
 * {@link dev.kademlia.benchmarks.mldht.MldhtClosestBenchmark} runs mldht's FIND_NODE search on it with the
 * targets of {@code ClosestBenchmark}.
 */
package dev.kademlia.benchmarks.mldht;
