/**
 * Benchmarks of the wire format.
 *
 * <p>A tour: {@link dev.kademlia.benchmarks.codec.NodesCodecBenchmark} encodes and decodes the FIND_NODE
 * answer, a {@code Nodes} reply of 20 contacts, the largest message a node sends for every lookup step, in
 * one {@link dev.kademlia.benchmarks.codec.WireFormat}: ours, binary, or the naive reference, JSON
 * ({@link dev.kademlia.benchmarks.codec.JsonNodesCodec}). Both formats implement
 * {@link dev.kademlia.benchmarks.codec.DatagramCodec}.
 */
package dev.kademlia.benchmarks.codec;
