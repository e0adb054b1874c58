package dev.kademlia.benchmarks.lookup;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupResult;
import dev.kademlia.core.Kademlia;
import dev.kademlia.core.node.DhtNode;
import java.util.concurrent.CompletableFuture;

/**
 * A way to look up the nodes closest to a key: ours beside the naive reference. {@link LookupBenchmark}
 * takes one as a {@code @Param}. Both use {@code k} = {@value Kademlia#DEFAULT_K} and {@code alpha} =
 * {@value Kademlia#DEFAULT_ALPHA}, and both report the FIND_NODE requests they sent in
 * {@link LookupResult#stats()}.
 */
public enum LookupAlgorithm {

    /**
     * Ours: {@link KademliaNode#lookupNodes}, the paper's lookup, with {@code alpha} requests in flight at
     * all times, ending when the {@code k} closest contacts heard of have answered.
     */
    PAPER {
        @Override
        public CompletableFuture<LookupResult> lookup(KademliaNode origin, Key target) {
            return origin.lookupNodes(target);
        }
    },

    /**
     * The naive reference: the original crate's {@code nodes_lookup} ({@link LockstepLookup}), lockstep
     * rounds of {@code alpha} requests that query every contact heard of.
     */
    LOCKSTEP {
        @Override
        public CompletableFuture<LookupResult> lookup(KademliaNode origin, Key target) {
            return LockstepLookup.start((DhtNode) origin, target, Kademlia.DEFAULT_K, Kademlia.DEFAULT_ALPHA);
        }
    };

    /**
     * Starts a lookup; on a simulated network the future completes as the virtual scheduler runs.
     *
     * @param origin the node that looks up, a {@link DhtNode} for {@link #LOCKSTEP}
     * @param target the key
     * @return the closest contacts, nearest first, and how the lookup went
     */
    public abstract CompletableFuture<LookupResult> lookup(KademliaNode origin, Key target);
}
