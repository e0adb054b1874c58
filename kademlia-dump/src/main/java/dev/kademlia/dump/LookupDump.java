package dev.kademlia.dump;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kademlia.api.Contact;
import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.core.node.LookupTrace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One traced lookup: the target, every round (hop) with the contacts queried, their distance to the target
 * and what became of each query, the timeline of requests and answers, and the closest contacts found.
 *
 * <p>Hop {@code h} is the paper's round {@code h}: the contacts the lookup starts from are hop 1, the
 * contacts they return hop 2, and so on. Rounds overlap in time (a lookup does not wait for a whole round),
 * so {@link #events()} keeps the real order.
 *
 * @param format          the JSON shape's version, {@link Dump#FORMAT}
 * @param origin          the node that looked up
 * @param target          the key looked up, 64 hex digits
 * @param findValue       true for a value lookup (FIND_VALUE), false for a node lookup (FIND_NODE)
 * @param startedAtMillis when it started, on the origin's clock
 * @param rounds          the queries grouped by hop, ascending
 * @param events          what happened, in order
 * @param closest         the closest contacts that answered, nearest first
 * @param stats           counts and duration
 */
public record LookupDump(int format, Peer origin, String target, boolean findValue, long startedAtMillis,
        List<Round> rounds, List<Event> events, List<Found> closest, Stats stats) implements Dump {

    /** Checks the components and copies the lists. */
    public LookupDump {
        Objects.requireNonNull(origin, "origin");
        Hex.checkKey(target, "target");
        rounds = List.copyOf(rounds);
        events = List.copyOf(events);
        closest = List.copyOf(closest);
        Objects.requireNonNull(stats, "stats");
    }

    /**
     * Runs a lookup from {@code node} and records every step of it. It touches the network like any lookup.
     *
     * @param node      a node built by {@code dev.kademlia.core.Kademlia}
     * @param target    the key to look up
     * @param findValue true for a value lookup, false for a node lookup
     * @return the dump, when the lookup has finished
     * @throws IllegalArgumentException if the node was not built by {@code Kademlia.builder()}
     */
    public static CompletableFuture<LookupDump> trace(KademliaNode node, Key target, boolean findValue) {
        return Nodes.engine(node).traceLookup(target, findValue).thenApply(LookupDump::of);
    }

    static LookupDump of(LookupTrace trace) {
        Key target = trace.target();
        Map<Key, Outcome> outcomes = new HashMap<>();
        Map<Key, List<String>> returned = new HashMap<>();
        List<Event> events = new ArrayList<>();
        for (LookupTrace.Event event : trace.events()) {
            String peer = event.peer().id().toString();
            if (event instanceof LookupTrace.Queried queried) {
                events.add(new Queried(queried.atMillis(), peer, queried.hop()));
            } else if (event instanceof LookupTrace.Answered answered) {
                List<String> ids = answered.returned().stream().map(c -> c.id().toString())
                        .collect(Collectors.toList());
                events.add(new Answered(answered.atMillis(), peer, ids.size(), answered.withValue()));
                outcomes.put(event.peer().id(), answered.withValue() ? Outcome.VALUE : Outcome.ANSWERED);
                returned.put(event.peer().id(), ids);
            } else if (event instanceof LookupTrace.TimedOut) {
                events.add(new TimedOut(event.atMillis(), peer));
                outcomes.put(event.peer().id(), Outcome.TIMED_OUT); // a late answer or failure replaces it
            } else {
                events.add(new Failed(event.atMillis(), peer));
                outcomes.put(event.peer().id(), Outcome.FAILED);
            }
        }
        Map<Integer, List<Query>> byHop = new TreeMap<>();
        for (LookupTrace.Event event : trace.events()) {
            if (event instanceof LookupTrace.Queried queried) {
                Contact peer = queried.peer();
                Peer p = Peer.of(peer);
                byHop.computeIfAbsent(queried.hop(), h -> new ArrayList<>()).add(new Query(p.id(), p.host(), p.port(),
                        Hex.distance(peer.id(), target), outcomes.getOrDefault(peer.id(), Outcome.NO_ANSWER),
                        returned.getOrDefault(peer.id(), List.of())));
            }
        }
        List<Round> rounds = byHop.entrySet().stream().map(e -> new Round(e.getKey(), e.getValue()))
                .collect(Collectors.toList());
        List<Found> closest = trace.closest().stream().map(c -> {
            Peer p = Peer.of(c);
            return new Found(p.id(), p.host(), p.port(), Hex.distance(c.id(), target));
        }).collect(Collectors.toList());
        return new LookupDump(FORMAT, Peer.of(trace.origin()), target.toString(), trace.findValue(),
                trace.startedAtMillis(), rounds, events, closest, new Stats(trace.stats().hops(),
                        trace.stats().rpcs(), trace.stats().responses(), trace.stats().timeouts(),
                        trace.stats().elapsed().toMillis()));
    }

    /**
     * The queries of one hop, in the order they were sent.
     *
     * @param hop     the hop (round) number, from 1
     * @param queried the contacts queried
     */
    public record Round(int hop, List<Query> queried) {

        /**
         * Checks the hop and copies the list.
         *
         * @throws IllegalArgumentException if {@code hop < 1}
         */
        public Round {
            if (hop < 1) {
                throw new IllegalArgumentException("hop must be >= 1; got " + hop);
            }
            queried = List.copyOf(queried);
        }
    }

    /**
     * One contact queried and what became of the query.
     *
     * @param id       the contact's id, 64 hex digits
     * @param host     its numeric IP address
     * @param port     its UDP port
     * @param distance its XOR distance to the target, 64 hex digits
     * @param outcome  whether it answered
     * @param returned the ids of the contacts it returned, closest to the target first as it sent them
     *                 (empty unless it answered with contacts)
     */
    public record Query(String id, String host, int port, String distance, Outcome outcome, List<String> returned) {

        /**
         * Checks the components and copies the list.
         *
         * @throws IllegalArgumentException if an id or distance is not 64 hex digits
         */
        public Query {
            Hex.checkKey(id, "queried id");
            Objects.requireNonNull(host, "host");
            Hex.checkPort(port);
            Hex.checkKey(distance, "distance");
            Objects.requireNonNull(outcome, "outcome");
            returned = List.copyOf(returned);
        }
    }

    /** What became of one query. */
    public enum Outcome {
        /** The contact answered with the contacts it knows closest to the target. */
        ANSWERED,
        /** The contact answered with the value (value lookups only); the lookup stopped there. */
        VALUE,
        /** The contact did not answer in time, or answered with an error. */
        FAILED,
        /**
         * The contact passed the RPC timeout without answering and the lookup went on without it; it
         * neither answered late nor failed for good before the lookup finished.
         */
        TIMED_OUT,
        /** The lookup finished while the query was still waiting for its answer. */
        NO_ANSWER
    }

    /**
     * A contact the lookup found, with its distance to the target.
     *
     * @param id       the contact's id, 64 hex digits
     * @param host     its numeric IP address
     * @param port     its UDP port
     * @param distance its XOR distance to the target, 64 hex digits
     */
    public record Found(String id, String host, int port, String distance) {

        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException if the id or distance is not 64 hex digits
         */
        public Found {
            Hex.checkKey(id, "found id");
            Objects.requireNonNull(host, "host");
            Hex.checkPort(port);
            Hex.checkKey(distance, "distance");
        }
    }

    /**
     * How the lookup went.
     *
     * @param hops          the longest chain of referrals followed
     * @param rpcs          requests sent
     * @param responses     requests answered
     * @param timeouts      requests that timed out
     * @param elapsedMillis time from start to finish
     */
    public record Stats(int hops, int rpcs, int responses, int timeouts, long elapsedMillis) {
    }

    /**
     * One step of the lookup; {@code type} in JSON says which.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Queried.class, name = "queried"),
        @JsonSubTypes.Type(value = Answered.class, name = "answered"),
        @JsonSubTypes.Type(value = TimedOut.class, name = "timedOut"),
        @JsonSubTypes.Type(value = Failed.class, name = "failed")
    })
    public sealed interface Event permits Queried, Answered, TimedOut, Failed {

        /**
         * When it happened.
         *
         * @return milliseconds on the origin's clock
         */
        long atMillis();

        /**
         * The contact it concerns.
         *
         * @return the contact's id, 64 hex digits
         */
        String peer();
    }

    /**
     * A request was sent.
     *
     * @param atMillis when
     * @param peer     to whom, 64 hex digits
     * @param hop      the contact's hop
     */
    public record Queried(long atMillis, String peer, int hop) implements Event {

        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException if {@code peer} is not 64 hex digits or {@code hop < 1}
         */
        public Queried {
            Hex.checkKey(peer, "peer");
            if (hop < 1) {
                throw new IllegalArgumentException("hop must be >= 1; got " + hop);
            }
        }
    }

    /**
     * A contact answered; the contacts it returned are in its {@link Query#returned()}.
     *
     * @param atMillis  when
     * @param peer      who, 64 hex digits
     * @param contacts  how many contacts it returned
     * @param withValue whether it returned the value instead
     */
    public record Answered(long atMillis, String peer, int contacts, boolean withValue) implements Event {

        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException if {@code peer} is not 64 hex digits or {@code contacts} is negative
         */
        public Answered {
            Hex.checkKey(peer, "peer");
            if (contacts < 0) {
                throw new IllegalArgumentException("contacts must be >= 0; got " + contacts);
            }
        }
    }

    /**
     * A contact passed the RPC timeout without answering; the lookup went on without it, but a late answer
     * would still count.
     *
     * @param atMillis when its deadline passed
     * @param peer     who, 64 hex digits
     */
    public record TimedOut(long atMillis, String peer) implements Event {

        /**
         * Checks the peer.
         *
         * @throws IllegalArgumentException if {@code peer} is not 64 hex digits
         */
        public TimedOut {
            Hex.checkKey(peer, "peer");
        }
    }

    /**
     * A request failed: no answer in time, or an error reply.
     *
     * @param atMillis when
     * @param peer     who, 64 hex digits
     */
    public record Failed(long atMillis, String peer) implements Event {

        /**
         * Checks the peer.
         *
         * @throws IllegalArgumentException if {@code peer} is not 64 hex digits
         */
        public Failed {
            Hex.checkKey(peer, "peer");
        }
    }
}
