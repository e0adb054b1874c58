/**
 * The public API of the Kademlia DHT SDK.
 *
 * <p>A tour: {@link dev.kademlia.api.Key} is the 256-bit identifier shared by node ids and value keys, with
 * XOR {@link dev.kademlia.api.Distance}; a {@link dev.kademlia.api.Contact} is a node id with its address;
 * {@link dev.kademlia.api.KademliaNode} is the running node (put, get, the four RPCs and the iterative
 * lookups), built by {@code dev.kademlia.core.Kademlia.builder()}. Results are immutable values; faults
 * are subclasses of {@link dev.kademlia.api.KademliaException}.
 */
package dev.kademlia.api;
