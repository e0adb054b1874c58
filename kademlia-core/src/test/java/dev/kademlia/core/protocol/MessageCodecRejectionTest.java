package dev.kademlia.core.protocol;

import static dev.kademlia.core.protocol.SampleMessages.FULL_TOKEN;
import static dev.kademlia.core.protocol.SampleMessages.KEY;
import static dev.kademlia.core.protocol.SampleMessages.NO_TOKEN;
import static dev.kademlia.core.protocol.SampleMessages.SENDER;
import static dev.kademlia.core.protocol.SampleMessages.TX;
import static dev.kademlia.core.protocol.SampleMessages.bytes;
import static dev.kademlia.core.protocol.SampleMessages.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kademlia.core.protocol.DecodeResult.Decoded;
import dev.kademlia.core.protocol.DecodeResult.Reason;
import dev.kademlia.core.protocol.DecodeResult.Rejected;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecRejectionTest {

    private static final int H = MessageCodec.HEADER_BYTES;

    private final MessageCodec codec = SampleMessages.codec();

    static List<Envelope> samples() {
        return SampleMessages.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyTruncationIsRejected(Envelope envelope) {
        byte[] datagram = codec.encode(envelope);
        for (int length = 0; length < datagram.length; length++) {
            Rejected rejected = rejected(Arrays.copyOf(datagram, length));
            Set<Reason> expected = length < H
                    ? Set.of(Reason.TOO_SHORT)
                    : Set.of(Reason.TRUNCATED, Reason.LENGTH_MISMATCH);
            assertTrue(expected.contains(rejected.reason()), "length " + length + ": " + rejected);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void trailingBytesAreRejected(Envelope envelope) {
        byte[] valid = codec.encode(envelope);
        byte[] datagram = Arrays.copyOf(valid, valid.length + 1);
        Reason expected = datagram.length > codec.maxDatagramBytes() ? Reason.TOO_LONG : Reason.TRAILING_BYTES;
        assertEquals(expected, rejected(datagram).reason());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySingleBitFlipIsRejectedOrDecodesToItsOwnEncoding(Envelope envelope) {
        byte[] datagram = codec.encode(envelope);
        for (int bit = 0; bit < datagram.length * 8; bit++) {
            byte[] flipped = datagram.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            DecodeResult result = codec.decode(flipped);
            if (result instanceof Decoded decoded) {
                assertArrayEquals(flipped, codec.encode(decoded.envelope()), "bit " + bit);
            }
        }
    }

    @Test
    void tooShortAndTooLongDatagrams() {
        assertEquals(Reason.TOO_SHORT, rejected(new byte[0]).reason());
        assertEquals(Reason.TOO_SHORT, rejected(Arrays.copyOf(ping(), H - 1)).reason());
        Rejected tooLong = rejected(Arrays.copyOf(ping(), codec.maxDatagramBytes() + 1));
        assertEquals(Reason.TOO_LONG, tooLong.reason());
        assertEquals("datagram is 1,401 bytes; the limit is 1,400", tooLong.detail());
    }

    @Test
    void wrongMagic() {
        assertEquals(Reason.BAD_MAGIC, rejected(patched(ping(), 0, 0x4C)).reason());
        assertEquals(Reason.BAD_MAGIC, rejected(patched(ping(), 1, 0x00)).reason());
        assertEquals(Reason.BAD_MAGIC, rejected(new byte[H]).reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 255})
    void unknownVersions(int version) {
        Rejected rejected = rejected(patched(ping(), 2, version));
        assertEquals(Reason.UNSUPPORTED_VERSION, rejected.reason());
        assertEquals("protocol version " + version + "; this codec speaks version 1", rejected.detail());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x05, 0x7f, 0x80, 0x85, 0xfe})
    void unknownTypes(int type) {
        assertEquals(Reason.UNKNOWN_TYPE, rejected(patched(ping(), 3, type)).reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x02, 0x03, 0x80, 0xff})
    void reservedFlagBitsAreRejected(int flags) {
        assertEquals(Reason.INVALID_FIELD, rejected(patched(ping(), 4, flags)).reason());
    }

    @Test
    void storeValueLengthLargerThanWhatRemains() {
        byte[] datagram = encode(new Store(KEY, hex("616263"), 60, NO_TOKEN));
        int valueLength = H + 32 + 4 + 1; // after key, ttl and an empty token
        assertEquals(3, datagram[valueLength + 1]);

        assertEquals(Reason.LENGTH_MISMATCH, rejected(patched(datagram, valueLength + 1, 4)).reason());
        assertEquals(Reason.LENGTH_MISMATCH, rejected(patched(datagram, valueLength, 0x01)).reason()); // 259
        assertEquals(Reason.TRAILING_BYTES, rejected(patched(datagram, valueLength + 1, 2)).reason());
    }

    @Test
    void valueLengthOverTheLimitIsAnInvalidFieldEvenWhenTheBytesArePresent() {
        int length = codec.maxValueBytes() + 1; // a ValueFound with an empty token has room for it
        byte[] datagram = encode(new ValueFound(bytes(codec.maxValueBytes(), 1), NO_TOKEN));
        datagram = Arrays.copyOf(datagram, datagram.length + 1);
        datagram[H + 5] = (byte) (length >>> 8); // after the 4-byte ttl and the token length
        datagram[H + 6] = (byte) length;

        Rejected rejected = rejected(datagram);

        assertEquals(Reason.INVALID_FIELD, rejected.reason());
        assertEquals("VALUE_FOUND value length is 1,285; the limit is maxValueBytes = 1,284", rejected.detail());
    }

    @Test
    void aLargeLyingLengthIsRejectedBeforeAnythingIsAllocated() {
        MessageCodec large = new MessageCodec(65_507);
        byte[] datagram = large.encode(new Envelope(TX, SENDER, false, new ValueFound(hex("010203"), NO_TOKEN)));

        Rejected rejected = rejected(large, patched(datagram, H + 5, 0xea, 0x60)); // 60,000 bytes announced

        assertEquals(Reason.LENGTH_MISMATCH, rejected.reason());
        assertEquals("VALUE_FOUND value length is 60,000 but only 3 bytes remain", rejected.detail());
    }

    @Test
    void valueFoundValueLengthLargerThanWhatRemains() {
        byte[] datagram = encode(new ValueFound(bytes(10, 1), NO_TOKEN));
        assertEquals(Reason.LENGTH_MISMATCH, rejected(patched(datagram, H + 6, 11)).reason());
    }

    @Test
    void tokenLengths() {
        byte[] datagram = encode(new ValueFound(bytes(10, 1), hex("aabb")));
        assertEquals(Reason.INVALID_FIELD, rejected(patched(datagram, H + 4, 33)).reason());
        assertEquals(Reason.LENGTH_MISMATCH, rejected(patched(datagram, H + 4, 32)).reason());

        byte[] nodes = encode(new Nodes(List.of(), NO_TOKEN));
        assertEquals(Reason.LENGTH_MISMATCH, rejected(patched(nodes, H, 2)).reason());
        assertEquals(Reason.TRUNCATED, rejected(patched(nodes, H, 1)).reason()); // the count byte is missing
    }

    @Test
    void contactCountLargerThanWhatIsPresent() {
        byte[] twoContacts = encode(new Nodes(SampleMessages.ipv4Contacts(2), NO_TOKEN));
        int count = H + 1;
        assertEquals(2, twoContacts[count]);

        Rejected rejected = rejected(patched(twoContacts, count, 5));
        assertEquals(Reason.LENGTH_MISMATCH, rejected.reason());
        assertEquals("NODES announces 5 contacts of at least 39 bytes each; 78 bytes remain", rejected.detail());
        assertEquals(Reason.TRAILING_BYTES, rejected(patched(twoContacts, count, 1)).reason());
    }

    @Test
    void contactCountThatPassesTheQuickCheckButRunsOutInsideTheList() {
        byte[] fourV6 = encode(new Nodes(SampleMessages.ipv6Contacts(4), NO_TOKEN)); // 204 bytes of contacts

        Rejected oneMore = rejected(patched(fourV6, H + 1, 5)); // 5 x 39 = 195 <= 204: only reading finds out
        assertEquals(Reason.LENGTH_MISMATCH, oneMore.reason());
        assertEquals("NODES contact 4 of 5 runs past the end of the datagram", oneMore.detail());

        Rejected cut = rejected(Arrays.copyOf(fourV6, fourV6.length - 10));
        assertEquals(Reason.LENGTH_MISMATCH, cut.reason());
        assertEquals("NODES contact 3 of 4 runs past the end of the datagram", cut.detail());
    }

    @Test
    void contactCountOverTheMaximum() {
        byte[] nodes = encode(new Nodes(List.of(), NO_TOKEN));
        Rejected rejected = rejected(patched(nodes, H + 1, MessageCodec.MAX_CONTACTS + 1));
        assertEquals(Reason.INVALID_FIELD, rejected.reason());
        assertEquals("NODES contact count is 33; at most 32", rejected.detail());
    }

    @Test
    void contactFields() {
        byte[] datagram = encode(new Nodes(List.of(SampleMessages.ipv4Contact(1)), NO_TOKEN));
        int family = H + 2 + 32;
        int address = family + 1;
        int port = address + 4;

        assertInvalid(patched(datagram, port, 0, 0), "has port 0");
        for (int badFamily : new int[] {0, 5, 41, 255}) {
            assertInvalid(patched(datagram, family, badFamily), "has address family " + badFamily);
        }
        assertInvalid(patched(datagram, address, 0, 0, 0, 0), "unspecified IPv4");
        assertInvalid(patched(datagram, address, 0xe0, 0, 0, 1), "multicast IPv4");
        assertInvalid(patched(datagram, address, 0xff, 0xff, 0xff, 0xff), "broadcast IPv4");
    }

    @Test
    void ipv6ContactFields() {
        byte[] datagram = encode(new Nodes(List.of(SampleMessages.ipv6Contact(1)), NO_TOKEN));
        int address = H + 2 + 32 + 1;

        assertInvalid(patched(datagram, address, new byte[16]), "unspecified IPv6");
        assertInvalid(patched(datagram, address, hex("ff0e0000000000000000000000000001")), "multicast IPv6");
        assertInvalid(patched(datagram, address, hex("00000000000000000000ffff7f000001")), "IPv4-mapped");
    }

    @Test
    void errorFields() {
        byte[] datagram = encode(new ErrorReply(ErrorCode.INTERNAL, "oops"));
        int code = H;
        int length = H + 1;
        int message = H + 2;

        for (int unknown : new int[] {0, 7, 255}) {
            assertInvalid(patched(datagram, code, unknown), "ERROR code " + unknown);
        }
        assertEquals(Reason.LENGTH_MISMATCH, rejected(patched(datagram, length, 5)).reason());
        assertEquals(Reason.TRAILING_BYTES, rejected(patched(datagram, length, 3)).reason());
        byte[] tooLong = encode(new ErrorReply(ErrorCode.INTERNAL, "x".repeat(200)));
        assertInvalid(patched(Arrays.copyOf(tooLong, tooLong.length + 1), length, 201), "at most 200");
        assertInvalid(patched(datagram, message, 0xc3, 0x28), "not well-formed UTF-8"); // bad continuation
        assertInvalid(patched(datagram, message, 0xc0, 0x80), "not well-formed UTF-8"); // overlong NUL
        assertInvalid(patched(datagram, message, 0xed, 0xa0, 0x80), "not well-formed UTF-8"); // surrogate
        assertInvalid(patched(datagram, message + 3, 0xe2), "not well-formed UTF-8"); // cut character
    }

    @Test
    void ttlUsesAllThirtyTwoBits() {
        byte[] datagram = encode(new Store(KEY, hex("00"), 1, FULL_TOKEN));
        byte[] never = patched(datagram, H + 32, 0xff, 0xff, 0xff, 0xff);
        Store store = (Store) assertInstanceOf(Decoded.class, codec.decode(never)).envelope().payload();
        assertEquals(Store.TTL_NEVER, store.ttlSeconds());
        assertTrue(store.neverExpires());
    }

    @Test
    void rejectionDetailsSayWhatWasWrong() {
        assertEquals("magic is 0x4c44; expected 0x4b44 ('KD')", rejected(patched(ping(), 0, 0x4C)).detail());
        assertEquals("type byte 0x05 names no message", rejected(patched(ping(), 3, 5)).detail());
        assertEquals("flags 0x02 set reserved bits; version 1 defines only bit 0 (client mode)",
                rejected(patched(ping(), 4, 2)).detail());
        assertEquals("datagram ends inside the FIND_NODE target (32 bytes needed, 0 left)",
                rejected(ping(MessageType.FIND_NODE)).detail());
    }

    private byte[] ping() {
        return encode(new Ping());
    }

    /** A PING header relabelled as another type, with no body. */
    private byte[] ping(MessageType type) {
        return patched(ping(), 3, type.code());
    }

    private byte[] encode(Payload payload) {
        return codec.encode(new Envelope(TX, SENDER, false, payload));
    }

    private Rejected rejected(byte[] datagram) {
        return rejected(codec, datagram);
    }

    private static Rejected rejected(MessageCodec codec, byte[] datagram) {
        DecodeResult result = codec.decode(datagram);
        if (result instanceof Rejected rejected) {
            return rejected;
        }
        return fail("expected a rejection, decoded " + result);
    }

    private void assertInvalid(byte[] datagram, String detailPart) {
        Rejected rejected = rejected(datagram);
        assertEquals(Reason.INVALID_FIELD, rejected.reason(), rejected.detail());
        assertTrue(rejected.detail().contains(detailPart), rejected.detail());
    }

    private static byte[] patched(byte[] datagram, int offset, int... values) {
        byte[] out = datagram.clone();
        for (int i = 0; i < values.length; i++) {
            out[offset + i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] patched(byte[] datagram, int offset, byte[] values) {
        byte[] out = datagram.clone();
        System.arraycopy(values, 0, out, offset, values.length);
        return out;
    }
}
