package dev.kademlia.testkit.scale;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupStats;
import dev.kademlia.api.PutResult;
import dev.kademlia.api.ValueLookupResult;
import dev.kademlia.testkit.sim.SimulatedCluster;
import dev.kademlia.testkit.sim.SimulatedNetwork;
import dev.kademlia.testkit.sim.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;

/**
 * A benchmark of the protocol at scale, on the deterministic {@link SimulatedNetwork}: how many rounds and
 * requests a lookup takes, whether gets find what was put, and what a simulated node costs.
 *
 * <pre>{@code
 * ScaleResult result = ScaleSimulation.run(ScaleConfig.defaults(10_000).withFaults(0.1, 0.3));
 * System.out.println(ScaleTable.format(List.of(result)));
 * }</pre>
 *
 * <p>The scenario, for a {@link ScaleConfig}:
 * <ol>
 *   <li><b>Join.</b> {@code nodes} real nodes (built with {@code Kademlia.builder()} on the network's
 *       virtual-time scheduler, with the configured k, alpha and RPC timeout and otherwise the builder's
 *       defaults) join one at a time through the bootstrap node (the first one), each join completing
 *       before the next starts. Bucket refresh and republishing run at their default hourly intervals, so
 *       in a long join phase the early nodes refresh idle buckets as a real network's would.</li>
 *   <li><b>Puts and gets.</b> {@code puts} puts, then {@code gets} gets, one at a time: each put stores
 *       a fresh value under a fresh random key from a random live node; each get asks a random live node
 *       for a random one of those keys and succeeds when it returns the value put.</li>
 *   <li><b>Churn.</b> {@code churn × nodes} nodes leave and as many new ones join during that phase,
 *       alternately (leave, join, leave, ...), spread evenly between the operations. A leaving node is a
 *       random live node other than the bootstrap node (bootstrap nodes are the stable, well-known ones in
 *       real deployments), and it crashes: it stops answering without telling anyone. Values survive
 *       through the {@code k} replicas made at put time (and the copy a get caches at the closest node
 *       that lacked it); the hourly republish does not come round within the phase, which is the harder
 *       and more telling case.</li>
 *   <li><b>Loss.</b> The network loses each datagram with probability {@code loss} for the whole run,
 *       joins included.</li>
 * </ol>
 *
 * <p>Determinism: node ids, latencies, losses and every workload choice come from generators seeded by
 * {@link ScaleConfig#seed()}, and everything runs on the calling thread, so the {@link ScaleOutcome} is
 * the same for the same configuration; only the {@link ScaleCosts} vary.
 */
public final class ScaleSimulation {

    /** Bytes of each value put. */
    static final int VALUE_BYTES = 32;

    private final ScaleConfig config;
    private final ScaleProgress progress;
    private final SplittableRandom workload;
    private final SimulatedNetwork network;
    private final VirtualScheduler scheduler;
    private final LiveNodes live = new LiveNodes();
    private final List<Key> keys = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private final List<Integer> replicas = new ArrayList<>();
    private final List<LookupStats> lookups = new ArrayList<>();
    private SimulatedCluster cluster;
    private int putsFailed;
    private int getsSucceeded;
    private int localHits;
    private int nodesLeft;
    private int nodesJoinedLater;

    private ScaleSimulation(ScaleConfig config, ScaleProgress progress) {
        this.config = config;
        this.progress = progress;
        SplittableRandom root = new SplittableRandom(config.seed());
        this.network = new SimulatedNetwork(root.nextLong());
        this.network.setLoss(config.loss());
        this.scheduler = network.scheduler();
        this.workload = root.split();
    }

    /**
     * Runs the scenario.
     *
     * @param config the scenario
     * @return what it measured
     * @throws IllegalStateException if the simulation breaks down: a node's task throws, or an operation
     *                               does not complete within an hour of virtual time
     */
    public static ScaleResult run(ScaleConfig config) {
        return run(config, ScaleProgress.NONE);
    }

