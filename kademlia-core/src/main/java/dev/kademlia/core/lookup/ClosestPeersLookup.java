package dev.kademlia.core.lookup;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The iterative node lookup of Kademlia as a pure state machine: it finds the {@code k} peers closest to a
 * target key that answer. It performs no I/O and never reads a clock; a driver asks it what to do with
 * {@link #next(long)}, sends the requests, and reports answers with {@link #onSuccess} and failures with
 * {@link #onFailure}. One thread must own an instance: it is not thread-safe.
 *
 * <pre>{@code
 * ClosestPeersLookup lookup = new ClosestPeersLookup(target, localId, closestKnown, parameters);
 * LookupStep step;
 * while ((step = lookup.next(clock.millis())) instanceof LookupStep.Query query) {
 *     send(findNode(query.peer(), target));
 * }
 * // ... on a response: lookup.onSuccess(from, contacts), then call next again; likewise on a failure
 * //     or when the clock reaches the deadline the Waiting / AtCapacity step named
 * }</pre>
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>The paper's procedure.</b> Maymounkov and Mazières (Kademlia, IPTPS 2002, section 2.3) define the
 * node lookup: the initiator sends parallel, asynchronous FIND_NODE RPCs to {@code alpha} of the closest
 * nodes it knows; "in the recursive step, the initiator resends the FIND_NODE to nodes it has learned about
 * from previous RPCs", and "this recursion can begin before all alpha of the previous RPCs have returned".
 * We take that last remark literally, as rust-libp2p's {@code ClosestPeersIter} does: there are no
 * lock-step rounds; whenever a slot frees, the closest candidate not yet queried is sent a request.
 *
 * <p><b>Candidates.</b> Every contact ever learned is a candidate, kept in an array sorted by XOR distance
 * to the target (distinct ids have distinct distances, so the order is total) and indexed by id. Each is
 * in one state: <em>not contacted</em>, <em>waiting</em> (until a deadline), <em>unresponsive</em> (the
 * deadline passed), <em>failed</em> or <em>succeeded</em>. The local id is never a candidate; a contact
 * learned twice keeps its first address and its smallest hop number.
 *
 * <p><b>Unresponsive peers.</b> "Nodes that fail to respond quickly are removed from consideration until
 * and unless they do respond": a waiting peer whose deadline has passed becomes unresponsive when
 * {@link #next(long)} next runs; it no longer counts against the parallelism nor holds up termination,
 * but its late answer is used like any other. {@link #onFailure} removes a peer for good.
 *
 * <p><b>The window.</b> "Of the k nodes the initiator has heard of closest to the target, it picks alpha
 * that it has not yet queried": the lookup considers only the <em>window</em>, the {@code k} closest
 * candidates that have neither failed nor become unresponsive. A candidate outside it could only enter
 * the result if a peer inside failed, so it is not queried (then it would be, in distance order). This is
 * stricter than rust-libp2p, which may query beyond the {@code k}-th closest while nearer peers are still
 * awaited; it saves requests once the lookup has converged.
 *
 * <p><b>Stalling.</b> "If a round of FIND_NODEs fails to return a node any closer than the closest already
 * seen, the initiator resends the FIND_NODE to all of the k closest nodes it has not already queried."
 * Without rounds, a round is read as {@code alpha} consecutive answers: a response <em>makes progress</em>
 * when it brings a contact closer to the target than every candidate seen so far (failed ones included);
 * after {@code alpha} answers in a row without progress the lookup is <em>stalled</em> and its
 * parallelism rises to {@code max(k, alpha)}, so every not-yet-queried peer of the window can be asked at
 * once (the window holds at most {@code k}). An answer that makes progress returns it to {@code alpha}.
 * Failures and timeouts do not count as answers. Requests already in flight stay in flight when the
 * parallelism falls back, so the number in flight may briefly exceed {@code alpha}; a new request is only
 * issued below the current parallelism.
 *
 * <p><b>Termination.</b> "The lookup terminates when the initiator has queried and gotten responses from
 * the k closest nodes it has seen": the lookup is finished when every candidate of the window has
 * succeeded. That covers the case where the candidates run out (the window is then smaller than
 * {@code k}, and nothing is left to send or wait for). Peers still awaited outside the window are not
 * waited for. {@link #finish()} ends the lookup early, e.g. when FIND_VALUE returned the value.
 *
 * <p><b>Hops.</b> Seeds are hop 1 and contacts first learned from a hop-{@code h} peer are hop
 * {@code h + 1}; {@link #hops()} reports the deepest hop among the results: with lock-step rounds it would
 * be the number of rounds the result took.
 *
 * <p><b>Cost.</b> Learning a contact is a hash look-up, a binary search and an array copy of the farther
 * candidates; {@link #next(long)} walks the candidates in distance order and stops at the end of the
 * window, so it skips only failed and unresponsive peers beyond {@code k}. The peers waited for are kept
 * in a separate list of at most {@code max(k, alpha)} entries, so expiring deadlines and finding the next
 * one do not scan the candidates. A step allocates nothing but the record it returns.
 */
public final class ClosestPeersLookup {

    private static final LookupStep.Finished FINISHED = new LookupStep.Finished();

    private final Key target;
    private final Key localId;
    private final LookupParameters parameters;

    /** Candidates sorted by XOR distance to the target, nearest first; {@code size} are in use. */
    private Candidate[] candidates;
    private int size;
    private final Map<Key, Candidate> byId;
    /** The candidates in state WAITING, in no particular order. */
    private final List<Candidate> waiting;

    private boolean finished;
    private boolean stalled;
    /** Consecutive answers without progress since the last progress. */
    private int withoutProgress;

    private int requestsSent;
    private int responses;
    private int timeouts;
    /** Peers that passed their deadline since {@link #drainTimedOut()} was last called. */
    private final List<Contact> timedOut = new ArrayList<>();
    private int failures;

    /**
     * Starts a lookup. Nothing is sent until {@link #next(long)} is called.
     *
     * @param target     the key whose closest peers are wanted
     * @param localId    the id of the node running the lookup: never queried, never in the result
     * @param seeds      the initial candidates, typically the routing table's closest to the target, all
     *                   hop 1; duplicates and the local id are ignored
     * @param parameters {@code k}, {@code alpha} and the peer timeout
     * @throws NullPointerException if an argument or a seed is null
     */
    public ClosestPeersLookup(Key target, Key localId, Collection<Contact> seeds, LookupParameters parameters) {
        this.target = Objects.requireNonNull(target, "target");
        this.localId = Objects.requireNonNull(localId, "localId");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(seeds, "seeds");
        this.candidates = new Candidate[Math.max(16, seeds.size())];
        this.byId = new HashMap<>(Math.max(16, seeds.size() * 2));
        this.waiting = new ArrayList<>(Math.min(parameters.parallelism(true), 64));
        for (Contact seed : seeds) {
            learn(Objects.requireNonNull(seed, "seeds must not contain null"), 1);
        }
    }

    /**
     * The key this lookup searches for.
     *
     * @return the target
     */
    public Key target() {
        return target;
    }

    /**
     * The id of the node running this lookup.
     *
     * @return the local id
     */
    public Key localId() {
        return localId;
    }

    /**
     * The parameters this lookup runs with.
     *
     * @return {@code k}, {@code alpha} and the peer timeout
     */
    public LookupParameters parameters() {
        return parameters;
    }

    /**
     * The next step at time {@code nowMillis}. First, waiting peers whose deadline is at or before
     * {@code nowMillis} become unresponsive. Then, if a candidate of the window (see the implementation
     * notes) has not been contacted, the nearest such one is returned as a {@link LookupStep.Query} if a
     * slot is free: it is now waited for until {@code nowMillis + peerTimeoutMillis}, so call again until
     * the step is something other than a query. Otherwise the step is {@link LookupStep.AtCapacity} when
     * the requests in flight fill the current parallelism, {@link LookupStep.Waiting} when they do not,
     * and {@link LookupStep.Finished} when every candidate of the window has succeeded.
     *
     * @param nowMillis the caller's clock, in milliseconds; any origin, not decreasing between calls
     * @return the step; always {@code Finished} once the lookup is finished
     */
    public LookupStep next(long nowMillis) {
        if (finished) {
            return FINISHED;
        }
        expire(nowMillis);
        int k = parameters.k();
        int inWindow = 0;
        boolean awaitingWindow = false;
        for (int i = 0; i < size && inWindow < k; i++) {
            Candidate c = candidates[i];
            switch (c.state) {
                case SUCCEEDED:
                    inWindow++;
                    break;
                case WAITING:
                    inWindow++;
                    awaitingWindow = true;
                    break;
                case NOT_CONTACTED:
                    if (waiting.size() >= parameters.parallelism(stalled)) {
                        return new LookupStep.AtCapacity(nextDeadline());
                    }
                    c.state = PeerState.WAITING;
                    c.deadline = deadlineFrom(nowMillis);
                    waiting.add(c);
                    requestsSent++;
                    return new LookupStep.Query(c.contact);
                default: // FAILED, UNRESPONSIVE: out of consideration
                    break;
            }
        }
        if (!awaitingWindow) {
            finished = true;
            return FINISHED;
        }
        return waiting.size() >= parameters.parallelism(stalled)
                ? new LookupStep.AtCapacity(nextDeadline())
                : new LookupStep.Waiting(nextDeadline());
    }

    /**
     * Reports that {@code peer} answered. The closer peers become candidates, one hop beyond
     * {@code peer}; among them the local id, contacts already known ({@code peer} itself included) and
     * duplicates are ignored. A contact whose id is the target is a candidate like any other (the
     * closest possible). Accepted for a peer waited for or unresponsive (a late answer); ignored, with no
     * change, for a peer never queried, already reported, or once the lookup is finished.
     *
     * @param peer        the id of the peer that answered
     * @param closerPeers the contacts it returned, in any order
     * @return whether the answer was accepted
     * @throws NullPointerException if an argument or one of the contacts is null (nothing is changed)
     */
    public boolean onSuccess(Key peer, Collection<Contact> closerPeers) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(closerPeers, "closerPeers");
        for (Contact contact : closerPeers) {
            Objects.requireNonNull(contact, "closerPeers must not contain null");
        }
        Candidate responder = awaited(peer);
        if (responder == null) {
            return false;
        }
        responder.state = PeerState.SUCCEEDED;
        responses++;
        boolean progress = false;
        int hop = responder.hop + 1;
        for (Contact contact : closerPeers) {
            progress |= learn(contact, hop) == 0;
        }
        if (progress) {
            stalled = false;
            withoutProgress = 0;
        } else if (!stalled && ++withoutProgress >= parameters.alpha()) {
            stalled = true;
        }
        return true;
    }

    /**
     * Reports that the request to {@code peer} failed for good (an error, or the driver's own hard
     * timeout). The peer leaves consideration. Accepted for a peer waited for or unresponsive; ignored,
     * with no change, for a peer never queried, already reported, or once the lookup is finished.
     *
     * @param peer the id of the peer whose request failed
     * @return whether the failure was accepted
     */
    public boolean onFailure(Key peer) {
        Objects.requireNonNull(peer, "peer");
        Candidate failed = awaited(peer);
        if (failed == null) {
            return false;
        }
        failed.state = PeerState.FAILED;
        failures++;
        return true;
    }

    /**
     * Ends the lookup now, e.g. when a value lookup has found its value. {@link #next(long)} then returns
     * {@link LookupStep.Finished}, later reports are ignored, and {@link #result()} keeps what was found.
     */
    public void finish() {
        finished = true;
    }

    /**
     * Whether the lookup is over, because {@link #next(long)} found it complete or {@link #finish()} was
     * called.
     *
     * @return whether it is finished
     */
    public boolean isFinished() {
        return finished;
    }

    /**
     * Whether the lookup is stalled: {@code alpha} answers in a row brought nothing closer than the
     * closest candidate seen, so up to {@code max(k, alpha)} requests may be in flight.
     *
     * @return whether it is stalled
     */
    public boolean isStalled() {
        return stalled;
    }

    /**
     * Up to {@code k} peers that answered, nearest to the target first. Meaningful at any time; final once
     * the lookup is finished.
     *
     * @return an unmodifiable list
     */
    public List<Contact> result() {
        int k = parameters.k();
        List<Contact> out = new ArrayList<>(Math.min(k, size));
        for (int i = 0; i < size && out.size() < k; i++) {
            if (candidates[i].state == PeerState.SUCCEEDED) {
                out.add(candidates[i].contact);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The hop number of a candidate: seeds are hop 1, and a contact first learned from a hop-{@code h}
     * peer is hop {@code h + 1} (the smallest, if it was learned several times).
     *
     * @param peer a peer id
     * @return its hop number, or empty if the lookup never learned of it (the local id included)
     */
    public OptionalInt hopOf(Key peer) {
        Candidate c = byId.get(Objects.requireNonNull(peer, "peer"));
        return c == null ? OptionalInt.empty() : OptionalInt.of(c.hop);
    }

    /**
     * The largest hop number among the {@link #result()}: the number of rounds a lock-step lookup would
     * have taken to find it.
     *
     * @return the hop count, {@code 0} if the result is empty
     */
    public int hops() {
        int k = parameters.k();
        int found = 0;
        int max = 0;
        for (int i = 0; i < size && found < k; i++) {
            if (candidates[i].state == PeerState.SUCCEEDED) {
                found++;
                max = Math.max(max, candidates[i].hop);
            }
        }
        return max;
    }

    /**
     * The number of {@link LookupStep.Query} steps issued.
     *
     * @return the requests sent
     */
    public int requestsSent() {
        return requestsSent;
    }

    /**
     * The number of answers accepted by {@link #onSuccess}, late ones included.
     *
     * @return the responses
     */
    public int responses() {
        return responses;
    }

    /**
     * The number of peers that passed their deadline without answering and became unresponsive. Such a
     * peer may still answer (it then also counts in {@link #responses()}) or fail (it then also counts in
     * {@link #failures()}).
     *
     * @return the timeouts
     */
    public int timeouts() {
        return timeouts;
    }

    /**
     * The number of failures accepted by {@link #onFailure}.
     *
     * @return the failures
     */
    public int failures() {
        return failures;
    }

    /**
     * The number of peers waited for and not yet past their deadline, as of the last call to
     * {@link #next(long)} (deadlines are only checked there) and the reports since.
     *
     * @return the requests in flight
     */
    public int inFlight() {
        return waiting.size();
    }

    /** A one-line summary of the lookup's progress, for logs. */
    @Override
    public String toString() {
        return "ClosestPeersLookup{target=" + target.toShortString(16)
                + ", candidates=" + size
                + ", inFlight=" + waiting.size()
                + ", sent=" + requestsSent
                + ", responses=" + responses
                + ", timeouts=" + timeouts
                + ", failures=" + failures
                + (stalled ? ", stalled" : "")
                + (finished ? ", finished" : "")
                + "}";
    }

    /**
     * The candidate for {@code peer} if a report about it is expected (waiting or unresponsive), taking
     * it off the waiting list; {@code null} otherwise.
     */
    private Candidate awaited(Key peer) {
        if (finished) {
            return null;
        }
        Candidate c = byId.get(peer);
        if (c == null) {
            return null;
        }
        switch (c.state) {
            case WAITING:
                waiting.remove(c);
                return c;
            case UNRESPONSIVE:
                return c;
            default:
                return null;
        }
    }

    /**
     * Adds {@code contact} as a candidate at {@code hop}, unless it is the local node or already known
     * (then only its hop may decrease).
     *
     * @return the index where it was inserted, or {@code -1} if it was not
     */
    private int learn(Contact contact, int hop) {
        Key id = contact.id();
        if (id.equals(localId)) {
            return -1;
        }
        Candidate known = byId.get(id);
        if (known != null) {
            known.hop = Math.min(known.hop, hop);
            return -1;
        }
        Candidate c = new Candidate(contact, hop);
        byId.put(id, c);
        int index = insertionPoint(id);
        if (size == candidates.length) {
            candidates = Arrays.copyOf(candidates, size * 2);
        }
        System.arraycopy(candidates, index, candidates, index + 1, size - index);
        candidates[index] = c;
        size++;
        return index;
    }

    /** The index of the first candidate farther from the target than {@code id}. */
    private int insertionPoint(Key id) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (target.compareDistance(candidates[mid].contact.id(), id) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The peers that passed their deadline (became unresponsive) since the last call, in the order they
     * did: for a driver that traces the lookup. They may still answer, and a late answer is used.
     *
     * @return the peers, possibly none; the internal list is cleared
     */
    public List<Contact> drainTimedOut() {
        if (timedOut.isEmpty()) {
            return List.of();
        }
        List<Contact> out = List.copyOf(timedOut);
        timedOut.clear();
        return out;
    }

    /** Moves waiting peers whose deadline is at or before {@code nowMillis} to UNRESPONSIVE. */
    private void expire(long nowMillis) {
        int kept = 0;
        for (int i = 0; i < waiting.size(); i++) {
            Candidate c = waiting.get(i);
            if (c.deadline <= nowMillis) {
                c.state = PeerState.UNRESPONSIVE;
                timeouts++;
                timedOut.add(c.contact);
            } else {
                waiting.set(kept++, c);
            }
        }
        waiting.subList(kept, waiting.size()).clear();
    }

    /** The earliest deadline among the waiting peers; only called when there is one. */
    private long nextDeadline() {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < waiting.size(); i++) {
            earliest = Math.min(earliest, waiting.get(i).deadline);
        }
        return earliest;
    }

    /** {@code nowMillis + peerTimeoutMillis}, saturating at {@link Long#MAX_VALUE}. */
    private long deadlineFrom(long nowMillis) {
        long timeout = parameters.peerTimeoutMillis();
        return nowMillis > Long.MAX_VALUE - timeout ? Long.MAX_VALUE : nowMillis + timeout;
    }

    /** Where a candidate stands. */
    private enum PeerState {
        NOT_CONTACTED,
        WAITING,
        UNRESPONSIVE,
        FAILED,
        SUCCEEDED
    }

    /** One peer the lookup has heard of. */
    private static final class Candidate {
        final Contact contact;
        PeerState state = PeerState.NOT_CONTACTED;
        /** Valid in state WAITING. */
        long deadline;
        int hop;

        Candidate(Contact contact, int hop) {
            this.contact = contact;
            this.hop = hop;
        }
    }
}
