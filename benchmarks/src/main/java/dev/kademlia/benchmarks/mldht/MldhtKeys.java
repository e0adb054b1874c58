package dev.kademlia.benchmarks.mldht;

import dev.kademlia.api.Key;
import java.util.Arrays;

/**
 * Our keys as mldht's. mldht's {@link lbms.plugins.mldht.kad.Key} is 160 bits (BitTorrent's SHA-1 ids):
 * an mldht key here is the first 20 bytes of ours, so both sides order the same inputs the same way
 * (except for keys that agree in their first 160 bits, which random keys never do).
 */
public final class MldhtKeys {

    private MldhtKeys() {
    }

    /**
     * The most significant 160 bits of {@code key}, as an mldht key.
     *
     * @param key our key
     * @return mldht's key
     */
    public static lbms.plugins.mldht.kad.Key of(Key key) {
        return new lbms.plugins.mldht.kad.Key(
                Arrays.copyOf(key.toBytes(), lbms.plugins.mldht.kad.Key.SHA1_HASH_LENGTH));
    }

    /**
     * Every key of {@code keys} as an mldht key.
     *
     * @param keys our keys
     * @return a new array, element {@code i} holding {@code keys[i]}
     */
    public static lbms.plugins.mldht.kad.Key[] of(Key[] keys) {
        lbms.plugins.mldht.kad.Key[] out = new lbms.plugins.mldht.kad.Key[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = of(keys[i]);
        }
        return out;
    }
}
