package dev.kademlia.testkit.sim;

import dev.kademlia.api.spi.TransportOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic datagram network on virtual time: the medium {@link SimulatedTransport}s send through.
 * Each datagram is lost with a configured probability, or delivered after a latency drawn uniformly from
 * a configured range, as a {@link VirtualScheduler} event. Every random decision comes from one generator
 * seeded at construction, and events run in a fixed order, so two runs with the same seed, configuration
 * and program deliver the same datagrams at the same virtual times.
 *
 * <p>Faults, all applied both when a datagram is sent and when it would arrive (a partition cuts the
 * datagrams in flight across it, too):
 * <ul>
 *   <li>loss: {@link #setLoss(double)};</li>
 *   <li>partitions: {@link #partition(Collection)} cuts a group of addresses off from everyone else,
 *       and {@link #heal()} reconnects everything;</li>
 *   <li>isolation: {@link #isolate(InetSocketAddress)} cuts one address off from everyone, as if its cable
 *       were pulled, until {@link #reconnect(InetSocketAddress)} or {@link #heal()};</li>
 *   <li>crashes: a {@linkplain SimulatedTransport#close() closed} transport neither sends nor receives, and
 *       its address can be bound again to restart the node.</li>
 * </ul>
 *
 * <p>Like its scheduler, the network is single-threaded: use it only from the thread that drives the
 * scheduler, or from tasks.
 */
public final class SimulatedNetwork {

    /** The port {@link #nextAddress()} hands out. */
    public static final int DEFAULT_PORT = 4000;

    /** The default shortest one-way latency. */
    public static final long DEFAULT_MIN_LATENCY_MILLIS = 1;

    /** The default longest one-way latency. */
    public static final long DEFAULT_MAX_LATENCY_MILLIS = 10;

    /** The group of addresses not in any partition. */
    private static final int MAINLAND = 0;

    private final long seed;
    private final SplittableRandom random;
    private final VirtualScheduler scheduler;
    private final Map<InetSocketAddress, SimulatedTransport> bound = new HashMap<>();
    private final Map<InetSocketAddress, Integer> partitionGroups = new HashMap<>();
    private final Set<InetSocketAddress> isolated = new HashSet<>();
    private int partitionCount;
    private int nextHost = 1;

    private double loss;
    private long minLatencyMillis = DEFAULT_MIN_LATENCY_MILLIS;
    private long maxLatencyMillis = DEFAULT_MAX_LATENCY_MILLIS;
    private int defaultMaxDatagramBytes = TransportOptions.DEFAULT_MAX_DATAGRAM_BYTES;

    private long sent;
    private long delivered;
    private long dropped;

    /**
     * Creates a network with its own scheduler starting at virtual time 0, no loss and 1–10 ms of latency.
     *
     * @param seed the seed of every random decision the network makes
     */
    public SimulatedNetwork(long seed) {
        this(seed, new VirtualScheduler());
    }

    /**
     * Creates a network on an existing scheduler, with no loss and 1–10 ms of latency.
     *
     * @param seed      the seed of every random decision the network makes
     * @param scheduler the scheduler deliveries are queued on
     */
    public SimulatedNetwork(long seed, VirtualScheduler scheduler) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * The scheduler datagrams are delivered on; simulated nodes should run on it too.
     *
     * @return the scheduler
     */
    public VirtualScheduler scheduler() {
        return scheduler;
    }

    /**
     * The seed the network was created with.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Sets the probability that a datagram is lost, for datagrams sent from now on.
     *
     * @param probability in [0, 1)
     * @return this network
     * @throws IllegalArgumentException if {@code probability} is outside [0, 1)
     */
    public SimulatedNetwork setLoss(double probability) {
        if (!(probability >= 0 && probability < 1)) {
            throw new IllegalArgumentException("loss probability must be in [0, 1); got " + probability);
        }
        this.loss = probability;
        return this;
    }

    /**
     * The probability that a datagram is lost.
     *
     * @return in [0, 1)
     */
    public double loss() {
        return loss;
    }

    /**
     * Sets the range one-way latencies are drawn from, uniformly and in whole milliseconds, for datagrams
     * sent from now on.
     *
     * @param minMillis the shortest latency; not negative
     * @param maxMillis the longest latency; at least {@code minMillis}
     * @return this network
     * @throws IllegalArgumentException if {@code minMillis} is negative or above {@code maxMillis}
     */
    public SimulatedNetwork setLatency(long minMillis, long maxMillis) {
        if (minMillis < 0 || minMillis > maxMillis) {
            throw new IllegalArgumentException("latency range must satisfy 0 <= min <= max; got min "
                    + minMillis + " ms, max " + maxMillis + " ms");
        }
        if (maxMillis == Long.MAX_VALUE) {
            throw new IllegalArgumentException("latency max must be below Long.MAX_VALUE ms; got " + maxMillis);
        }
        this.minLatencyMillis = minMillis;
        this.maxLatencyMillis = maxMillis;
        return this;
    }

    /**
     * The shortest one-way latency.
     *
     * @return milliseconds
     */
    public long minLatencyMillis() {
        return minLatencyMillis;
    }

    /**
     * The longest one-way latency.
     *
     * @return milliseconds
     */
    public long maxLatencyMillis() {
        return maxLatencyMillis;
    }

    /**
     * Sets the datagram limit of transports later created by {@link #transport(InetSocketAddress)}.
     *
     * @param maxDatagramBytes the limit, within the range {@link TransportOptions} allows
     * @return this network
     * @throws IllegalArgumentException if the limit is outside [512, 65,507]
     */
    public SimulatedNetwork setDefaultMaxDatagramBytes(int maxDatagramBytes) {
        this.defaultMaxDatagramBytes = new TransportOptions(maxDatagramBytes).maxDatagramBytes();
        return this;
    }

    /**
     * A fresh address 10.a.b.c:{@value #DEFAULT_PORT}: the next in a fixed sequence (10.0.0.1, 10.0.0.2,
     * ..., skipping host parts ending in 0 or 255, and addresses already bound), so the same program gets
     * the same addresses. No name service is involved.
     *
     * @return an address no transport is bound to
     * @throws IllegalStateException if the 10.0.0.0/8 block is used up
     */
    public InetSocketAddress nextAddress() {
        while (nextHost < (1 << 24)) {
            int host = nextHost++;
            int last = host & 0xff;
            if (last == 0 || last == 0xff) {
                continue;
            }
            InetSocketAddress address = address(host);
            if (!bound.containsKey(address)) {
                return address;
            }
        }
        throw new IllegalStateException("every address of 10.0.0.0/8 has been handed out");
    }

    /**
     * Creates a transport bound to {@code address}, with the network's default datagram limit.
     *
     * @param address the address; no open transport may be bound to it
     * @return the transport, not yet started
     * @throws IllegalArgumentException if an open transport is already bound to {@code address}
     */
    public SimulatedTransport transport(InetSocketAddress address) {
        return transport(address, new TransportOptions(defaultMaxDatagramBytes));
    }

    /**
     * Creates a transport bound to {@code address}.
     *
     * @param address the address; no open transport may be bound to it
     * @param options the datagram limit
     * @return the transport, not yet started
     * @throws IllegalArgumentException if an open transport is already bound to {@code address}
     */
    public SimulatedTransport transport(InetSocketAddress address, TransportOptions options) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(options, "options");
        if (bound.containsKey(address)) {
            throw new IllegalArgumentException("address " + address + " is already bound by an open "
                    + "transport; close it first or use nextAddress()");
        }
        SimulatedTransport transport = new SimulatedTransport(this, address, options.maxDatagramBytes());
        bound.put(address, transport);
        return transport;
    }

    /**
     * Cuts {@code side} off from every address not in it, until {@link #heal()}: datagrams between the two
     * are dropped, including those in flight. Several calls make several groups, each cut off from the
     * others and from the rest; an address moves to the latest group that names it. Addresses need not be
     * bound yet.
     *
     * @param side the addresses on one side of the cut
     * @return this network
     */
    public SimulatedNetwork partition(Collection<InetSocketAddress> side) {
        Objects.requireNonNull(side, "side");
        Integer group = ++partitionCount;
        for (InetSocketAddress address : side) {
            partitionGroups.put(Objects.requireNonNull(address, "address in side"), group);
        }
        return this;
    }

    /**
     * Cuts {@code address} off from every other address, until {@link #reconnect} or {@link #heal()}.
     *
     * @param address the address
     * @return this network
     */
    public SimulatedNetwork isolate(InetSocketAddress address) {
        isolated.add(Objects.requireNonNull(address, "address"));
        return this;
    }

    /**
     * Ends the {@linkplain #isolate isolation} of {@code address}; partitions stay.
     *
     * @param address the address
     * @return this network
     */
    public SimulatedNetwork reconnect(InetSocketAddress address) {
        isolated.remove(Objects.requireNonNull(address, "address"));
        return this;
    }

    /**
     * Removes every partition and isolation. Lost and dropped datagrams stay lost.
     *
     * @return this network
     */
    public SimulatedNetwork heal() {
        partitionGroups.clear();
        isolated.clear();
        return this;
    }

    /**
     * Whether datagrams between {@code a} and {@code b} are currently cut by a partition or an isolation.
     *
     * @param a one address
     * @param b another address
     * @return true if they cannot reach each other
     */
    public boolean isCut(InetSocketAddress a, InetSocketAddress b) {
        if (!isolated.isEmpty() && (isolated.contains(a) || isolated.contains(b))) {
            return !a.equals(b);
        }
        if (partitionGroups.isEmpty()) {
            return false;
        }
        return !partitionGroups.getOrDefault(a, MAINLAND).equals(partitionGroups.getOrDefault(b, MAINLAND));
    }

    /**
     * The number of datagrams transports accepted for sending, including those sent by closed transports.
     * Always {@code datagramsDelivered() + datagramsDropped() + datagramsInFlight()}.
     *
     * @return the count
     */
    public long datagramsSent() {
        return sent;
    }

    /**
     * The number of datagrams handed to a receiver's handler.
     *
     * @return the count
     */
    public long datagramsDelivered() {
        return delivered;
    }

    /**
     * The number of datagrams lost: by chance, across a cut, from or to a closed or unstarted transport, to
     * an address nothing is bound to, or too long for the receiver's limit.
     *
     * @return the count
     */
    public long datagramsDropped() {
        return dropped;
    }

    /**
     * The number of datagrams sent and not yet delivered or dropped.
     *
     * @return the count
     */
    public long datagramsInFlight() {
        return sent - delivered - dropped;
    }

    @Override
    public String toString() {
        return "SimulatedNetwork[seed=" + seed + ", " + bound.size() + " bound, loss=" + loss + ", latency="
                + minLatencyMillis + ".." + maxLatencyMillis + " ms, sent=" + sent + ", delivered=" + delivered
                + ", dropped=" + dropped + "]";
    }

    /** Called by an open transport for a checked datagram it owns a copy of. */
    void send(SimulatedTransport from, InetSocketAddress to, byte[] datagram) {
        sent++;
        if (loss > 0 && random.nextDouble() < loss) {
            dropped++;
            return;
        }
        InetSocketAddress source = from.localAddress();
        if (isCut(source, to)) {
            dropped++;
            return;
        }
        long latency = minLatencyMillis == maxLatencyMillis
                ? minLatencyMillis
                : minLatencyMillis + random.nextLong(maxLatencyMillis - minLatencyMillis + 1);
        scheduler.schedule(latency, new Delivery(this, source, to, datagram));
    }

    /** Called by a transport sending while closed. */
    void dropSent() {
        sent++;
        dropped++;
    }

    /** Called by a transport when it closes. */
    void unbind(SimulatedTransport transport) {
        bound.remove(transport.localAddress(), transport);
    }

    private void deliver(InetSocketAddress source, InetSocketAddress destination, byte[] datagram) {
        SimulatedTransport receiver = bound.get(destination);
        if (receiver == null || isCut(source, destination) || !receiver.accepts(datagram.length)) {
            dropped++;
            return;
        }
        delivered++;
        receiver.receive(source, datagram);
    }

    private static InetSocketAddress address(int host) {
        byte[] ip = {10, (byte) (host >>> 16), (byte) (host >>> 8), (byte) host};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), DEFAULT_PORT);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always a valid IPv4 address", e);
        }
    }

    /** A datagram in flight: the event that hands it to its receiver. */
    private static final class Delivery implements Runnable {

        private final SimulatedNetwork network;
        private final InetSocketAddress source;
        private final InetSocketAddress destination;
        private final byte[] datagram;

        Delivery(SimulatedNetwork network, InetSocketAddress source, InetSocketAddress destination,
                byte[] datagram) {
            this.network = network;
            this.source = source;
            this.destination = destination;
            this.datagram = datagram;
        }

        @Override
        public void run() {
            network.deliver(source, destination, datagram);
        }
    }
}