    /**
     * Runs the scenario, reporting progress.
     *
     * @param config   the scenario
     * @param progress told how far the run has got
     * @return what it measured
     * @throws IllegalStateException if the simulation breaks down: a node's task throws, or an operation
     *                               does not complete within an hour of virtual time
     */
    public static ScaleResult run(ScaleConfig config, ScaleProgress progress) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        return new ScaleSimulation(config, progress).execute();
    }

    private ScaleResult execute() {
        long heapBefore = usedHeapAfterGc();
        long joinStart = System.nanoTime();
        Duration joinStartCpu = processCpu();
        cluster = SimulatedCluster.start(network, 1, builder -> builder
                .k(config.k())
                .alpha(config.alpha())
                .rpcTimeout(config.rpcTimeout()));
        try {
            live.add(0);
            int step = Math.max(1, config.nodes() / 20);
            for (int joined = 1; joined < config.nodes(); joined++) {
                cluster.addNode();
                live.add(joined);
                if ((joined + 1) % step == 0 || joined + 1 == config.nodes()) {
                    progress.onProgress(ScaleProgress.Phase.JOIN, joined + 1, config.nodes(), scheduler.eventsRun(),
                            scheduler.nowMillis());
                }
            }
            long joinWall = System.nanoTime() - joinStart;
            Duration joinCpu = processCpu().minus(joinStartCpu);
            long joinEvents = scheduler.eventsRun();
            long joinVirtual = scheduler.nowMillis();
            long heapAfter = usedHeapAfterGc();

            long operationsStart = System.nanoTime();
            Duration operationsStartCpu = processCpu();
            runOperations();
            long operationsWall = System.nanoTime() - operationsStart;
            Duration cpu = joinCpu.plus(processCpu().minus(operationsStartCpu));

            ScaleOutcome outcome = outcome(joinEvents, joinVirtual);
            double seconds = (joinWall + operationsWall) / 1e9;
            ScaleCosts costs = new ScaleCosts(Duration.ofNanos(joinWall), Duration.ofNanos(operationsWall),
                    (heapAfter - heapBefore) / config.nodes(), seconds > 0 ? outcome.events() / seconds : 0, cpu);
            return new ScaleResult(config, outcome, costs);
        } finally {
            cluster.close();
        }
    }

    private void runOperations() {
        int total = config.puts() + config.gets();
        long churnSteps = 2L * config.churnedNodes();
        long churnDone = 0;
        int step = Math.max(1, total / 10);
        for (int operation = 0; operation < total; operation++) {
            long due = churnSteps * (operation + 1) / total;
            for (; churnDone < due; churnDone++) {
                if (churnDone % 2 == 0) {
                    leave();
                } else {
                    join();
                }
            }
            if (operation < config.puts()) {
                put();
            } else {
                get();
            }
            if ((operation + 1) % step == 0 || operation + 1 == total) {
                progress.onProgress(ScaleProgress.Phase.OPERATIONS, operation + 1, total, scheduler.eventsRun(),
                        scheduler.nowMillis());
            }
        }
    }

    private void leave() {
        cluster.crash(live.removeRandomExceptFirst(workload));
        nodesLeft++;
    }

    private void join() {
        cluster.addNode();
        live.add(cluster.nodes().size() - 1);
        nodesJoinedLater++;
    }

    private void put() {
        Key key = Key.random(workload);
        byte[] value = new byte[VALUE_BYTES];
        workload.nextBytes(value);
        KademliaNode publisher = cluster.node(live.pick(workload));
        keys.add(key);
        values.add(value);
        try {
            PutResult result = cluster.await(publisher.put(key, value));
            replicas.add(result.storedAt().size());
            if (result.storedAt().isEmpty()) {
                putsFailed++;
            }
        } catch (CompletionException e) {
            replicas.add(0);
            putsFailed++;
        }
    }

    private void get() {
        int index = workload.nextInt(keys.size());
        KademliaNode reader = cluster.node(live.pick(workload));
        ValueLookupResult result;
        try {
            result = cluster.await(reader.lookupValue(keys.get(index)));
        } catch (CompletionException e) {
            return; // a failed get: counted by the difference between gets and successes
        }
        if (result instanceof ValueLookupResult.Found found && Arrays.equals(found.value(), values.get(index))) {
            getsSucceeded++;
        }
        if (result.stats().rpcs() == 0 && result instanceof ValueLookupResult.Found) {
            localHits++;
        } else {
            lookups.add(result.stats());
        }
    }

    private ScaleOutcome outcome(long joinEvents, long joinVirtual) {
        int[] hops = lookups.stream().mapToInt(LookupStats::hops).toArray();
        int[] rpcs = lookups.stream().mapToInt(LookupStats::rpcs).toArray();
        int[] millis = lookups.stream().mapToInt(stats -> (int) Math.min(Integer.MAX_VALUE,
                stats.elapsed().toMillis())).toArray();
        return new ScaleOutcome(cluster.nodes().size(), nodesLeft, nodesJoinedLater, cluster.liveCount(),
                config.puts(), putsFailed, Quantiles.of(replicas.stream().mapToInt(Integer::intValue).toArray()),
                config.gets(), getsSucceeded, localHits, Quantiles.of(hops), Quantiles.of(rpcs),
                Quantiles.of(millis), joinEvents, scheduler.eventsRun(), joinVirtual, scheduler.nowMillis(),
                network.datagramsSent(), network.datagramsDelivered(), network.datagramsDropped());
    }

    /** The CPU time this process has used so far, or zero if the platform does not say. */
    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The used heap after collecting garbage: the smallest of three readings, each after a full collection. */
    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
