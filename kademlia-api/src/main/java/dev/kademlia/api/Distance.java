package dev.kademlia.api;

/**
 * The XOR distance between two {@link Key}s: an unsigned 256-bit integer. Kademlia's metric; a node is
 * responsible for the keys closest to its id under it.
 *
 * <p>Lookups compare distances with {@link Key#compareDistance(Key, Key)}, which does not allocate. This
 * type exists for results, logs and dumps: it prints as 64 fixed-width hex digits, so lists line up.
 */
public final class Distance implements Comparable<Distance> {

    /** The distance of a key to itself. */
    public static final Distance ZERO = new Distance(0, 0, 0, 0);

    private final long w0;
    private final long w1;
    private final long w2;
    private final long w3;

    Distance(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
    }

    /**
     * The number of significant bits, in {@code [0, 256]}: {@code floor(log2(d)) + 1}, and {@code 0} for
     * the zero distance. A contact at distance {@code d} from the local id sits in bucket
     * {@code bitLength() - 1}.
     *
     * @return the bit length
     */
    public int bitLength() {
        if (w0 != 0) {
            return 256 - Long.numberOfLeadingZeros(w0);
        }
        if (w1 != 0) {
            return 192 - Long.numberOfLeadingZeros(w1);
        }
        if (w2 != 0) {
            return 128 - Long.numberOfLeadingZeros(w2);
        }
        return 64 - Long.numberOfLeadingZeros(w3);
    }

    /**
     * This distance as a key-shaped value, for code that wants its words or bytes.
     *
     * @return a key with the same 256 bits
     */
    public Key toKey() {
        return Key.ofWords(w0, w1, w2, w3);
    }

    @Override
    public int compareTo(Distance other) {
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
        return o instanceof Distance
                && ((Distance) o).w0 == w0
                && ((Distance) o).w1 == w1
                && ((Distance) o).w2 == w2
                && ((Distance) o).w3 == w3;
    }

    @Override
    public int hashCode() {
        return toKey().hashCode();
    }

    /** The 64 lower-case hex digits of this distance, most significant first. */
    @Override
    public String toString() {
        return Key.hex(w0, w1, w2, w3);
    }
}
