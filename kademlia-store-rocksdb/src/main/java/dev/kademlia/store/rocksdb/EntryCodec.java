package dev.kademlia.store.rocksdb;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.StoredValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The byte layout of the store on disk (documented for operators in {@code docs/storage-layout.md}; keep
 * the two in step). Pure functions, no RocksDB types.
 *
 * <p>Column family {@code values}: key = the 32 big-endian bytes of the {@link Key}; value = an
 * {@value #HEADER_BYTES}-byte header followed by the value bytes:
 * <pre>
 * offset  size  field
 *      0     1  format, {@value #ENTRY_FORMAT}
 *      1     1  flags: bit 0 = original publisher; the other bits are zero
 *      2     8  expiresAtMillis, big-endian two's complement ({@link StoredValue#NEVER} = 0x7fff...ff)
 *     10     8  republishedAtMillis, big-endian two's complement
 *     18     n  the value
 * </pre>
 *
 * <p>Column family {@code expiry}: key = {@code expiresAtMillis XOR 0x8000000000000000} as 8 big-endian
 * bytes, then the 32 key bytes; value empty. Flipping the sign bit makes RocksDB's unsigned bytewise order
 * agree with the signed order of times, so "everything expired at or before t" is the key range below
 * {@link #expiryBound(long) expiryBound(t + 1)}.
 *
 * <p>Column family {@code default}: the key {@code format} holds one byte, {@value #STORE_FORMAT}.
 * Column family {@code metadata}: key = the metadata name in ASCII; value = the bytes as written.
 */
final class EntryCodec {

    /** The version of the layout as a whole, kept under {@link #FORMAT_KEY} in the default family. */
    static final byte STORE_FORMAT = 1;

    /** The first byte of every encoded entry. */
    static final byte ENTRY_FORMAT = 1;

    /** Bytes before the value in an encoded entry. */
    static final int HEADER_BYTES = 18;

    /** Bytes of a key in the {@code expiry} family. */
    static final int EXPIRY_KEY_BYTES = Long.BYTES + Key.BYTES;

    /** The key of the format marker in the default column family. */
    static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);

    /** The longest metadata name, in characters (= bytes). */
    static final int MAX_METADATA_NAME_LENGTH = 255;

    /** Flag bit: this node is the original publisher. */
    private static final int ORIGINAL_PUBLISHER = 0x01;

    private EntryCodec() {
    }

    /**
     * Encodes an entry's header and value.
     *
     * @param entry the entry
     * @return the bytes stored under the entry's key in {@code values}
     */
    static byte[] encode(StoredValue entry) {
        byte[] value = entry.value();
        byte[] out = new byte[HEADER_BYTES + value.length];
        out[0] = ENTRY_FORMAT;
        out[1] = (byte) (entry.originalPublisher() ? ORIGINAL_PUBLISHER : 0);
        writeLong(out, 2, entry.expiresAtMillis());
        writeLong(out, 10, entry.republishedAtMillis());
        System.arraycopy(value, 0, out, HEADER_BYTES, value.length);
        return out;
    }

    /**
     * Decodes an entry read from {@code values}.
     *
     * @param key     the entry's key (the RocksDB key)
     * @param encoded the RocksDB value
     * @return the entry
     * @throws MalformedEntryException if the bytes do not follow the layout
     */
    static StoredValue decode(Key key, byte[] encoded) throws MalformedEntryException {
        checkHeader(encoded);
        return new StoredValue(key, Arrays.copyOfRange(encoded, HEADER_BYTES, encoded.length),
                readLong(encoded, 2), readLong(encoded, 10), (encoded[1] & ORIGINAL_PUBLISHER) != 0);
    }

    /**
     * The expiry time in an encoded entry, without copying the value.
     *
     * @param encoded the RocksDB value
     * @return the entry's expiry time
     * @throws MalformedEntryException if the bytes do not follow the layout
     */
    static long expiresAt(byte[] encoded) throws MalformedEntryException {
        checkHeader(encoded);
        return readLong(encoded, 2);
    }

    /**
     * Reads a key of the {@code values} family.
     *
     * @param rocksKey the RocksDB key
     * @return the key
     * @throws MalformedEntryException if it is not 32 bytes
     */
    static Key key(byte[] rocksKey) throws MalformedEntryException {
        if (rocksKey.length != Key.BYTES) {
            throw new MalformedEntryException("a key in the values column family is " + Key.BYTES
                    + " bytes; found one of " + rocksKey.length + " bytes");
        }
        return Key.of(rocksKey);
    }

    /**
     * The key of an entry in the {@code expiry} family.
     *
     * @param expiresAtMillis the entry's expiry time
     * @param key             the entry's 32 key bytes
     * @return 40 bytes: the biased expiry time, then the key
     */
    static byte[] expiryKey(long expiresAtMillis, byte[] key) {
        byte[] out = new byte[EXPIRY_KEY_BYTES];
        writeLong(out, 0, expiresAtMillis ^ Long.MIN_VALUE);
        System.arraycopy(key, 0, out, Long.BYTES, Key.BYTES);
        return out;
    }

    /**
     * The smallest {@code expiry} key of an entry expiring at {@code expiresAtMillis}: every entry expiring
     * earlier sorts below it, every entry expiring then or later at or above it.
     *
     * @param expiresAtMillis a time
     * @return 8 bytes
     */
    static byte[] expiryBound(long expiresAtMillis) {
        byte[] out = new byte[Long.BYTES];
        writeLong(out, 0, expiresAtMillis ^ Long.MIN_VALUE);
        return out;
    }

    /**
     * The expiry time in an {@code expiry} key.
     *
     * @param expiryKey the RocksDB key
     * @return the time
     * @throws MalformedEntryException if it is not 40 bytes
     */
    static long expiryTimeOf(byte[] expiryKey) throws MalformedEntryException {
        checkExpiryKey(expiryKey);
        return readLong(expiryKey, 0) ^ Long.MIN_VALUE;
    }

    /**
     * The 32 key bytes in an {@code expiry} key.
     *
     * @param expiryKey the RocksDB key
     * @return the key bytes, a new array
     * @throws MalformedEntryException if it is not 40 bytes
     */
    static byte[] keyOfExpiryKey(byte[] expiryKey) throws MalformedEntryException {
        checkExpiryKey(expiryKey);
        return Arrays.copyOfRange(expiryKey, Long.BYTES, EXPIRY_KEY_BYTES);
    }

    /**
     * The key of a metadata record: the name in ASCII.
     *
     * @param name a metadata name
     * @return its bytes
     * @throws IllegalArgumentException if {@code name} is empty, longer than
     *     {@value #MAX_METADATA_NAME_LENGTH} characters, or not printable ASCII
     */
    static byte[] metadataKey(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_METADATA_NAME_LENGTH) {
            throw new IllegalArgumentException("a metadata name is 1 to " + MAX_METADATA_NAME_LENGTH
                    + " characters; got " + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("a metadata name is printable ASCII; \"" + name
                        + "\" has U+" + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i);
            }
        }
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    private static void checkExpiryKey(byte[] expiryKey) throws MalformedEntryException {
        if (expiryKey.length != EXPIRY_KEY_BYTES) {
            throw new MalformedEntryException("a key in the expiry column family is " + EXPIRY_KEY_BYTES
                    + " bytes; found one of " + expiryKey.length + " bytes");
        }
    }

    private static void checkHeader(byte[] encoded) throws MalformedEntryException {
        if (encoded.length < HEADER_BYTES) {
            throw new MalformedEntryException("an entry is at least " + HEADER_BYTES + " bytes (the header); found "
                    + encoded.length + " bytes");
        }
        if (encoded[0] != ENTRY_FORMAT) {
            throw new MalformedEntryException("entry format byte is " + (encoded[0] & 0xFF)
                    + "; this version reads format " + ENTRY_FORMAT);
        }
        if ((encoded[1] & ~ORIGINAL_PUBLISHER) != 0) {
            throw new MalformedEntryException("entry flags are 0x" + Integer.toHexString(encoded[1] & 0xFF)
                    + "; only bit 0 (original publisher) is defined");
        }
    }

    private static void writeLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
