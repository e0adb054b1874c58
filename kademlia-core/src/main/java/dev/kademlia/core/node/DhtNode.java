package dev.kademlia.core.node;

import dev.kademlia.api.Contact;
import dev.kademlia.api.FindValueResult;
import dev.kademlia.api.KademliaException;
import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupResult;
import dev.kademlia.api.NoRouteException;
import dev.kademlia.api.NodeClosedException;
import dev.kademlia.api.PutResult;
import dev.kademlia.api.RemoteRejectedException;
import dev.kademlia.api.RpcTimeoutException;
import dev.kademlia.api.ValueLookupResult;
import dev.kademlia.api.ValueTooLargeException;
import dev.kademlia.api.spi.Scheduler;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoredValue;
import dev.kademlia.api.spi.Transport;
import dev.kademlia.core.defence.RateLimiter;
import dev.kademlia.core.defence.WriteTokens;
import dev.kademlia.core.lookup.LookupParameters;
import dev.kademlia.core.protocol.DecodeResult;
import dev.kademlia.core.protocol.Envelope;
import dev.kademlia.core.protocol.ErrorReply;
import dev.kademlia.core.protocol.FindNode;
import dev.kademlia.core.protocol.FindValue;
import dev.kademlia.core.protocol.MessageCodec;
import dev.kademlia.core.protocol.Nodes;
import dev.kademlia.core.protocol.Payload;
import dev.kademlia.core.protocol.Ping;
import dev.kademlia.core.protocol.Request;
import dev.kademlia.core.protocol.Response;
import dev.kademlia.core.protocol.StoreAck;
import dev.kademlia.core.protocol.ValueFound;
import dev.kademlia.core.routing.RoutingTable;
import dev.kademlia.core.routing.UpdateOutcome;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The node driver: owns the routing table, the outstanding requests and the running lookups, and connects
 * them to a {@link Transport}, a {@link Store} and a {@link Scheduler}. Every datagram and every API call is
 * turned into a task on the scheduler, so all mutable state is touched by one thread (or one simulated
 * event loop) and needs no locks.
 *
 * <p>Built by {@code dev.kademlia.core.Kademlia}; applications see it as a {@link KademliaNode}.
 */
public final class DhtNode implements KademliaNode {

    private static final System.Logger LOG = System.getLogger(DhtNode.class.getName());
    private static final Duration TOKEN_ROTATION = Duration.ofMinutes(5);
    private static final Duration EXPIRY_SWEEP = Duration.ofMinutes(1);
    private static final int JOIN_ATTEMPTS = 3;
    private static final Duration SAVE_CONTACTS = Duration.ofMinutes(1);
    private static final int RATE_LIMITED_ADDRESSES = 10_000;
    private static final Duration MIN_CACHE_TTL = Duration.ofMinutes(1);

    private final NodeConfig config;
    private final Contact self;
    private final Transport transport;
    private final Store store;
    private final boolean ownsStore;
    private final Scheduler scheduler;
    private final EventLoop ownedLoop;
    private final RandomGenerator random;
    private final MessageCodec codec;
    private final RoutingTable routing;
    private final OutstandingRequests outstanding;
    private final RequestHandler handler;
    private final RateLimiter rateLimiter;
    private final LookupParameters lookupParameters;
    private final NodeMetrics metrics = new NodeMetrics();
    private final List<Scheduler.Cancellable> periodic = new ArrayList<>();
    private volatile boolean closed;
    private volatile CompletableFuture<?> joined = CompletableFuture.completedFuture(null);

