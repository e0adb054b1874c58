package dev.kademlia.api.spi;

/**
 * Settings a {@link TransportProvider} opens a transport with.
 *
 * @param maxDatagramBytes the largest datagram to send or accept; 1,400 by default, small enough to cross
 *                         real networks without IP fragmentation
 */
public record TransportOptions(int maxDatagramBytes) {

    /** The default datagram limit. */
    public static final int DEFAULT_MAX_DATAGRAM_BYTES = 1400;

    /** The smallest datagram limit that still fits a FIND_NODE response with a few contacts. */
    public static final int MIN_MAX_DATAGRAM_BYTES = 512;

    /** The largest UDP payload. */
    public static final int MAX_MAX_DATAGRAM_BYTES = 65_507;

    /**
     * Checks the limit.
     *
     * @throws IllegalArgumentException if {@code maxDatagramBytes} is outside [512, 65,507]
     */
    public TransportOptions {
        if (maxDatagramBytes < MIN_MAX_DATAGRAM_BYTES || maxDatagramBytes > MAX_MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException(String.format(
                    "maxDatagramBytes must be in [%,d, %,d]; got %,d",
                    MIN_MAX_DATAGRAM_BYTES, MAX_MAX_DATAGRAM_BYTES, maxDatagramBytes));
        }
    }

    /**
     * The defaults.
     *
     * @return options with a 1,400-byte datagram limit
     */
    public static TransportOptions defaults() {
        return new TransportOptions(DEFAULT_MAX_DATAGRAM_BYTES);
    }
}
