/**
 * The scale benchmark: a whole network of real nodes on the deterministic simulated network, measured.
 *
 * <ul>
 *   <li>{@link dev.kademlia.testkit.scale.ScaleConfig} says what to run: nodes, puts, gets, loss, churn,
 *       seed and protocol parameters;</li>
 *   <li>{@link dev.kademlia.testkit.scale.ScaleSimulation} runs it: nodes join one by one through a
 *       bootstrap node, then puts and gets from random nodes, with churn interleaved;</li>
 *   <li>{@link dev.kademlia.testkit.scale.ScaleResult} holds what came out: the deterministic
 *       {@link dev.kademlia.testkit.scale.ScaleOutcome} (rounds and RPCs per lookup as
 *       {@link dev.kademlia.testkit.scale.Quantiles}, get success, datagrams) and the machine-dependent
 *       {@link dev.kademlia.testkit.scale.ScaleCosts} (wall time, heap per node, events per second);</li>
 *   <li>{@link dev.kademlia.testkit.scale.ScaleTargets} checks a result against the benchmark's targets,
 *       {@link dev.kademlia.testkit.scale.ScaleTable} prints results as text tables and
 *       {@link dev.kademlia.testkit.scale.HopsPlot} draws rounds against network size as SVG.</li>
 * </ul>
 *
 * <p>The command line runs it as {@code kademlia sim --nodes 1000,10000 [--loss 0.1] [--churn 0.3]}. This is
 * a simulation benchmark, apart from the JMH micro-benchmarks: it measures the protocol (rounds, requests,
 * success under faults) and the cost of simulating it, not the speed of a real network.
 */
package dev.kademlia.testkit.scale;