    /**
     * Creates a node; {@link #start()} makes it receive. The node takes ownership of the transport (closes
     * it on {@link #close()}), of the store only if {@code ownsStore}, and of the scheduler only if it is
     * {@code ownedLoop}.
     *
     * @param config    the protocol parameters
     * @param id        the node id
     * @param transport an unstarted transport
     * @param store     where values are kept
     * @param ownsStore whether closing the node closes the store
     * @param scheduler the event loop and clock
     * @param ownedLoop the scheduler again if the node created it (and so closes it), else {@code null}
     * @param random    the source of transaction ids, tokens and refresh targets
     */
    public DhtNode(NodeConfig config, Key id, Transport transport, Store store, boolean ownsStore, Scheduler scheduler,
            EventLoop ownedLoop, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.store = Objects.requireNonNull(store, "store");
        this.ownsStore = ownsStore;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.ownedLoop = ownedLoop;
        this.random = Objects.requireNonNull(random, "random");
        this.self = new Contact(Objects.requireNonNull(id, "id"), transport.localAddress());
        this.codec = new MessageCodec(transport.maxDatagramBytes());
        this.routing = new RoutingTable(id, config.k(), config.replacementCacheSize(), config.maxFailures(),
                config.addressDiversity(), config.probeAfter().toMillis());
        this.rateLimiter = new RateLimiter(config.requestsPerSecond(), 2 * config.requestsPerSecond(),
                RATE_LIMITED_ADDRESSES, config.addressDiversity().limitPrivateAddresses());
        this.outstanding = new OutstandingRequests(scheduler, random,
                config.rpcTimeout().dividedBy(config.maxRetransmits() + 1), config.maxRetransmits());
        WriteTokens tokens = new WriteTokens(random, TOKEN_ROTATION.toMillis(), scheduler.nowMillis());
        this.handler = new RequestHandler(routing, store, tokens, Math.min(config.k(), codec.maxContactsPerReply()),
                config.valueTtl(), config.maxStoredEntries(), config.maxStoredBytes(), metrics);
        this.lookupParameters = new LookupParameters(config.k(), config.alpha(), config.rpcTimeout().toMillis());
    }

    /** Starts receiving and schedules maintenance. Called once, by the builder. */
    public void start() {
        transport.start((source, datagram) -> {
            if (closed) {
                return;
            }
            if (scheduler.inEventLoop()) {
                onDatagram(source, datagram); // delivered on the event loop already (a simulated network)
            } else {
                scheduler.execute(() -> onDatagram(source, datagram));
            }
        });
        scheduler.execute(() -> {
            NodeState.saveId(store, self.id());
            every(EXPIRY_SWEEP, () -> store.removeExpired(scheduler.nowMillis()));
            every(SAVE_CONTACTS, () -> NodeState.saveContacts(store, routing));
            every(config.refreshInterval().dividedBy(4), this::refreshIdleBuckets);
            every(config.republishInterval().dividedBy(4), this::republishDue);
        });
    }

    /**
     * Starts joining through {@code seeds}; operations issued from now on wait for the join.
     *
     * @param seeds bootstrap addresses
     */
    public void startJoin(Collection<InetSocketAddress> seeds) {
        joined = bootstrap(seeds);
    }

    /**
     * The maximum value size the wire format carries with this node's datagram limit.
     *
     * @return bytes
     */
    public int maxValueBytes() {
        return codec.maxValueBytes();
    }

    /**
     * The node's counters.
     *
     * @return a snapshot
     */
    public NodeStats stats() {
        return metrics.snapshot();
    }

    /**
     * The routing table. Owned by the event loop: read it only from tasks run on {@link #scheduler()}.
     *
     * @return the table
     */
    public RoutingTable routingTable() {
        return routing;
    }

    /**
     * The node's store.
     *
     * @return the store
     */
    public Store store() {
        return store;
    }

    /**
     * The node's scheduler.
     *
     * @return the scheduler
     */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * A consistent picture of this node's state, taken on its event loop.
     *
     * @return the snapshot
     */
    public CompletableFuture<NodeSnapshot> snapshot() {
        return onLoop(() -> {
            long now = scheduler.nowMillis();
            List<StoredKey> keys = new ArrayList<>();
            store.forEach(now, entry -> keys.add(StoredKey.of(entry)));
            keys.sort(Comparator.comparing(StoredKey::key));
            return CompletableFuture.completedFuture(
                    new NodeSnapshot(self, now, routing.buckets(), keys, metrics.snapshot()));
        });
    }

    /**
     * Runs a lookup and records every step of it: who was asked at which hop, who answered with what, who
     * failed. It touches the network like any lookup (a value found is not cached).
     *
     * @param target    the key to look up
     * @param findValue true for a value lookup, false for a node lookup
     * @return the trace
     */
    public CompletableFuture<LookupTrace> traceLookup(Key target, boolean findValue) {
        Objects.requireNonNull(target, "target");
        return whenJoined(() -> {
            long started = scheduler.nowMillis();
            return lookup(target, findValue, true).thenApply(outcome -> new LookupTrace(self, target, findValue,
                    started, outcome.events(), outcome.closest(), outcome.stats()));
        });
    }

