package dev.kademlia.core;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.spi.Providers;
import dev.kademlia.api.spi.Scheduler;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoreOptions;
import dev.kademlia.api.spi.StoreProvider;
import dev.kademlia.api.spi.Transport;
import dev.kademlia.api.spi.TransportOptions;
import dev.kademlia.api.spi.TransportProvider;
import dev.kademlia.core.node.DhtNode;
import dev.kademlia.core.node.EventLoop;
import dev.kademlia.core.node.NodeConfig;
import dev.kademlia.core.node.NodeState;
import dev.kademlia.core.protocol.MessageCodec;
import dev.kademlia.core.routing.AddressDiversity;
import dev.kademlia.core.store.InMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Builds {@link KademliaNode}s: the one entry point of the SDK.
 *
 * <pre>{@code
 * try (KademliaNode node = Kademlia.builder()
 *         .bind(new InetSocketAddress("127.0.0.1", 4000))
 *         .bootstrap(new InetSocketAddress("127.0.0.1", 4001))
 *         .build()) {
 *     node.put("greeting", "hello").join();
 *     Optional<String> value = node.get("greeting").join();
 * }
 * }</pre>
 *
 * <p>Every setting has a default taken from the paper (Maymounkov and Mazières, 2002):
 * {@code k} = {@value #DEFAULT_K}, {@code alpha} = {@value #DEFAULT_ALPHA}, values live 24 hours, replicas are
 * republished and idle buckets refreshed every hour. The transport is the one provider found with
 * {@link java.util.ServiceLoader} (UDP, when {@code kademlia-transport-udp} is present) unless one is named or
 * passed; the store is the in-memory one unless another is named (e.g. {@code rocksdb}) or passed.
 *
 * <p>A builder is not thread-safe; it may build several nodes (each with its own transport: set
 * {@link #bind} or {@link #transport(Transport)} again in between).
 */
public final class Kademlia {

    /** Bucket capacity and replication factor, the paper's {@code k}. */
    public static final int DEFAULT_K = 20;

    /** Lookup parallelism, the paper's {@code alpha}. */
    public static final int DEFAULT_ALPHA = 3;

    /** How long a request waits for its answer by default. */
    public static final Duration DEFAULT_RPC_TIMEOUT = Duration.ofSeconds(2);

    /** How long stored values live by default (the paper's original-publisher period). */
    public static final Duration DEFAULT_VALUE_TTL = Duration.ofHours(24);

    /** How often replicas are republished by default. */
    public static final Duration DEFAULT_REPUBLISH_INTERVAL = Duration.ofHours(1);

    /** How often the original publisher republishes by default (the paper's 24 hours). */
    public static final Duration DEFAULT_ORIGINAL_REPUBLISH_INTERVAL = Duration.ofHours(24);

    /** Requests answered per second and source address by default. */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 200;

    /** Values a node keeps for others at most, by default. */
    public static final long DEFAULT_MAX_STORED_ENTRIES = 100_000;

    /** Value bytes a node keeps for others at most, by default (128 MiB). */
    public static final long DEFAULT_MAX_STORED_BYTES = 128L << 20;

    /**
     * How long the least-recently seen contact of a full bucket must have been silent, by default, before a
     * newcomer to the bucket makes the node PING it: BitTorrent's DHT (BEP 5) calls a contact heard from
     * within 15 minutes good and does not ping it.
     */
    public static final Duration DEFAULT_PROBE_AFTER = Duration.ofMinutes(15);

    /** After how long without a lookup a bucket is refreshed by default. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofHours(1);

    private InetSocketAddress bindAddress = new InetSocketAddress(0);
    private final List<InetSocketAddress> bootstrap = new ArrayList<>();
    private Transport transport;
    private String transportName;
    private Store store;
    private String storeName = "memory";
    private Path dataDirectory;
    private Scheduler scheduler;
    private RandomGenerator random;
    private Key nodeId;
    private int k = DEFAULT_K;
    private int alpha = DEFAULT_ALPHA;
    private Duration rpcTimeout = DEFAULT_RPC_TIMEOUT;
    private Duration valueTtl = DEFAULT_VALUE_TTL;
    private Duration republishInterval = DEFAULT_REPUBLISH_INTERVAL;
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
    private Duration originalRepublishInterval = DEFAULT_ORIGINAL_REPUBLISH_INTERVAL;
    private int maxContactsPerAddress = AddressDiversity.DEFAULT.maxPerAddress();
    private int maxContactsPerSubnet = AddressDiversity.DEFAULT.maxPerSubnet();
    private boolean limitLocalAddresses;
    private int requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
    private long maxStoredEntries = DEFAULT_MAX_STORED_ENTRIES;
    private long maxStoredBytes = DEFAULT_MAX_STORED_BYTES;
    private int maxDatagramBytes = TransportOptions.DEFAULT_MAX_DATAGRAM_BYTES;
    private int replacementCacheSize = -1;
    private int maxFailures = 2;
    private Duration probeAfter = DEFAULT_PROBE_AFTER;
    private int maxRetransmits = 3;
    private boolean clientMode;

    private Kademlia() {
    }

    /**
     * A builder with every setting at its default.
     *
     * @return a new builder
     */
    public static Kademlia builder() {
        return new Kademlia();
    }

    /**
     * The local address to receive on (default: every interface, a free port). Ignored when a transport
     * instance is passed.
     *
     * @param address the address; port 0 picks a free port
     * @return this builder
     */
    public Kademlia bind(InetSocketAddress address) {
        this.bindAddress = Objects.requireNonNull(address, "address");
        return this;
    }

    /**
     * Contacts of nodes already in the network; the node joins through them when built, and operations
     * issued meanwhile wait for the join.
     *
     * @param seeds addresses of running nodes
     * @return this builder
     */
    public Kademlia bootstrap(InetSocketAddress... seeds) {
        for (InetSocketAddress seed : seeds) {
            bootstrap.add(Objects.requireNonNull(seed, "bootstrap address"));
        }
        return this;
    }

    /**
     * Uses this transport instead of discovering one. The node takes ownership and closes it.
     *
     * @param transport an unstarted transport
     * @return this builder
     */
    public Kademlia transport(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.transportName = null;
        return this;
    }

    /**
     * Uses the transport provider with this name (e.g. {@code udp}).
     *
     * @param name a provider name
     * @return this builder
     */
    public Kademlia transport(String name) {
        this.transportName = Objects.requireNonNull(name, "name");
        this.transport = null;
        return this;
    }

    /**
     * Uses this store instead of opening one. The node does not close it.
     *
     * @param store the store
     * @return this builder
     */
    public Kademlia store(Store store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Uses the store provider with this name: {@code memory} (the default) or, with
     * {@code kademlia-store-rocksdb} present, {@code rocksdb}.
     *
     * @param name a provider name
     * @return this builder
     */
    public Kademlia store(String name) {
        this.storeName = Objects.requireNonNull(name, "name");
        this.store = null;
        return this;
    }

    /**
     * Where a persistent store keeps its files.
     *
     * @param directory the data directory
     * @return this builder
     */
    public Kademlia dataDirectory(Path directory) {
        this.dataDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * Runs the node on this scheduler (clock and event loop) instead of a thread of its own; the test kit's
     * simulated network passes its virtual-time scheduler here. A node on an injected scheduler must be
     * closed from that scheduler's thread.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Kademlia scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /**
     * The source of the node id (unless set), transaction ids, write-token secrets and refresh targets.
     * Pass a seeded generator for reproducible simulations; the default is seeded from {@link SecureRandom}.
     *
     * @param random the generator; used only on the node's event loop
     * @return this builder
     */
    public Kademlia random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * The node id (default: the id saved in the store, for a persistent store that ran a node before; else
     * random).
     *
     * @param id the id
     * @return this builder
     */
    public Kademlia nodeId(Key id) {
        this.nodeId = Objects.requireNonNull(id, "id");
        return this;
    }

    /**
     * Bucket capacity and replication factor.
     *
     * @param k in [1, 64]
     * @return this builder
     */
    public Kademlia k(int k) {
        if (k < 1 || k > 64) {
            throw new IllegalArgumentException("k must be in [1, 64]; got " + k);
        }
        this.k = k;
        return this;
    }

    /**
     * Lookup parallelism: requests a lookup keeps in flight.
     *
     * @param alpha in [1, k]
     * @return this builder
     */
    public Kademlia alpha(int alpha) {
        if (alpha < 1) {
            throw new IllegalArgumentException("alpha must be at least 1; got " + alpha);
        }
        this.alpha = alpha;
        return this;
    }

    /**
     * How long a request waits for its answer.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Kademlia rpcTimeout(Duration timeout) {
        this.rpcTimeout = positive(timeout, "rpcTimeout");
        return this;
    }

    /**
     * How long stored values live.
     *
     * @param ttl a positive duration
     * @return this builder
     */
    public Kademlia valueTtl(Duration ttl) {
        this.valueTtl = positive(ttl, "valueTtl");
        return this;
    }

    /**
     * Values never expire; republishing alone keeps them alive (for storage networks).
     *
     * @return this builder
     */
    public Kademlia valuesNeverExpire() {
        this.valueTtl = null;
        return this;
    }

    /**
     * How often held values are republished.
     *
     * @param interval a positive duration
     * @return this builder
     */
    public Kademlia republishInterval(Duration interval) {
        this.republishInterval = positive(interval, "republishInterval");
        return this;
    }

    /**
     * How often the original publisher of a value republishes it, renewing its lifetime (default 24 hours).
     * Replicas are republished every {@link #republishInterval} with their remaining lifetime, so a value
     * whose publisher stopped republishing expires everywhere.
     *
     * @param interval a positive duration
     * @return this builder
     */
    public Kademlia originalRepublishInterval(Duration interval) {
        this.originalRepublishInterval = positive(interval, "originalRepublishInterval");
        return this;
    }

    /**
     * How many contacts of one k-bucket may share an IP address, and a /24 (IPv4) or /64 (IPv6) subnet
     * (default 1 and 2), so that one host or network cannot fill the buckets around a key.
     *
     * @param perAddress at least 1
     * @param perSubnet  at least {@code perAddress}
     * @return this builder
     */
    public Kademlia addressLimits(int perAddress, int perSubnet) {
        new AddressDiversity(perAddress, perSubnet, false); // validates with a message
        this.maxContactsPerAddress = perAddress;
        this.maxContactsPerSubnet = perSubnet;
        return this;
    }

    /**
     * Whether the per-address limits (contacts per bucket, requests per second) also apply to loopback,
     * private and link-local addresses (default: no, since test networks and LANs run many nodes on one
     * address or subnet).
     *
     * @param limit true to limit local addresses too
     * @return this builder
     */
    public Kademlia limitLocalAddresses(boolean limit) {
        this.limitLocalAddresses = limit;
        return this;
    }

    /**
     * Requests answered per second for one source address (default {@value #DEFAULT_REQUESTS_PER_SECOND},
     * with bursts of twice as many); a flood from one address beyond it is dropped unanswered.
     *
     * @param perSecond at least 1
     * @return this builder
     */
    public Kademlia requestRateLimit(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("requestRateLimit must be at least 1 per second; got " + perSecond);
        }
        this.requestsPerSecond = perSecond;
        return this;
    }

    /**
     * How much this node keeps for others: past either limit, a STORE of a new value is refused with the
     * wire error STORE_FULL and the node carries on.
     *
     * @param maxEntries values, at least 1 (default 100,000)
     * @param maxBytes   total value bytes, at least 1 (default 128 MiB)
     * @return this builder
     */
    public Kademlia storeLimits(long maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("store limits must be positive; got " + maxEntries + " entries, "
                    + maxBytes + " bytes");
        }
        this.maxStoredEntries = maxEntries;
        this.maxStoredBytes = maxBytes;
        return this;
    }

    /**
     * After how long without a lookup a bucket is refreshed.
     *
     * @param interval a positive duration
     * @return this builder
     */
    public Kademlia refreshInterval(Duration interval) {
        this.refreshInterval = positive(interval, "refreshInterval");
        return this;
    }

    /**
     * The largest datagram sent or accepted (default 1,400 bytes, which crosses real networks without
     * fragmentation). It bounds the largest value: see {@link #maxValueBytes(int)}.
     *
     * @param bytes in [512, 65,507]
     * @return this builder
     */
    public Kademlia maxDatagramBytes(int bytes) {
        new TransportOptions(bytes); // validates with a message
        this.maxDatagramBytes = bytes;
        return this;
    }

    /**
     * Contacts kept in reserve per bucket (default: {@code k}).
     *
     * @param size at least 1
     * @return this builder
     */
    public Kademlia replacementCacheSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("replacementCacheSize must be at least 1; got " + size);
        }
        this.replacementCacheSize = size;
        return this;
    }

    /**
     * Consecutive failed requests after which a contact is dropped from the routing table (default 2).
     *
     * @param failures at least 1
     * @return this builder
     */
    public Kademlia maxFailures(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1; got " + failures);
        }
        this.maxFailures = failures;
        return this;
    }

    /**
     * How long the least-recently seen contact of a full bucket must have been silent before a newcomer to
     * that bucket makes the node PING it (default 15 minutes). Until then the newcomer waits in the
     * bucket's replacement cache, and takes a slot when a contact fails {@link #maxFailures(int)} times in
     * a row. The paper's basic rule, a PING for every newcomer to a full bucket, is {@link Duration#ZERO};
     * on a busy node those PINGs outnumber every other message.
     *
     * @param silence zero or a positive duration
     * @return this builder
     */
    public Kademlia probeAfter(Duration silence) {
        Objects.requireNonNull(silence, "probeAfter");
        if (silence.isNegative()) {
            throw new IllegalArgumentException("probeAfter must be zero or positive; got " + silence);
        }
        this.probeAfter = silence;
        return this;
    }

    /**
     * How many times an unanswered request is sent again, evenly spaced within the RPC timeout (default 3:
     * four transmissions in all). UDP loses datagrams; retransmitting under the same transaction id makes a
     * lost datagram cost a fraction of a timeout instead of a whole one.
     *
     * @param retransmits in [0, 10]
     * @return this builder
     */
    public Kademlia maxRetransmits(int retransmits) {
        if (retransmits < 0 || retransmits > 10) {
            throw new IllegalArgumentException("maxRetransmits must be in [0, 10]; got " + retransmits);
        }
        this.maxRetransmits = retransmits;
        return this;
    }

    /**
     * A client node uses the network without joining its routing tables: peers answer it but do not add
     * it as a contact. For short-lived processes such as a command-line {@code get}.
     *
     * @param client whether the node is a client
     * @return this builder
     */
    public Kademlia clientMode(boolean client) {
        this.clientMode = client;
        return this;
    }

    /**
     * The largest value a node built with a datagram limit can store.
     *
     * @param maxDatagramBytes a datagram limit
     * @return bytes
     */
    public static int maxValueBytes(int maxDatagramBytes) {
        return new MessageCodec(maxDatagramBytes).maxValueBytes();
    }

    /**
     * Builds and starts the node: binds the transport, opens the store, and starts joining through the
     * bootstrap contacts, if any.
     *
     * @return the running node
     * @throws UncheckedIOException if the transport cannot bind (for example, the port is busy)
     * @throws IllegalStateException if no transport or store provider fits the settings
     * @throws StoreException if the store cannot be opened
     */
    public KademliaNode build() {
        NodeConfig config = new NodeConfig(k, alpha, rpcTimeout, valueTtl, republishInterval,
                originalRepublishInterval, refreshInterval, replacementCacheSize < 0 ? k : replacementCacheSize,
                maxFailures, probeAfter, maxRetransmits, clientMode,
                new AddressDiversity(maxContactsPerAddress, maxContactsPerSubnet, limitLocalAddresses),
                requestsPerSecond, maxStoredEntries, maxStoredBytes);
        RandomGenerator rng = random != null ? random : new SplittableRandom(new SecureRandom().nextLong());
        Store openedStore = store != null ? store : openStore();
        Transport openedTransport;
        try {
            openedTransport = transport != null ? transport : openTransport();
        } catch (RuntimeException e) {
            if (store == null) {
                openedStore.close();
            }
            throw e;
        }
        // A persistent store remembers the node's id and contacts: a restarted node keeps its identity and
        // rejoins through its old contacts when no bootstrap node is given.
        Key id = nodeId != null ? nodeId : NodeState.savedId(openedStore).orElseGet(() -> Key.random(rng));
        List<InetSocketAddress> seeds = new ArrayList<>(bootstrap);
        if (seeds.isEmpty()) {
            NodeState.savedContacts(openedStore).forEach(contact -> seeds.add(contact.address()));
        }
        EventLoop loop = scheduler == null ? new EventLoop() : null;
        DhtNode node = new DhtNode(config, id, openedTransport, openedStore, store == null,
                loop != null ? loop : scheduler, loop, rng);
        node.start();
        if (!seeds.isEmpty()) {
            node.startJoin(seeds);
        }
        transport = null; // a transport serves one node
        return node;
    }

    private Transport openTransport() {
        TransportProvider provider;
        if (transportName != null) {
            provider = Providers.transport(transportName).orElseThrow(() -> new IllegalStateException(
                    "no transport provider named '" + transportName + "'; found: " + names(Providers.transports()
                            .stream().map(TransportProvider::name).collect(Collectors.toList()))));
        } else {
            provider = Providers.soleTransport();
        }
        try {
            return provider.open(bindAddress, new TransportOptions(maxDatagramBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private Store openStore() {
        StoreOptions options = new StoreOptions(Optional.ofNullable(dataDirectory), maxValueBytes(maxDatagramBytes));
        if (storeName.equals("memory")) {
            return new InMemoryStore(options.maxValueBytes());
        }
        StoreProvider provider = Providers.store(storeName).orElseThrow(() -> new IllegalStateException(
                "no store provider named '" + storeName + "'; found: "
                        + names(Providers.stores().stream().map(StoreProvider::name).collect(Collectors.toList()))
                        + (storeName.equals("rocksdb") ? " (add kademlia-store-rocksdb)" : "")));
        return provider.open(options);
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive; got " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "Kademlia.builder[k=" + k + ", alpha=" + alpha + ", bind=" + bindAddress + ", bootstrap="
                + Arrays.toString(bootstrap.toArray()) + "]";
    }
}
