/**
 * The iterative lookup of Kademlia (Maymounkov and Mazières, 2002, section 2.3) as a pure state machine.
 *
 * <p>A tour:
 * <ul>
 *   <li>{@link dev.kademlia.core.lookup.LookupParameters}: {@code k} (results wanted), {@code alpha}
 *       (parallelism) and the time after which a silent peer stops holding up the lookup.</li>
 *   <li>{@link dev.kademlia.core.lookup.ClosestPeersLookup}: the lookup itself. It keeps the candidates
 *       ordered by XOR distance to the target with each one's state (not contacted, waiting, unresponsive,
 *       failed, succeeded), and its "Implementation notes" explain how the paper's procedure maps onto
 *       it. It never sends anything and never reads a clock: time is an argument.</li>
 *   <li>{@link dev.kademlia.core.lookup.LookupStep}: what the lookup asks for next: query a peer, wait
 *       (until a deadline or a response), wait at capacity, or nothing more because it is finished.</li>
 * </ul>
 *
 * <p>A driver (the node's event loop) turns each {@code Query} step into a FIND_NODE or FIND_VALUE
 * request, feeds answers back through {@code onSuccess} and failures through {@code onFailure}, and calls
 * {@code next} again after each report and at the deadlines the steps name. A value lookup calls
 * {@code finish} when a peer returns the value. Because the state machine is pure, the lookup is tested
 * without a network, against an in-memory graph of nodes.
 */
package dev.kademlia.core.lookup;
