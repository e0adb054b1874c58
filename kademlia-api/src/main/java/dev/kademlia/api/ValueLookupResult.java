package dev.kademlia.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link KademliaNode#lookupValue}: either the value was found, or it was not and the
 * closest contacts that were asked are reported.
 */
public sealed interface ValueLookupResult {

    /**
     * The key looked up.
     *
     * @return the key
     */
    Key key();

    /**
     * How the lookup went.
     *
     * @return the statistics
     */
    LookupStats stats();

    /**
     * A node returned the value.
     *
     * @param key    the key
     * @param value  the value (a copy is returned by the accessor)
     * @param source the contact that returned it; the local contact if this node held it
     * @param stats  how the lookup went
     */
    record Found(Key key, byte[] value, Contact source, LookupStats stats) implements ValueLookupResult {

        /** Copies the value and checks for nulls. */
        public Found {
            Objects.requireNonNull(key, "key");
            value = value.clone();
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(stats, "stats");
        }

        /**
         * The value, copied.
         *
         * @return the value's bytes
         */
        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Found f
                    && f.key.equals(key)
                    && Arrays.equals(f.value, value)
                    && f.source.equals(source)
                    && f.stats.equals(stats);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, Arrays.hashCode(value), source, stats);
        }

        @Override
        public String toString() {
            return "Found[key=" + key + ", value=" + value.length + " bytes, source=" + source + "]";
        }
    }

    /**
     * No node returned the value.
     *
     * @param key     the key
     * @param closest the closest contacts that answered without it, nearest first
     * @param stats   how the lookup went
     */
    record NotFound(Key key, List<Contact> closest, LookupStats stats) implements ValueLookupResult {

        /** Copies the list and checks for nulls. */
        public NotFound {
            Objects.requireNonNull(key, "key");
            closest = List.copyOf(closest);
            Objects.requireNonNull(stats, "stats");
        }
    }
}
