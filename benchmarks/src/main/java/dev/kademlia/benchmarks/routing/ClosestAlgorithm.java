package dev.kademlia.benchmarks.routing;

/**
 * A way to answer {@code closest(target, n)} over a {@link Population}: ours beside the naive reference,
 * and a candidate improvement of ours. The benchmark takes one as a {@code @Param}; each runs in its own
 * JVM fork.
 */
public enum ClosestAlgorithm {

    /**
     * Ours: {@link dev.kademlia.core.routing.RoutingTable#closest}, which walks the buckets in distance
     * order and reads each bucket's nearest contacts off a crit-bit tree of its ids.
     */
    TABLE {
        @Override
        public ClosestQuery prepare(Population population) {
            return population.table()::closest;
        }
    },

    /** The naive reference: sort all contacts by distance and take the first {@code n} ({@link SortAllClosest}). */
    SORT_ALL {
        @Override
        public ClosestQuery prepare(Population population) {
            return new SortAllClosest(population.contacts())::closest;
        }
    },

    /**
     * A candidate for ours: the same bucket walk with a bounded selection in place of each bucket's sort
     * ({@link BucketSelectClosest}). Not the library's code.
     */
    BUCKET_SELECT {
        @Override
        public ClosestQuery prepare(Population population) {
            return new BucketSelectClosest(population.table())::closest;
        }
    };

    /**
     * The query function over a population's table.
     *
     * @param population the table and its contacts
     * @return the query
     */
    public abstract ClosestQuery prepare(Population population);
}
