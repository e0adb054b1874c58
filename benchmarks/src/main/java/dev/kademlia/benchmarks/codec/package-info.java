/**
 * Benchmarks of the wire format.
 *
 * <p>A tour: {@link dev.kademlia.benchmarks.codec.NodesCodecBenchmark} encodes and decodes the FIND_NODE
 * answer, a {@code Nodes} reply of 20 contacts, the largest message a node sends for every lookup step.
 */
package dev.kademlia.benchmarks.codec;
