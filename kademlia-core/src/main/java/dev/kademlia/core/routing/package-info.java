/**
 * The Kademlia routing table, as a pure data structure owned by the node's event-loop thread.
 *
 * <p>A tour: {@link dev.kademlia.core.routing.RoutingTable} keeps 256 k-buckets, bucket {@code i} holding
 * the contacts at XOR distance {@code [2^i, 2^(i+1))} from the local id, least-recently seen first, each
 * with a bounded replacement cache (a package-private {@code KBucket}). The driver reports what it
 * observes ({@code seen} for a message received, {@code failed} for an RPC timed out) and gets back an
 * {@link dev.kademlia.core.routing.UpdateOutcome}; a full bucket answers
 * {@link dev.kademlia.core.routing.UpdateOutcome.Pending}, asking the driver to PING its least-recently
 * seen contact rather than evicting it. {@code closest} answers FIND_NODE from the bucket structure
 * without sorting the table; {@code touch} and {@code bucketsToRefresh} keep the paper's hourly bucket
 * refresh. {@link dev.kademlia.core.routing.RoutingEntry} and
 * {@link dev.kademlia.core.routing.BucketView} are immutable snapshots for callers and dumps.
 *
 * <p>Nothing here performs I/O, reads a clock (time is always an argument) or takes a lock.
 */
package dev.kademlia.core.routing;
