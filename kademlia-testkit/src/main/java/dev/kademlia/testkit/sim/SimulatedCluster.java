package dev.kademlia.testkit.sim;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.core.Kademlia;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A network of real Kademlia nodes on a {@link SimulatedNetwork}: every node runs the production protocol
 * code, on the network's virtual-time scheduler, so thousands of nodes run in one thread and a run is the
 * same for the same seed.
 *
 * <pre>{@code
 * SimulatedCluster cluster = SimulatedCluster.start(new SimulatedNetwork(42), 500, builder -> { });
 * KademliaNode a = cluster.node(0);
 * cluster.await(a.put("k", "v"));
 * Optional<String> v = cluster.await(cluster.node(499).get("k"));
 * }</pre>
 *
 * <p>Nodes join one at a time through the first node, as a real network grows. Everything here runs on
 * the calling thread, which drives the simulation.
 */
public final class SimulatedCluster implements AutoCloseable {

    /** Virtual time an {@link #await} may take before it is declared stuck. */
    public static final Duration AWAIT_LIMIT = Duration.ofHours(1);

    private final SimulatedNetwork network;
    private final SplittableRandom random;
    private final Consumer<Kademlia> configuration;
    private final List<KademliaNode> nodes = new ArrayList<>();
    private final List<SimulatedTransport> transports = new ArrayList<>();

    private SimulatedCluster(SimulatedNetwork network, long seed, Consumer<Kademlia> configuration) {
        this.network = network;
        this.random = new SplittableRandom(seed);
        this.configuration = configuration;
    }

    /**
     * Starts {@code size} nodes on {@code network}; each joins through the first before the next starts.
     *
     * @param network       the simulated network
     * @param size          how many nodes, at least 1
     * @param configuration applied to each node's builder (k, alpha, timeouts...) before it is built
     * @return the running cluster
     */
    public static SimulatedCluster start(SimulatedNetwork network, int size, Consumer<Kademlia> configuration) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(configuration, "configuration");
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node; got " + size);
        }
        SimulatedCluster cluster = new SimulatedCluster(network, network.seed(), configuration);
        for (int i = 0; i < size; i++) {
            cluster.addNode();
        }
        return cluster;
    }

    /**
     * Starts one more node and waits until it has joined through the first live node.
     *
     * @return the new node
     */
    public KademliaNode addNode() {
        return addNode(builder -> { });
    }

    /**
     * Starts one more node with settings of its own (applied after the cluster's), and waits until it has
     * joined through the first live node.
     *
     * @param extra applied to this node's builder only, e.g. to choose its id
     * @return the new node
     */
    public KademliaNode addNode(Consumer<Kademlia> extra) {
        InetSocketAddress address = network.nextAddress();
        SimulatedTransport transport = network.transport(address);
        Kademlia builder = Kademlia.builder()
                .scheduler(network.scheduler())
                .transport(transport)
                .random(new SplittableRandom(random.nextLong()));
        configuration.accept(builder);
        extra.accept(builder);
        KademliaNode node = builder.build();
        int seed = bootstrapIndex();
        nodes.add(node);
        transports.add(transport);
        if (seed >= 0) {
            await(node.bootstrap(List.of(nodes.get(seed).contact().address())));
        }
        return node;
    }

    /**
     * The position of the node {@link #addNode()} joins new nodes through: the first live one.
     *
     * @return the position in {@link #nodes()}, or -1 if no node is live
     */
    public int bootstrapIndex() {
        for (int i = 0; i < nodes.size(); i++) {
            if (isLive(i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a node is still running: neither {@linkplain #crash crashed} nor closed.
     *
     * @param index the node's position in {@link #nodes()}
     * @return true if it is live
     * @throws IndexOutOfBoundsException if no node was started at {@code index}
     */
    public boolean isLive(int index) {
        return transports.get(index).isRunning();
    }

    /**
     * The number of live nodes: {@code liveNodes().size()} without building the list.
     *
     * @return the count
     */
    public int liveCount() {
        int live = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (isLive(i)) {
                live++;
            }
        }
        return live;
    }

    /**
     * Closes a node, as a crash would: it stops answering at once.
     *
     * @param index the node's position in {@link #nodes()}
     */
    public void crash(int index) {
        nodes.get(index).close();
    }

    /**
     * Runs the simulation until {@code future} completes, and returns its value.
     *
     * @param future an operation of one of the nodes
     * @param <T>    the value type
     * @return the value
     * @throws java.util.concurrent.CompletionException if the operation failed
     * @throws IllegalStateException if it did not complete within {@link #AWAIT_LIMIT} of virtual time
     */
    public <T> T await(CompletableFuture<T> future) {
        return network.scheduler().runUntilDone(future, AWAIT_LIMIT);
    }

    /**
     * Every node started, closed ones included, in start order.
     *
     * @return the nodes
     */
    public List<KademliaNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /**
     * The node at a position.
     *
     * @param index position in start order
     * @return the node
     */
    public KademliaNode node(int index) {
        return nodes.get(index);
    }

    /**
     * The nodes not crashed or closed.
     *
     * @return the live nodes, in start order
     */
    public List<KademliaNode> liveNodes() {
        List<KademliaNode> live = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (isLive(i)) {
                live.add(nodes.get(i));
            }
        }
        return live;
    }

    /**
     * The ids of the {@code k} live nodes closest to {@code target}, nearest first, leaving out
     * {@code excluded} (the node that looks up, which never counts itself): the answer a perfect lookup
     * gives.
     *
     * @param target   the key
     * @param k        how many
     * @param excluded a node id to leave out, or {@code null}
     * @return the ids
     */
    public List<Key> trueClosest(Key target, int k, Key excluded) {
        return liveNodes().stream()
                .map(KademliaNode::id)
                .filter(id -> !id.equals(excluded))
                .sorted(target::compareDistance)
                .limit(k)
                .collect(Collectors.toList());
    }

    /**
     * The network underneath.
     *
     * @return the simulated network
     */
    public SimulatedNetwork network() {
        return network;
    }

    /** Closes every node. */
    @Override
    public void close() {
        nodes.forEach(KademliaNode::close);
    }
}
