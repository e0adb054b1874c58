package dev.kademlia.benchmarks.key;

import dev.kademlia.api.Key;
import java.util.Arrays;

/**
 * The naive reference for the XOR metric, written the way the original Rust crate ({@code kademlia-dht},
 * {@code key.rs} and {@code routing.rs}) does it: a key is 32 bytes, a distance is a fresh 32-byte array
 * filled byte by byte, two distances compare lexicographically as unsigned bytes, and the bucket index is
 * found by testing the bits of the distance one at a time from the most significant.
 *
 * <p>Not used by the library; it exists so the benchmarks can show what {@link Key}'s four-long layout
 * buys.
 */
public final class ByteArrayKeys {

    private ByteArrayKeys() {
    }

    /**
     * The key's 32 big-endian bytes.
     *
     * @param key a key
     * @return a new array
     */
    public static byte[] of(Key key) {
        return key.toBytes();
    }

    /**
     * The XOR distance, in a new array.
     *
     * @param a 32 bytes
     * @param b 32 bytes
     * @return {@code a XOR b}
     */
    public static byte[] distance(byte[] a, byte[] b) {
        byte[] out = new byte[Key.BYTES];
        for (int i = 0; i < Key.BYTES; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    /**
     * Compares the distances of {@code a} and {@code b} to {@code target}, computing both distances first.
     *
     * @param target the key distances are measured from
     * @param a      one key
     * @param b      another key
     * @return negative if {@code a} is closer, positive if {@code b} is, zero if equally far
     */
    public static int compareDistance(byte[] target, byte[] a, byte[] b) {
        return Arrays.compareUnsigned(distance(target, a), distance(target, b));
    }

    /**
     * The index of the highest bit in which the keys differ, scanning the distance bit by bit.
     *
     * @param local the local id
     * @param other another key
     * @return the bucket index in {@code [0, 255]}, or {@code -1} if the keys are equal
     */
    public static int bucketIndex(byte[] local, byte[] other) {
        byte[] d = distance(local, other);
        for (int i = 0; i < Key.BYTES; i++) {
            for (int bit = 7; bit >= 0; bit--) {
                if (((d[i] >> bit) & 1) != 0) {
                    return (Key.BYTES - 1 - i) * Byte.SIZE + bit;
                }
            }
        }
        return -1;
    }
}