    @Override
    public Contact contact() {
        return self;
    }

    // ------------------------------------------------------------------ public operations

    @Override
    public CompletableFuture<LookupResult> bootstrap(Collection<InetSocketAddress> seeds) {
        List<InetSocketAddress> addresses = List.copyOf(Objects.requireNonNull(seeds, "seeds"));
        return onLoop(() -> join(addresses));
    }

    @Override
    public CompletableFuture<PutResult> put(Key key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (value.length > codec.maxValueBytes()) {
            return CompletableFuture.failedFuture(new ValueTooLargeException(value.length, codec.maxValueBytes()));
        }
        byte[] copy = value.clone();
        return whenJoined(() -> {
            long now = scheduler.nowMillis();
            if (!config.clientMode()) {
                // The publisher keeps its copy even when it is not among the k closest: it republishes from it.
                store.put(new StoredValue(key, copy, expiresAt(now), now, true));
            }
            return lookup(key, false).thenCompose(outcome ->
                    storeAtClosest(key, copy, outcome, ttlSeconds(), expiresAt(now), true));
        });
    }

    @Override
    public CompletableFuture<Optional<byte[]>> get(Key key) {
        Objects.requireNonNull(key, "key");
        return whenJoined(() -> valueLookup(key)).thenApply(result -> result instanceof ValueLookupResult.Found found
                ? Optional.of(found.value())
                : Optional.empty());
    }

    @Override
    public CompletableFuture<Contact> ping(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        return onLoop(() -> request(address, null, new Ping(), config.rpcTimeout())
                .thenApply(response -> new Contact(response.sender(), address)));
    }

