package dev.kademlia.dump;

/**
 * A state dump: one of {@link NodeDump}, {@link LookupDump} or {@link NetworkDump}. Every dump carries the
 * version of its JSON shape in {@link #format()}; the shape is documented in {@code docs/dumps.md}.
 */
public sealed interface Dump permits NodeDump, LookupDump, NetworkDump {

    /**
     * The version of the JSON shape this library writes and reads. Fields may be added within a version;
     * renaming, removing or changing the meaning of one bumps it.
     */
    int FORMAT = 1;

    /**
     * The version of the JSON shape this dump was made with.
     *
     * @return {@link #FORMAT} for dumps made by this library
     */
    int format();
}
