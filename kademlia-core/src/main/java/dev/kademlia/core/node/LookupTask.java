package dev.kademlia.core.node;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupStats;
import dev.kademlia.api.spi.Scheduler;
import dev.kademlia.core.lookup.ClosestPeersLookup;
import dev.kademlia.core.lookup.LookupParameters;
import dev.kademlia.core.lookup.LookupStep;
import dev.kademlia.core.protocol.Envelope;
import dev.kademlia.core.protocol.FindNode;
import dev.kademlia.core.protocol.FindValue;
import dev.kademlia.core.protocol.Nodes;
import dev.kademlia.core.protocol.Request;
import dev.kademlia.core.protocol.ValueFound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Drives one {@link ClosestPeersLookup}: turns its {@link LookupStep.Query} steps into FIND_NODE or
 * FIND_VALUE requests, feeds answers and failures back, and wakes it at its deadlines. The state machine
 * decides everything; this class only does the I/O.
 *
 * <p>Requests get a hard timeout of twice the lookup's peer timeout: after the peer timeout the lookup
 * stops counting the peer against its parallelism, and an answer that still arrives before the hard
 * timeout is used.
 *
 * <p>Runs on the node's event loop.
 */
final class LookupTask {

    /** Sends one request to one contact; the node's request layer. */
    @FunctionalInterface
    interface Requester {
        CompletableFuture<Envelope> request(Contact to, Request request, Duration timeout);
    }

    /** A value returned by a FIND_VALUE, who returned it, and the lifetime the source's copy has left. */
    record FoundValue(byte[] value, Contact source, long ttlSeconds) {
    }

    /**
     * How a lookup ended.
     *
     * @param closest the closest contacts that answered, nearest first
     * @param stats   counts and duration
     * @param value   the value, for a value lookup that found one
     * @param tokens  the write token each answering contact issued, by contact id
     * @param events  what the lookup did, in order, when it was traced; else empty
     */
    record Outcome(List<Contact> closest, LookupStats stats, Optional<FoundValue> value, Map<Key, byte[]> tokens,
            List<LookupTrace.Event> events) {
    }

    private final ClosestPeersLookup lookup;
    private final boolean findValue;
    private final Scheduler scheduler;
    private final Requester requester;
    private final Duration hardTimeout;
    private final long startedAtMillis;
    private final Map<Key, byte[]> tokens = new HashMap<>();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final List<LookupTrace.Event> events;
    private FoundValue found;
    private Scheduler.Cancellable wake;
    private long wakeAtMillis = Long.MIN_VALUE;
    private boolean pumping;
    private boolean pumpAgain;

    private LookupTask(Key target, Key localId, List<Contact> seeds, LookupParameters parameters, boolean findValue,
            Scheduler scheduler, Requester requester, boolean traced) {
        this.events = traced ? new ArrayList<>() : null;
        this.lookup = new ClosestPeersLookup(target, localId, seeds, parameters);
        this.findValue = findValue;
        this.scheduler = scheduler;
        this.requester = requester;
        this.hardTimeout = Duration.ofMillis(2 * parameters.peerTimeoutMillis());
        this.startedAtMillis = scheduler.nowMillis();
    }

    /**
     * Starts a lookup.
     *
     * @param findValue true for FIND_VALUE (stops at the first value), false for FIND_NODE
     * @param traced    whether to record every step in {@link Outcome#events()}
     * @return the outcome, completed on the event loop
     */
    static CompletableFuture<Outcome> start(Key target, Key localId, List<Contact> seeds, LookupParameters parameters,
            boolean findValue, Scheduler scheduler, Requester requester, boolean traced) {
        LookupTask task = new LookupTask(target, localId, seeds, parameters, findValue, scheduler, requester, traced);
        task.pump();
        return task.outcome;
    }

    private void pump() {
        if (pumping) {
            pumpAgain = true; // an answer arrived synchronously while sending; loop once more
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                step();
            } while (pumpAgain && !outcome.isDone());
        } finally {
            pumping = false;
        }
    }

    private void step() {
        while (!outcome.isDone()) {
            long now = scheduler.nowMillis();
            LookupStep step = lookup.next(now);
            for (Contact late : lookup.drainTimedOut()) {
                record(new LookupTrace.TimedOut(now, late));
            }
            if (step instanceof LookupStep.Query query) {
                send(query.peer());
            } else if (step instanceof LookupStep.Waiting waiting) {
                wakeAt(waiting.nextDeadlineMillis(), now);
                return;
            } else if (step instanceof LookupStep.AtCapacity atCapacity) {
                wakeAt(atCapacity.nextDeadlineMillis(), now);
                return;
            } else {
                finish(now);
                return;
            }
        }
    }

    private void send(Contact peer) {
        Request request = findValue ? new FindValue(lookup.target()) : new FindNode(lookup.target());
        if (events != null) {
            events.add(new LookupTrace.Queried(scheduler.nowMillis(), peer, lookup.hopOf(peer.id()).orElse(1)));
        }
        requester.request(peer, request, hardTimeout).whenComplete((response, failure) -> {
            if (outcome.isDone()) {
                return;
            }
            long now = scheduler.nowMillis();
            if (failure == null && response.payload() instanceof Nodes nodes) {
                tokens.put(peer.id(), nodes.token());
                lookup.onSuccess(peer.id(), nodes.contacts());
                record(new LookupTrace.Answered(now, peer, nodes.contacts(), false));
            } else if (failure == null && findValue && response.payload() instanceof ValueFound value) {
                tokens.put(peer.id(), value.token());
                lookup.onSuccess(peer.id(), List.of());
                found = new FoundValue(value.value(), peer, value.ttlSeconds());
                lookup.finish();
                record(new LookupTrace.Answered(now, peer, List.of(), true));
            } else {
                // a timeout, an error reply, or a reply of the wrong type
                lookup.onFailure(peer.id());
                record(new LookupTrace.Failed(now, peer));
            }
            pump();
        });
    }

    private void record(LookupTrace.Event event) {
        if (events != null) {
            events.add(event);
        }
    }

    private void wakeAt(long deadlineMillis, long now) {
        // At least one millisecond ahead: a deadline equal to "now" must not spin at the same instant.
        long at = Math.max(deadlineMillis, now + 1);
        if (wake != null && wakeAtMillis == at) {
            return;
        }
        if (wake != null) {
            wake.cancel();
        }
        wakeAtMillis = at;
        wake = scheduler.schedule(Duration.ofMillis(at - now), () -> {
            wake = null;
            pump();
        });
    }

    private void finish(long now) {
        if (wake != null) {
            wake.cancel();
            wake = null;
        }
        LookupStats stats = new LookupStats(lookup.hops(), lookup.requestsSent(), lookup.responses(),
                lookup.timeouts(), Duration.ofMillis(now - startedAtMillis));
        outcome.complete(new Outcome(lookup.result(), stats, Optional.ofNullable(found), Map.copyOf(tokens),
                events == null ? List.of() : List.copyOf(events)));
    }
}
