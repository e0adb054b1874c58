package dev.kademlia.benchmarks.key;

import dev.kademlia.api.Key;
import java.math.BigInteger;

/**
 * The other naive reference for the XOR metric: a key as a non-negative {@link BigInteger}, the
 * representation a textbook port reaches for first. Every operation allocates.
 */
public final class BigIntegerKeys {

    private BigIntegerKeys() {
    }

    /**
     * The key as a non-negative integer.
     *
     * @param key a key
     * @return the unsigned value of its 256 bits
     */
    public static BigInteger of(Key key) {
        return new BigInteger(1, key.toBytes());
    }

    /**
     * The XOR distance.
     *
     * @param a a key
     * @param b another key
     * @return {@code a XOR b}
     */
    public static BigInteger distance(BigInteger a, BigInteger b) {
        return a.xor(b);
    }

    /**
     * Compares the distances of {@code a} and {@code b} to {@code target}.
     *
     * @param target the key distances are measured from
     * @param a      one key
     * @param b      another key
     * @return negative if {@code a} is closer, positive if {@code b} is, zero if equally far
     */
    public static int compareDistance(BigInteger target, BigInteger a, BigInteger b) {
        return target.xor(a).compareTo(target.xor(b));
    }

    /**
     * The index of the highest bit in which the keys differ.
     *
     * @param local the local id
     * @param other another key
     * @return the bucket index in {@code [0, 255]}, or {@code -1} if the keys are equal
     */
    public static int bucketIndex(BigInteger local, BigInteger other) {
        return local.xor(other).bitLength() - 1;
    }
}
