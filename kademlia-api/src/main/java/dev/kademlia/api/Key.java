package dev.kademlia.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An immutable 256-bit identifier in the Kademlia key space. Node ids and value keys share this type.
 *
 * <p>The key is held as four {@code long} words, most significant first, so that the XOR metric and the
 * bucket index (the two operations on the hot path of every lookup) are a handful of instructions and
 * never allocate. Bits are numbered from {@code 0} (least significant) to {@code 255} (most significant).
 *
 * <p>Keys compare (see {@link #compareTo}) as unsigned 256-bit integers. To order keys by their XOR
 * distance to a target, use {@link #compareDistance(Key, Key)} on the target.
 */
public final class Key implements Comparable<Key> {

    /** Width of a key in bits. */
    public static final int BITS = 256;

    /** Width of a key in bytes. */
    public static final int BYTES = BITS / Byte.SIZE;

    /** The all-zero key. */
    public static final Key ZERO = new Key(0, 0, 0, 0);

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    final long w0; // bits 255..192
    final long w1; // bits 191..128
    final long w2; // bits 127..64
    final long w3; // bits 63..0

    private Key(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
    }

    /**
     * Builds a key from its four 64-bit words, most significant first.
     *
     * @param w0 bits 255..192
     * @param w1 bits 191..128
     * @param w2 bits 127..64
     * @param w3 bits 63..0
     * @return the key
     */
    public static Key ofWords(long w0, long w1, long w2, long w3) {
        return new Key(w0, w1, w2, w3);
    }

    /**
     * Builds a key from exactly {@value #BYTES} big-endian bytes.
     *
     * @param bytes 32 bytes, most significant first; not retained
     * @return the key
     * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
     */
    public static Key of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException(
                    "a key is " + BYTES + " bytes; got " + bytes.length + " bytes");
        }
        return of(bytes, 0);
    }

    /**
     * Reads a key from {@value #BYTES} big-endian bytes of {@code bytes} starting at {@code offset}.
     *
     * @param bytes  the source array; not retained
     * @param offset index of the most significant byte
     * @return the key
     * @throws IndexOutOfBoundsException if fewer than 32 bytes follow {@code offset}
     */
    public static Key of(byte[] bytes, int offset) {
        Objects.checkFromIndexSize(offset, BYTES, bytes.length);
        return new Key(
                readLong(bytes, offset),
                readLong(bytes, offset + 8),
                readLong(bytes, offset + 16),
                readLong(bytes, offset + 24));
    }

    /**
     * Parses 64 hexadecimal digits (upper or lower case).
     *
     * @param hex the digits, most significant first
     * @return the key
     * @throws IllegalArgumentException if {@code hex} is not 64 hexadecimal digits
     */
    public static Key fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != BYTES * 2) {
            throw new IllegalArgumentException(
                    "a key is " + (BYTES * 2) + " hex digits; got " + hex.length() + " characters");
        }
        long[] words = new long[4];
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException(
                        "not a hex digit at index " + i + ": '" + hex.charAt(i) + "'");
            }
            words[i / 16] = (words[i / 16] << 4) | digit;
        }
        return new Key(words[0], words[1], words[2], words[3]);
    }

    /**
     * The SHA-256 digest of a string's UTF-8 bytes: the usual way to turn an application key into a
     * {@code Key}.
     *
     * @param text any string
     * @return the key
     */
    public static Key sha256(String text) {
        Objects.requireNonNull(text, "text");
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The SHA-256 digest of {@code data}.
     *
     * @param data any bytes
     * @return the key
     */
    public static Key sha256(byte[] data) {
        Objects.requireNonNull(data, "data");
        try {
            return of(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * A uniformly random key drawn from {@code random}; pass a seeded generator for reproducible keys.
     *
     * @param random the source of randomness
     * @return the key
     */
    public static Key random(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return new Key(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /**
     * A uniformly random key whose {@link #bucketIndex(Key) bucket index} relative to {@code this} is
     * {@code index}: it shares the bits above {@code index} with this key, differs at bit {@code index},
     * and is random below. Bucket refresh looks such keys up.
     *
     * @param index  a bit index in {@code [0, 255]}
     * @param random the source of randomness
     * @return a key in the given bucket of this key
     * @throws IllegalArgumentException if {@code index} is out of range
     */
    public Key randomInBucket(int index, RandomGenerator random) {
        if (index < 0 || index >= BITS) {
            throw new IllegalArgumentException("bucket index must be in [0, 255]; got " + index);
        }
        long[] noise = {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
        long[] mine = {w0, w1, w2, w3};
        long[] out = new long[4];
        for (int word = 0; word < 4; word++) {
            int lowBit = (3 - word) * 64; // bit number of this word's least significant bit
            long keepMask; // bits taken from this key (above index)
            if (index >= lowBit + 64) {
                keepMask = 0;
            } else if (index < lowBit) {
                keepMask = -1L;
            } else {
                int pos = index - lowBit;
                keepMask = pos == 63 ? 0 : (-1L << (pos + 1));
            }
            long v = (mine[word] & keepMask) | (noise[word] & ~keepMask);
            if (index >= lowBit && index < lowBit + 64) {
                long flip = 1L << (index - lowBit);
                v = (v & ~flip) | (~mine[word] & flip);
            }
            out[word] = v;
        }
        return new Key(out[0], out[1], out[2], out[3]);
    }

    /**
     * The XOR distance between this key and {@code other}.
     *
     * @param other another key
     * @return {@code this XOR other}
     */
    public Distance distanceTo(Key other) {
        return new Distance(w0 ^ other.w0, w1 ^ other.w1, w2 ^ other.w2, w3 ^ other.w3);
    }

    /**
     * Compares the XOR distances of {@code a} and {@code b} to this key (the target), without allocating.
     *
     * @param a one key
     * @param b another key
     * @return negative if {@code a} is closer to this key, positive if {@code b} is, zero if equal
     */
    public int compareDistance(Key a, Key b) {
        long x = a.w0 ^ w0;
        long y = b.w0 ^ w0;
        if (x != y) {
            return Long.compareUnsigned(x, y);
        }
        x = a.w1 ^ w1;
        y = b.w1 ^ w1;
        if (x != y) {
            return Long.compareUnsigned(x, y);
        }
        x = a.w2 ^ w2;
        y = b.w2 ^ w2;
        if (x != y) {
            return Long.compareUnsigned(x, y);
        }
        return Long.compareUnsigned(a.w3 ^ w3, b.w3 ^ w3);
    }

    /**
     * The index of the k-bucket {@code other} falls into when this key is the local id: the position of
     * the highest bit in which the two keys differ, in {@code [0, 255]}, or {@code -1} if they are equal.
     * Bucket {@code i} holds the keys at a distance in {@code [2^i, 2^(i+1))}.
     *
     * @param other another key
     * @return the bucket index, or {@code -1} for this key itself
     */
    public int bucketIndex(Key other) {
        long x = w0 ^ other.w0;
        if (x != 0) {
            return 255 - Long.numberOfLeadingZeros(x);
        }
        x = w1 ^ other.w1;
        if (x != 0) {
            return 191 - Long.numberOfLeadingZeros(x);
        }
        x = w2 ^ other.w2;
        if (x != 0) {
            return 127 - Long.numberOfLeadingZeros(x);
        }
        x = w3 ^ other.w3;
        return 63 - Long.numberOfLeadingZeros(x); // -1 when equal
    }

    /**
     * The number of leading bits this key shares with {@code other}, in {@code [0, 256]}.
     *
     * @param other another key
     * @return {@code 255 - bucketIndex(other)}
     */
    public int commonPrefixLength(Key other) {
        return 255 - bucketIndex(other);
    }

    /**
     * Whether bit {@code index} is set.
     *
     * @param index a bit index in {@code [0, 255]}, {@code 0} being the least significant
     * @return the bit
     */
    public boolean testBit(int index) {
        Objects.checkIndex(index, BITS);
        return ((word(3 - index / 64) >>> (index % 64)) & 1L) != 0;
    }

    /**
     * One of the four 64-bit words of this key.
     *
     * @param index {@code 0} for the most significant word, {@code 3} for the least significant
     * @return the word
     */
    public long word(int index) {
        switch (index) {
            case 0:
                return w0;
            case 1:
                return w1;
            case 2:
                return w2;
            case 3:
                return w3;
            default:
                throw new IndexOutOfBoundsException("word index must be in [0, 3]; got " + index);
        }
    }

    /**
     * The 32 big-endian bytes of this key, in a new array.
     *
     * @return the bytes
     */
    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        writeTo(out, 0);
        return out;
    }

    /**
     * Writes the 32 big-endian bytes of this key into {@code target} at {@code offset}.
     *
     * @param target the array to write into
     * @param offset where the most significant byte goes
     */
    public void writeTo(byte[] target, int offset) {
        Objects.checkFromIndexSize(offset, BYTES, target.length);
        writeLong(target, offset, w0);
        writeLong(target, offset + 8, w1);
        writeLong(target, offset + 16, w2);
        writeLong(target, offset + 24, w3);
    }

    /**
     * The first {@code digits} hex digits, for logs where the full 64 are too many.
     *
     * @param digits how many leading digits, in {@code [1, 64]}
     * @return the abbreviated hex form
     */
    public String toShortString(int digits) {
        if (digits < 1 || digits > BYTES * 2) {
            throw new IllegalArgumentException("digits must be in [1, 64]; got " + digits);
        }
        return toString().substring(0, digits);
    }

    @Override
    public int compareTo(Key other) {
        int c = Long.compareUnsigned(w0, other.w0);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(w1, other.w1);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(w2, other.w2);
        return c != 0 ? c : Long.compareUnsigned(w3, other.w3);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key
                && ((Key) o).w0 == w0 && ((Key) o).w1 == w1 && ((Key) o).w2 == w2 && ((Key) o).w3 == w3;
    }

    @Override
    public int hashCode() {
        // The words are uniformly distributed for SHA-256 and random ids; mixing all four keeps it so
        // for hand-made keys too.
        long h = w0 * 0x9E3779B97F4A7C15L ^ w1 * 0xC2B2AE3D27D4EB4FL ^ w2 * 0x165667B19E3779F9L ^ w3;
        return (int) (h ^ (h >>> 32));
    }

    /** The 64 lower-case hex digits of this key, most significant first. */
    @Override
    public String toString() {
        return hex(w0, w1, w2, w3);
    }

    static String hex(long w0, long w1, long w2, long w3) {
        char[] out = new char[64];
        appendHex(out, 0, w0);
        appendHex(out, 16, w1);
        appendHex(out, 32, w2);
        appendHex(out, 48, w3);
        return new String(out);
    }

    private static void appendHex(char[] out, int offset, long word) {
        for (int i = 15; i >= 0; i--) {
            out[offset + i] = HEX[(int) (word & 0xF)];
            word >>>= 4;
        }
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static void writeLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
