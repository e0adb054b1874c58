/**
 * The entry point: {@link dev.kademlia.core.Kademlia#builder()} builds a running
 * {@link dev.kademlia.api.KademliaNode}.
 *
 * <p>A tour of the engine behind it (internal packages, not exported): {@code routing} holds the 256
 * k-buckets and their replacement caches; {@code lookup} the paper's iterative lookup as a pure state
 * machine; {@code protocol} the messages and their binary codec; {@code node} the driver that connects
 * them to a transport, a store and a scheduler; {@code store} the in-memory store.
 */
package dev.kademlia.core;