    @Override
    public CompletableFuture<Void> store(Contact target, Key key, byte[] value) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (value.length > codec.maxValueBytes()) {
            return CompletableFuture.failedFuture(new ValueTooLargeException(value.length, codec.maxValueBytes()));
        }
        byte[] copy = value.clone();
        // A STORE needs a write token from the target: ask it a FIND_NODE first, as a lookup would have.
        return onLoop(() -> request(target, new FindNode(key), config.rpcTimeout()).thenCompose(reply -> {
            if (reply.payload() instanceof Nodes nodes) {
                return storeAt(target, key, copy, ttlSeconds(), nodes.token());
            }
            throw unexpected(target, reply.payload());
        }));
    }

    @Override
    public CompletableFuture<List<Contact>> findNode(Contact target, Key key) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
        return onLoop(() -> request(target, new FindNode(key), config.rpcTimeout()).thenApply(reply -> {
            if (reply.payload() instanceof Nodes nodes) {
                return nodes.contacts();
            }
            throw unexpected(target, reply.payload());
        }));
    }

    @Override
    public CompletableFuture<FindValueResult> findValue(Contact target, Key key) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
        return onLoop(() -> request(target, new FindValue(key), config.rpcTimeout()).thenApply(reply -> {
            if (reply.payload() instanceof ValueFound found) {
                return new FindValueResult.Value(found.value());
            } else if (reply.payload() instanceof Nodes nodes) {
                return new FindValueResult.Contacts(nodes.contacts());
            }
            throw unexpected(target, reply.payload());
        }));
    }

    @Override
    public CompletableFuture<LookupResult> lookupNodes(Key target) {
        Objects.requireNonNull(target, "target");
        return whenJoined(() -> lookup(target, false)
                .thenApply(outcome -> new LookupResult(target, outcome.closest(), outcome.stats())));
    }

    @Override
    public CompletableFuture<ValueLookupResult> lookupValue(Key key) {
        Objects.requireNonNull(key, "key");
        return whenJoined(() -> valueLookup(key));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        transport.close();
        Runnable cleanup = () -> {
            periodic.forEach(Scheduler.Cancellable::cancel);
            periodic.clear();
            outstanding.failAll(new NodeClosedException(self));
            try {
                NodeState.saveContacts(store, routing);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not save the contacts of " + self, e);
            }
        };
        if (ownedLoop != null) {
            scheduler.execute(cleanup);
            ownedLoop.close(); // runs the cleanup, then ends the loop's thread
        } else {
            cleanup.run(); // an injected scheduler: close() is called on its thread
        }
        if (ownsStore) {
            store.close();
        }
        LOG.log(Level.DEBUG, "node {0} closed", self);
    }

    @Override
    public String toString() {
        return "DhtNode[" + self + "]";
    }

    // ------------------------------------------------------------------ joining and lookups

    private CompletableFuture<LookupResult> join(List<InetSocketAddress> seeds) {
        return pingSeeds(seeds, JOIN_ATTEMPTS).thenCompose(ignored -> {
            if (routing.size() == 0) {
                throw new NoRouteException("cannot join: none of the " + seeds.size()
                        + " bootstrap contacts answered " + seeds);
            }
            return lookupSelf(JOIN_ATTEMPTS).thenCompose(outcome -> refreshFartherBuckets()
                    .thenApply(done -> new LookupResult(self.id(), outcome.closest(), outcome.stats())));
        });
    }

    /**
     * The join's lookup of the node's own id, tried again while nobody answers it: a seed that answered the
     * PING but whose every answer to the lookup was lost would otherwise leave the node knowing only the
     * seed, and unknown to everyone else, until its first bucket refresh an hour later.
     */
    private CompletableFuture<LookupTask.Outcome> lookupSelf(int attempts) {
        return lookup(self.id(), false).thenCompose(outcome -> outcome.stats().responses() == 0 && attempts > 1
                && !closed
                ? lookupSelf(attempts - 1)
                : CompletableFuture.completedFuture(outcome));
    }

    /** Pings every seed; if none answers, tries again, {@code attempts} times in all. */
    private CompletableFuture<Void> pingSeeds(List<InetSocketAddress> seeds, int attempts) {
        List<CompletableFuture<Contact>> pings = new ArrayList<>();
        for (InetSocketAddress seed : seeds) {
            if (!seed.equals(self.address())) {
                pings.add(request(seed, null, new Ping(), config.rpcTimeout())
                        .thenApply(r -> new Contact(r.sender(), seed))
                        .exceptionally(failure -> null));
            }
        }
        return CompletableFuture.allOf(pings.toArray(CompletableFuture[]::new)).thenCompose(ignored ->
                routing.size() == 0 && attempts > 1 && !closed
                        ? pingSeeds(seeds, attempts - 1)
                        : CompletableFuture.completedFuture(null));
    }

    /** The paper's join: refresh every bucket farther away than the closest neighbour. */
    private CompletableFuture<Void> refreshFartherBuckets() {
        List<Contact> nearest = routing.closest(self.id(), 1);
        if (nearest.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<?>> refreshes = new ArrayList<>();
        for (int index = self.id().bucketIndex(nearest.get(0).id()) + 1; index < Key.BITS; index++) {
            refreshes.add(lookup(self.id().randomInBucket(index, random), false));
        }
        return CompletableFuture.allOf(refreshes.toArray(CompletableFuture[]::new));
    }

    private void refreshIdleBuckets() {
        for (int index : routing.bucketsToRefresh(scheduler.nowMillis(), config.refreshInterval().toMillis())) {
            lookup(self.id().randomInBucket(index, random), false);
        }
    }

    private CompletableFuture<LookupTask.Outcome> lookup(Key target, boolean findValue) {
        return lookup(target, findValue, false);
    }

    private CompletableFuture<LookupTask.Outcome> lookup(Key target, boolean findValue, boolean traced) {
        routing.touch(target, scheduler.nowMillis());
        return LookupTask.start(target, self.id(), routing.closest(target, config.k()), lookupParameters,
                findValue, scheduler, this::request, traced);
    }

    private CompletableFuture<ValueLookupResult> valueLookup(Key key) {
        Optional<StoredValue> local = store.get(key, scheduler.nowMillis());
        if (local.isPresent()) {
            return CompletableFuture.completedFuture(new ValueLookupResult.Found(key, local.get().value(), self,
                    new dev.kademlia.api.LookupStats(0, 0, 0, 0, Duration.ZERO)));
        }
        return lookup(key, true).thenApply(outcome -> {
            if (outcome.value().isEmpty()) {
                return new ValueLookupResult.NotFound(key, outcome.closest(), outcome.stats());
            }
            LookupTask.FoundValue found = outcome.value().get();
            cacheAtClosestWithout(key, found, outcome);
            return new ValueLookupResult.Found(key, found.value(), found.source(), outcome.stats());
        });
    }

    /**
     * The paper's caching: store the value at the closest node that answered without it. To avoid
     * over-caching, the copy's lifetime is exponentially inversely proportional to the number of nodes
     * between that node and the closest node to the key: halved for each node closer to the key.
     */
    private void cacheAtClosestWithout(Key key, LookupTask.FoundValue found, LookupTask.Outcome outcome) {
        List<Contact> closest = outcome.closest();
        for (int closer = 0; closer < closest.size(); closer++) {
            Contact contact = closest.get(closer);
            if (!contact.id().equals(found.source().id())) {
                byte[] token = outcome.tokens().get(contact.id());
                if (token != null) {
                    long ttl = Math.min(cachedTtlSeconds(closer), found.ttlSeconds()); // never outlive the source
                    storeAt(contact, key, found.value(), ttl, token)
                            .exceptionally(failure -> null);
                }
                return;
            }
        }
    }

    /** The lifetime of a cached copy with {@code closer} nodes between it and the key's closest node. */
    private long cachedTtlSeconds(int closer) {
        Duration base = config.valueTtl() != null ? config.valueTtl() : config.originalRepublishInterval();
        long seconds = base.toSeconds() >> Math.min(closer, 62);
        return Math.max(MIN_CACHE_TTL.toSeconds(), Math.min(seconds, base.toSeconds()));
    }

    /**
     * STOREs a value at the {@code k} closest nodes of a lookup (this node included when it is one of them).
     *
     * @param ttlSeconds      the lifetime sent with each STORE
     * @param expiresAtMillis this node's own expiry time for the value
     * @param original        whether this node is the value's original publisher
     */
    private CompletableFuture<PutResult> storeAtClosest(Key key, byte[] value, LookupTask.Outcome outcome,
            long ttlSeconds, long expiresAtMillis, boolean original) {
        long now = scheduler.nowMillis();
        List<Contact> targets = new ArrayList<>(outcome.closest());
        if (!config.clientMode()) {
            targets.add(self); // a client is short-lived: it never keeps values for the network
        }
        targets.sort(Comparator.comparing(Contact::id, key::compareDistance));
        if (targets.size() > config.k()) {
            targets = targets.subList(0, config.k());
        }
        List<CompletableFuture<Optional<Contact>>> acks = new ArrayList<>();
        for (Contact target : targets) {
            if (target.equals(self)) {
                store.put(new StoredValue(key, value, expiresAtMillis, now, original));
                acks.add(CompletableFuture.completedFuture(Optional.of(self)));
            } else {
                byte[] token = outcome.tokens().getOrDefault(target.id(), new byte[0]);
                acks.add(storeAt(target, key, value, ttlSeconds, token)
                        .thenApply(done -> Optional.of(target))
                        .exceptionally(failure -> Optional.empty()));
            }
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Contact> storedAt = new ArrayList<>();
            for (CompletableFuture<Optional<Contact>> ack : acks) {
                ack.join().ifPresent(storedAt::add);
            }
            return new PutResult(key, storedAt, outcome.stats());
        });
    }

    /**
     * The paper's republishing: each holder republishes its replicas every {@code republishInterval}, with
     * their remaining lifetime, unless it received a STORE for them within that interval; the original
     * publisher republishes every {@code originalRepublishInterval}, renewing the lifetime.
     */
    private void republishDue() {
        long now = scheduler.nowMillis();
        long replicaInterval = config.republishInterval().toMillis();
        long originalInterval = config.originalRepublishInterval().toMillis();
        List<StoredValue> due = new ArrayList<>();
        store.forEach(now, entry -> {
            long interval = entry.originalPublisher() ? originalInterval : replicaInterval;
            if (now - entry.republishedAtMillis() >= interval) {
                due.add(entry);
            }
        });
        for (StoredValue entry : due) {
            long expiresAt = entry.originalPublisher() ? expiresAt(now) : entry.expiresAtMillis();
            long ttlSeconds = entry.originalPublisher() ? ttlSeconds() : RequestHandler.remainingSeconds(entry, now);
            if (ttlSeconds <= 0) {
                continue; // expires within the second: let it
            }
            byte[] value = entry.value();
            store.put(new StoredValue(entry.key(), value, expiresAt, now, entry.originalPublisher()));
            lookup(entry.key(), false).thenCompose(outcome ->
                    storeAtClosest(entry.key(), value, outcome, ttlSeconds, expiresAt, entry.originalPublisher()));
        }
    }

    /**
     * The paper's replication on join: when a new contact enters the routing table, this node stores on it
     * every value it holds whose key is closer to the newcomer than to this node and for which the
     * newcomer is now among the {@code k} closest this node knows. It first asks the newcomer a FIND_NODE
     * for its own id, which yields the write token and helps the newcomer fill its table.
     */
    private void replicateTo(Contact newcomer) {
        long now = scheduler.nowMillis();
        List<StoredValue> due = new ArrayList<>();
        store.forEach(now, entry -> {
            if (entry.key().compareDistance(newcomer.id(), self.id()) < 0
                    && routing.closest(entry.key(), config.k()).contains(newcomer)) {
                due.add(entry);
            }
        });
        if (due.isEmpty()) {
            return;
        }
        request(newcomer, new FindNode(newcomer.id()), config.rpcTimeout()).thenAccept(reply -> {
            if (reply.payload() instanceof Nodes nodes) {
                long at = scheduler.nowMillis();
                for (StoredValue entry : due) {
                    long ttl = RequestHandler.remainingSeconds(entry, at);
                    if (ttl > 0) {
                        storeAt(newcomer, entry.key(), entry.value(), ttl, nodes.token())
                                .exceptionally(failure -> null);
                    }
                }
            }
        }).exceptionally(failure -> null);
    }

    // ------------------------------------------------------------------ requests and datagrams

    private CompletableFuture<Void> storeAt(Contact target, Key key, byte[] value, long ttlSeconds, byte[] token) {
        return request(target, new dev.kademlia.core.protocol.Store(key, value, ttlSeconds, token), config.rpcTimeout())
                .thenApply(reply -> {
                    if (reply.payload() instanceof StoreAck) {
                        return null;
                    }
                    throw unexpected(target, reply.payload());
                });
    }

    /** Sends a request to a known contact; a timeout or an answer under another id counts as its failure. */
    private CompletableFuture<Envelope> request(Contact to, Request request, Duration timeout) {
        return request(to.address(), to.id(), request, timeout);
    }

    private CompletableFuture<Envelope> request(InetSocketAddress to, Key expectedId, Request request,
            Duration timeout) {
        if (closed) {
            return CompletableFuture.failedFuture(new NodeClosedException(self));
        }
        Rpc rpc = Rpc.of(request);
        byte[][] datagram = new byte[1][];
        OutstandingRequests.Registration registration = outstanding.register(to, timeout, rpc.name(), () -> {
            metrics.retransmitted();
            transport.send(to, datagram[0]);
        });
        try {
            datagram[0] = codec.encode(new Envelope(registration.transactionId(), self.id(), config.clientMode(),
                    request));
            metrics.requestSent(rpc);
            transport.send(to, datagram[0]);
        } catch (IllegalArgumentException e) {
            outstanding.abandon(registration.transactionId(), e);
        }
        return registration.response().handle((response, failure) -> {
            if (failure != null) {
                if (failure instanceof RpcTimeoutException) {
                    metrics.timeout();
                    if (expectedId != null) {
                        routing.failed(expectedId, scheduler.nowMillis());
                    }
                }
                throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
            }
            if (expectedId != null && !response.sender().equals(expectedId)) {
                routing.failed(expectedId, scheduler.nowMillis());
                throw new KademliaException(to + " answered as " + response.sender().toShortString(16)
                        + " instead of " + expectedId.toShortString(16));
            }
            return response;
        });
    }

    private void onDatagram(InetSocketAddress source, byte[] datagram) {
        if (closed) {
            return;
        }
        DecodeResult decoded = codec.decode(datagram);
        if (!(decoded instanceof DecodeResult.Decoded ok)) {
            metrics.malformed();
            if (LOG.isLoggable(Level.DEBUG)) {
                LOG.log(Level.DEBUG, "dropped datagram from {0}: {1}", source, decoded);
            }
            return;
        }
        Envelope envelope = ok.envelope();
        if (envelope.sender().equals(self.id()) || source.getPort() == 0) {
            metrics.malformed(); // our own id from elsewhere is a reflection or a forgery
            return;
        }
        Contact sender = new Contact(envelope.sender(), source);
        if (envelope.payload() instanceof Request request) {
            if (!rateLimiter.tryAcquire(source.getAddress(), scheduler.nowMillis())) {
                metrics.rateLimited();
                return;
            }
            metrics.requestReceived(Rpc.of(request));
            if (!envelope.clientMode()) {
                learn(sender);
            }
            Response response = handler.answer(request, sender, scheduler.nowMillis());
            transport.send(source, codec.encode(
                    new Envelope(envelope.transactionId(), self.id(), config.clientMode(), response)));
        } else if (outstanding.expects(envelope.transactionId(), source)) {
            if (!envelope.clientMode()) {
                learn(sender); // before completing: whoever waits on the answer sees the contact known
            }
            outstanding.complete(envelope, source);
        } else {
            metrics.unmatched();
        }
    }

    /** The paper's rule: every message received updates the sender's bucket; a full bucket probes its oldest. */
    private void learn(Contact contact) {
        UpdateOutcome outcome = routing.seen(contact, scheduler.nowMillis());
        if (outcome instanceof UpdateOutcome.Added && !config.clientMode()) {
            replicateTo(contact);
        } else if (outcome instanceof UpdateOutcome.Pending pending) {
            // The answer (learned like any other) moves the probe to the tail; a timeout evicts it.
            request(pending.probe(), new Ping(), config.rpcTimeout()).exceptionally(failure -> null);
        }
    }

    // ------------------------------------------------------------------ plumbing

    private <T> CompletableFuture<T> onLoop(Supplier<CompletableFuture<T>> operation) {
        if (closed) {
            return CompletableFuture.failedFuture(new NodeClosedException(self));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        scheduler.execute(() -> runOperation(operation, result));
        return result;
    }

    private <T> CompletableFuture<T> whenJoined(Supplier<CompletableFuture<T>> operation) {
        if (closed) {
            return CompletableFuture.failedFuture(new NodeClosedException(self));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        joined.whenComplete((ignored, failure) -> scheduler.execute(() -> runOperation(operation, result)));
        return result;
    }

    private <T> void runOperation(Supplier<CompletableFuture<T>> operation, CompletableFuture<T> result) {
        if (closed) {
            result.completeExceptionally(new NodeClosedException(self));
            return;
        }
        try {
            operation.get().whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure);
                } else {
                    result.complete(value);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** Runs {@code task} every {@code interval} until the node closes. */
    private void every(Duration interval, Runnable task) {
        periodic.add(new Repeating(interval, task));
    }

    /** A task that reschedules itself; {@link #cancel()} stops it. */
    private final class Repeating implements Scheduler.Cancellable {
        private final Duration interval;
        private final Runnable task;
        private Scheduler.Cancellable next;

        Repeating(Duration interval, Runnable task) {
            this.interval = interval;
            this.task = task;
            this.next = scheduler.schedule(interval, this::run);
        }

        private void run() {
            if (!closed) {
                task.run();
                next = scheduler.schedule(interval, this::run);
            }
        }

        @Override
        public void cancel() {
            next.cancel();
        }
    }

    private long ttlSeconds() {
        return config.valueTtl() == null
                ? dev.kademlia.core.protocol.Store.TTL_NEVER
                : Math.max(1, (config.valueTtl().toMillis() + 999) / 1000);
    }

    private long expiresAt(long nowMillis) {
        return config.valueTtl() == null ? StoredValue.NEVER : nowMillis + config.valueTtl().toMillis();
    }

    private static KademliaException unexpected(Contact from, Payload payload) {
        if (payload instanceof ErrorReply error) {
            return new RemoteRejectedException(from, error.code().wireCode(), error.message());
        }
        return new KademliaException(from + " answered with an unexpected " + payload.getClass().getSimpleName());
    }
}
