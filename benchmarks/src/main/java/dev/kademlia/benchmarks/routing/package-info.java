/**
 * Benchmarks of the routing table.
 *
 * <p>A tour: {@link dev.kademlia.benchmarks.routing.Population} fills a table from a simulated network
 * (and explains the bucket size that lets a realistic table hold 2,000 contacts).
 * {@link dev.kademlia.benchmarks.routing.ClosestBenchmark} measures {@code closest(target, 20)}, ours
 * beside the naive {@link dev.kademlia.benchmarks.routing.SortAllClosest}, selected through
 * {@link dev.kademlia.benchmarks.routing.ClosestAlgorithm};
 * {@link dev.kademlia.benchmarks.routing.RoutingUpdateBenchmark} measures {@code seen} on a full table.
 */
package dev.kademlia.benchmarks.routing;
