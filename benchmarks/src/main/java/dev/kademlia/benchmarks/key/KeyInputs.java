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

    private KeyInputs() {
    }

    /**
     * {@link #SIZE} uniformly random keys.
     *
     * @param seed the seed; the same seed gives the same keys
     * @return a new array
     */
    public static Key[] random(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Key[] keys = new Key[SIZE];
        for (int i = 0; i < SIZE; i++) {
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
