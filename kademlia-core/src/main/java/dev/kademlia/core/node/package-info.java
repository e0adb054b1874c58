/**
 * The node driver: {@link dev.kademlia.core.node.DhtNode} owns a node's mutable state on one event loop
 * ({@link dev.kademlia.core.node.EventLoop} in production, a virtual-time scheduler in simulations), turns
 * datagrams into calls on the routing table and the lookups, and answers requests
 * ({@code RequestHandler}). Lookups run as {@code LookupTask}s over the pure state machine of
 * {@code dev.kademlia.core.lookup}; outstanding requests are paired with responses by transaction id and
 * source address; write tokens guard STORE.
 */
package dev.kademlia.core.node;
