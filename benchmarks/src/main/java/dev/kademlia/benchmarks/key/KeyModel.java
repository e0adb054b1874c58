package dev.kademlia.benchmarks.key;

import dev.kademlia.api.Distance;
import dev.kademlia.api.Key;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A representation of 256-bit keys and the XOR metric on it: ours beside the naive references. The
 * benchmarks take one as a {@code @Param}; each value runs in its own JVM fork, so the calls below are
 * monomorphic and inline as if written out directly. Keys are passed as {@code Object} so that one
 * benchmark method serves every representation; the cast costs every representation the same single
 * class check.
 */
public enum KeyModel {

    /** Ours: {@link Key}, four {@code long} words; the comparisons allocate nothing. */
    KEY {
        @Override
        public Object convert(Key key) {
            return key;
        }

        @Override
        public Object distance(Object a, Object b) {
            return ((Key) a).distanceTo((Key) b);
        }

        @Override
        public int compareDistance(Object target, Object a, Object b) {
            return ((Key) target).compareDistance((Key) a, (Key) b);
        }

        @Override
        public int compareDistances(Object d1, Object d2) {
            return ((Distance) d1).compareTo((Distance) d2);
        }

        @Override
        public int bucketIndex(Object local, Object other) {
            return ((Key) local).bucketIndex((Key) other);
        }
    },

    /** The original Rust crate's layout: 32 bytes, byte-wise XOR ({@link ByteArrayKeys}). */
    BYTES {
        @Override
        public Object convert(Key key) {
            return ByteArrayKeys.of(key);
        }

        @Override
        public Object distance(Object a, Object b) {
            return ByteArrayKeys.distance((byte[]) a, (byte[]) b);
        }

        @Override
        public int compareDistance(Object target, Object a, Object b) {
            return ByteArrayKeys.compareDistance((byte[]) target, (byte[]) a, (byte[]) b);
        }

        @Override
        public int compareDistances(Object d1, Object d2) {
            return Arrays.compareUnsigned((byte[]) d1, (byte[]) d2);
        }

        @Override
        public int bucketIndex(Object local, Object other) {
            return ByteArrayKeys.bucketIndex((byte[]) local, (byte[]) other);
        }
    },

    /** A non-negative {@link BigInteger} ({@link BigIntegerKeys}). */
    BIG_INTEGER {
        @Override
        public Object convert(Key key) {
            return BigIntegerKeys.of(key);
        }

        @Override
        public Object distance(Object a, Object b) {
            return BigIntegerKeys.distance((BigInteger) a, (BigInteger) b);
        }

        @Override
        public int compareDistance(Object target, Object a, Object b) {
            return BigIntegerKeys.compareDistance((BigInteger) target, (BigInteger) a, (BigInteger) b);
        }

        @Override
        public int compareDistances(Object d1, Object d2) {
            return ((BigInteger) d1).compareTo((BigInteger) d2);
        }

        @Override
        public int bucketIndex(Object local, Object other) {
            return BigIntegerKeys.bucketIndex((BigInteger) local, (BigInteger) other);
        }
    };

    /**
     * The key in this representation.
     *
     * @param key a key
     * @return the same 256 bits as this representation holds them
     */
    public abstract Object convert(Key key);

    /**
     * The XOR distance of two keys of this representation.
     *
     * @param a a key
     * @param b another key
     * @return the distance, in this representation's distance type
     */
    public abstract Object distance(Object a, Object b);

    /**
     * Compares the XOR distances of {@code a} and {@code b} to {@code target}.
     *
     * @param target the key distances are measured from
     * @param a      one key
     * @param b      another key
     * @return negative if {@code a} is closer, positive if {@code b} is, zero if equally far
     */
    public abstract int compareDistance(Object target, Object a, Object b);

    /**
     * Compares two distances that {@link #distance} returned.
     *
     * @param d1 a distance
     * @param d2 another distance
     * @return negative if {@code d1} is smaller, positive if {@code d2} is, zero if equal
     */
    public abstract int compareDistances(Object d1, Object d2);

    /**
     * The k-bucket index of {@code other} relative to {@code local}: the highest bit in which they differ.
     *
     * @param local the local id
     * @param other another key
     * @return the index in {@code [0, 255]}, or {@code -1} if the keys are equal
     */
    public abstract int bucketIndex(Object local, Object other);
}
