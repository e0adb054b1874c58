package dev.kademlia.benchmarks.lookup;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupResult;
import dev.kademlia.api.LookupStats;
import dev.kademlia.api.RpcTimeoutException;
import dev.kademlia.core.node.DhtNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The naive reference for a node lookup: the original Rust crate's {@code nodes_lookup}, built on our
 * node's public per-RPC API ({@link DhtNode#findNode}). It runs in lockstep rounds: each round sends
 * FIND_NODE to the {@code alpha} closest contacts not yet queried and waits for all of them (a round lasts
 * as long as its slowest peer); every contact an answer names joins the shortlist, which is never trimmed;
 * the lookup ends only when every contact of the shortlist has been queried, so it crawls every node it
 * hears of rather than stopping once the {@code k} closest have answered. A failed request counts as an
 * empty answer. The result is the {@code k} contacts of the shortlist closest to the target.
 *
 * <p>Everything runs on the origin's scheduler: the lookup starts in a task, and each round starts from
 * the callback of the previous round's last answer. Nothing blocks, so on a simulated network the lookup
 * is driven by whoever runs the virtual scheduler. One instance runs one lookup.
 */
public final class LockstepLookup {

    private final DhtNode origin;
    private final Key target;
    private final int k;
    private final int alpha;
    /** Contacts heard of and not yet queried, nearest to the target first. */
    private final TreeSet<Contact> pending;
    /** Every contact heard of, queried or not. */
    private final List<Contact> shortlist = new ArrayList<>();
    private final Set<Key> seen = new HashSet<>();
    private final CompletableFuture<LookupResult> result = new CompletableFuture<>();
    private long startedMillis;
    private int rounds;
    private int rpcs;
    private int responses;
    private int timeouts;

    private LockstepLookup(DhtNode origin, Key target, int k, int alpha) {
        this.origin = origin;
        this.target = target;
        this.k = k;
        this.alpha = alpha;
        this.pending = new TreeSet<>((a, b) -> target.compareDistance(a.id(), b.id()));
    }

    /**
     * Starts a lookup of {@code target} from {@code origin}. The returned future completes on the
     * origin's scheduler; its stats count rounds as hops, FIND_NODE requests sent as RPCs, and the
     * requests answered and timed out.
     *
     * @param origin the node that looks up
     * @param target the key
     * @param k      how many contacts to return, and how many the origin starts from
     * @param alpha  how many requests each round sends
     * @return the {@code k} closest contacts heard of, nearest first
     */
    public static CompletableFuture<LookupResult> start(DhtNode origin, Key target, int k, int alpha) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(target, "target");
        if (k < 1 || alpha < 1) {
            throw new IllegalArgumentException("k and alpha must be at least 1; got " + k + " and " + alpha);
        }
        LockstepLookup lookup = new LockstepLookup(origin, target, k, alpha);
        origin.scheduler().execute(lookup::begin);
        return lookup.result;
    }

    /** Seeds the shortlist from the origin's routing table (read on its scheduler) and runs round one. */
    private void begin() {
        try {
            startedMillis = origin.scheduler().nowMillis();
            origin.routingTable().closest(target, k).forEach(this::hear);
            nextRound();
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void hear(Contact contact) {
        if (!contact.id().equals(origin.id()) && seen.add(contact.id())) {
            shortlist.add(contact);
            pending.add(contact);
        }
    }

    private void nextRound() {
        if (pending.isEmpty()) {
            finish();
            return;
        }
        rounds++;
        List<CompletableFuture<List<Contact>>> answers = new ArrayList<>(alpha);
        for (int i = 0; i < alpha && !pending.isEmpty(); i++) {
            Contact peer = pending.pollFirst();
            rpcs++;
            answers.add(origin.findNode(peer, target).handle((contacts, failure) -> {
                if (failure == null) {
                    responses++;
                    return contacts;
                }
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof RpcTimeoutException) {
                    timeouts++;
                }
                return List.of();
            }));
        }
        CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).whenComplete((ignored, failure) -> {
            try {
                for (CompletableFuture<List<Contact>> answer : answers) {
                    answer.join().forEach(this::hear);
                }
                nextRound();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    private void finish() {
        List<Contact> closest = new ArrayList<>(shortlist);
        closest.sort((a, b) -> target.compareDistance(a.id(), b.id()));
        Duration elapsed = Duration.ofMillis(origin.scheduler().nowMillis() - startedMillis);
        result.complete(new LookupResult(target, closest.subList(0, Math.min(k, closest.size())),
                new LookupStats(rounds, rpcs, responses, timeouts, elapsed)));
    }
}
