/**
 * A deterministic simulation of a Kademlia network: thousands of nodes in one thread, on virtual time.
 *
 * <ul>
 *   <li>{@link dev.kademlia.testkit.sim.VirtualScheduler} is the clock and event loop of every simulated
 *       node at once: a queue of tasks ordered by virtual due time, then by scheduling order. Time moves
 *       only as the test runs events, so an hour of republishing takes milliseconds.</li>
 *   <li>{@link dev.kademlia.testkit.sim.SimulatedNetwork} delivers datagrams as scheduler events, with
 *       seeded random loss and latency, partitions and isolated nodes, and counts what it sent, delivered
 *       and dropped.</li>
 *   <li>{@link dev.kademlia.testkit.sim.SimulatedTransport} is a node's
 *       {@link dev.kademlia.api.spi.Transport} onto that network; closing it is how a node crashes.</li>
 * </ul>
 *
 * <p>A typical test:
 * <pre>{@code
 * SimulatedNetwork network = new SimulatedNetwork(42).setLoss(0.05).setLatency(5, 50);
 * VirtualScheduler scheduler = network.scheduler();
 * // build nodes with scheduler and network.transport(network.nextAddress()), bootstrap them ...
 * FindValueResult found = scheduler.runUntilDone(node.get(key), Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>Determinism: with the same seed, configuration and program, every run delivers the same datagrams at
 * the same virtual times. Anything that breaks it (wall-clock reads, unseeded randomness, iteration over
 * identity-hashed collections, other threads) is a bug in the code under test. Everything is
 * single-threaded: no locks, and no calls from other threads.
 */
package dev.kademlia.testkit.sim;
