package dev.kademlia.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.StoredValue;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The on-disk encoding of entries and of the expiry index. */
class EntryCodecTest {

    @Property
    void anEntryDecodesToWhatWasEncoded(@ForAll long w0, @ForAll long w3, @ForAll @Size(max = 300) byte[] value,
            @ForAll long expiresAt, @ForAll long republishedAt, @ForAll boolean original) throws Exception {
        Key key = Key.ofWords(w0, 0, 0, w3);
        StoredValue entry = new StoredValue(key, value, expiresAt, republishedAt, original);
        byte[] encoded = EntryCodec.encode(entry);
        assertEquals(EntryCodec.HEADER_BYTES + value.length, encoded.length);
        assertEquals(entry, EntryCodec.decode(key, encoded));
        assertEquals(expiresAt, EntryCodec.expiresAt(encoded));
    }

    @Property
    void expiryKeysSortBytewiseInTheSignedOrderOfTimes(@ForAll long a, @ForAll long b) throws Exception {
        byte[] key = Key.ofWords(-1, -1, -1, -1).toBytes();
        byte[] ka = EntryCodec.expiryKey(a, key);
        byte[] kb = EntryCodec.expiryKey(b, Key.ZERO.toBytes());
        if (a != b) {
            assertEquals(Long.signum(Long.compare(a, b)), Integer.signum(Arrays.compareUnsigned(ka, kb)));
        }
        assertEquals(a, EntryCodec.expiryTimeOf(ka));
        assertArrayEquals(key, EntryCodec.keyOfExpiryKey(ka));
        byte[] bound = EntryCodec.expiryBound(b);
        assertEquals(a < b, Arrays.compareUnsigned(ka, bound) < 0, "below the bound exactly when earlier");
    }

    @Test
    void malformedBytesAreRefusedWithWhatIsWrong() {
        Key key = Key.ZERO;
        byte[] good = EntryCodec.encode(new StoredValue(key, new byte[] {5}, 1, 2, false));

        MalformedEntryException shortHeader = assertThrows(MalformedEntryException.class,
                () -> EntryCodec.decode(key, Arrays.copyOf(good, 17)));
        assertTrue(shortHeader.getMessage().contains("17 bytes"), shortHeader.getMessage());

        byte[] future = good.clone();
        future[0] = 2;
        MalformedEntryException format = assertThrows(MalformedEntryException.class,
                () -> EntryCodec.decode(key, future));
        assertTrue(format.getMessage().contains("format byte is 2"), format.getMessage());

        byte[] flags = good.clone();
        flags[1] = (byte) 0x80;
        assertThrows(MalformedEntryException.class, () -> EntryCodec.expiresAt(flags));

        assertThrows(MalformedEntryException.class, () -> EntryCodec.key(new byte[31]));
        assertThrows(MalformedEntryException.class, () -> EntryCodec.expiryTimeOf(new byte[39]));
        assertThrows(MalformedEntryException.class, () -> EntryCodec.keyOfExpiryKey(new byte[41]));
    }
}
