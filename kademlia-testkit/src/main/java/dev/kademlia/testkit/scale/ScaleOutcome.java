package dev.kademlia.testkit.scale;

/**
 * What a {@link ScaleSimulation} measured inside the simulation: everything here follows from the
 * configuration and the seed alone, so two runs with the same {@link ScaleConfig} produce equal outcomes.
 *
 * <p>Lookup figures ({@code hops}, {@code rpcs}, {@code lookupMillis}) are taken from the value lookups
 * of the gets ({@code KademliaNode.lookupValue}, which is what {@code get} runs), found or not. A get
 * answered from the reader's own store sends nothing and is no lookup: it is counted in
 * {@code localHits} and left out of those figures.
 *
 * @param nodesStarted       every node started: the initial nodes plus those that joined during churn
 * @param nodesLeft          nodes crashed during the put/get phase
 * @param nodesJoinedLater   nodes that joined during the put/get phase
 * @param liveAtEnd          nodes still running at the end
 * @param puts               puts issued
 * @param putsFailed         puts that completed exceptionally or stored the value nowhere
 * @param replicas           nodes each put stored its value on (0 for a failed put)
 * @param gets               gets issued
 * @param getsSucceeded      gets that returned exactly the value put under the key
 * @param localHits          gets answered from the reader's own store, without a lookup
 * @param hops               rounds per lookup: the longest chain of referrals followed (the contacts a
 *                           lookup starts from are hop 1)
 * @param rpcs               requests sent per lookup, retransmissions not counted
 * @param lookupMillis       virtual milliseconds per lookup
 * @param joinEvents         scheduler events run until the last initial node had joined
 * @param events             scheduler events run in all
 * @param joinVirtualMillis  virtual time when the last initial node had joined
 * @param virtualMillis      virtual time at the end
 * @param datagramsSent      datagrams handed to the network
 * @param datagramsDelivered datagrams delivered
 * @param datagramsDropped   datagrams lost: by chance, or sent to or from a crashed node
 */
public record ScaleOutcome(int nodesStarted, int nodesLeft, int nodesJoinedLater, int liveAtEnd, int puts,
        int putsFailed, Quantiles replicas, int gets, int getsSucceeded, int localHits, Quantiles hops,
        Quantiles rpcs, Quantiles lookupMillis, long joinEvents, long events, long joinVirtualMillis,
        long virtualMillis, long datagramsSent, long datagramsDelivered, long datagramsDropped) {

    /**
     * The fraction of gets that returned the value put.
     *
     * @return in [0, 1]
     */
    public double getSuccessRate() {
        return gets == 0 ? 0 : (double) getsSucceeded / gets;
    }
}
