package dev.kademlia.benchmarks.key;

import dev.kademlia.api.Key;
import java.util.SplittableRandom;

/**
 * Seeded random keys for the benchmarks, so that every representation, ours and mldht's, sees the very
 * same inputs in every run.
 */
public final class KeyInputs {

    /** How many inputs a benchmark cycles through: a power of two, so the index is masked, not divided. */
    public static final int SIZE = 1 << 10;

    /** {@link #SIZE} minus one: {@code index & MASK} cycles through the inputs. */
    public static final int MASK = SIZE - 1;

    /**
     * How many inputs the benchmarks of single key operations loop over: few enough that the keys of all
     * three roles stay in the L1 data cache (for ours and for mldht's larger objects alike), as the
     * entries of a bucket and the candidates of a lookup do, so that the figures are the operation and
     * not the memory hierarchy.
     */
    public static final int IN_CACHE = 128;

    private KeyInputs() {
    }

    /**
     * {@link #SIZE} uniformly random keys.
     *
     * @param seed the seed; the same seed gives the same keys
     * @return a new array
     */
    public static Key[] random(long seed) {
        return random(seed, SIZE);
    }

    /**
     * {@code count} uniformly random keys.
     *
     * @param seed  the seed; the same seed gives the same keys
     * @param count how many
     * @return a new array
     */
    public static Key[] random(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        Key[] keys = new Key[count];
        for (int i = 0; i < count; i++) {
            keys[i] = Key.random(random);
        }
        return keys;
    }

    /**
     * The same keys in another representation.
     *
     * @param model the representation
     * @param keys  the keys
     * @return a new array, element {@code i} holding {@code keys[i]}
     */
    public static Object[] convert(KeyModel model, Key[] keys) {
        Object[] out = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = model.convert(keys[i]);
        }
        return out;
    }
}
