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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.core.protocol.DecodeResult.Decoded;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    private final MessageCodec codec = SampleMessages.codec();

    static List<Envelope> samples() {
        return SampleMessages.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyMessageRoundTrips(Envelope envelope) {
        byte[] datagram = codec.encode(envelope);

        Decoded decoded = assertInstanceOf(Decoded.class, codec.decode(datagram));

        assertEquals(envelope, decoded.envelope());
        assertArrayEquals(datagram, codec.encode(decoded.envelope()));
        assertTrue(datagram.length <= codec.maxDatagramBytes());
    }

    @Test
    void limitsForTheDefaultDatagram() {
        assertEquals(1400, codec.maxDatagramBytes());
        assertEquals(1284, codec.maxValueBytes());
        assertEquals(25, codec.maxContactsPerReply());
    }

    @Test
    void limitsAtTheEndsOfTheAllowedRange() {
        MessageCodec smallest = new MessageCodec(512);
        assertEquals(396, smallest.maxValueBytes());
        assertEquals(8, smallest.maxContactsPerReply());

        MessageCodec largest = new MessageCodec(65_507);
        assertEquals(65_391, largest.maxValueBytes());
        assertEquals(MessageCodec.MAX_CONTACTS, largest.maxContactsPerReply());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, 0, 511, 65_508, Integer.MAX_VALUE})
    void rejectsDatagramLimitsOutsideTheTransportRange(int limit) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MessageCodec(limit));
        assertTrue(e.getMessage().contains("[512, 65,507]"), e.getMessage());
    }

    @Test
    void storeWithTheLargestValueAndFullTokenFillsTheDatagramExactly() {
        Store store = new Store(KEY, bytes(codec.maxValueBytes(), 1), 60, FULL_TOKEN);

        byte[] datagram = codec.encode(new Envelope(TX, SENDER, false, store));

        assertEquals(codec.maxDatagramBytes(), datagram.length);
        assertEquals(store, ((Decoded) codec.decode(datagram)).envelope().payload());
    }

    @Test
    void storeValueOneByteOverTheLimitIsRefusedNamingTheLimit() {
        Store store = new Store(KEY, bytes(codec.maxValueBytes() + 1, 1), 60, NO_TOKEN);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new Envelope(TX, SENDER, false, store)));

        assertEquals("Store value is 1,285 bytes; the limit is maxValueBytes = 1,284 for 1,400-byte datagrams",
                e.getMessage());
    }

    @Test
    void valueFoundSharesTheValueLimit() {
        ValueFound atLimit = new ValueFound(bytes(codec.maxValueBytes(), 2), FULL_TOKEN);
        assertEquals(atLimit, roundTrip(atLimit));

        ValueFound over = new ValueFound(bytes(codec.maxValueBytes() + 1, 2), NO_TOKEN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new Envelope(TX, SENDER, false, over)));
        assertTrue(e.getMessage().contains("maxValueBytes = 1,284"), e.getMessage());
    }

    @Test
    void nodesReplyWithOneContactTooManyForTheDatagramIsRefusedNamingTheLimit() {
        Nodes fits = new Nodes(SampleMessages.ipv6Contacts(codec.maxContactsPerReply()), FULL_TOKEN);
        assertEquals(fits, roundTrip(fits));

        Nodes tooMany = new Nodes(SampleMessages.ipv6Contacts(codec.maxContactsPerReply() + 1), FULL_TOKEN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new Envelope(TX, SENDER, false, tooMany)));
        assertEquals("a Nodes reply with 26 contacts encodes to 1,405 bytes; the limit is maxDatagramBytes = 1,400",
                e.getMessage());
    }

    @Test
    void thirtyTwoIpv4ContactsFitTheDefaultDatagram() {
        Nodes nodes = new Nodes(SampleMessages.ipv4Contacts(MessageCodec.MAX_CONTACTS), FULL_TOKEN);
        assertEquals(nodes, roundTrip(nodes));
    }

    @Test
    void ipv4AndIpv6ContactsKeepTheirFamilyAndPort() {
        Contact v4 = SampleMessages.contact(1, hex("7f000001"), 1);
        Contact v6 = SampleMessages.contact(2, hex("00000000000000000000000000000001"), 65535);

        Nodes decoded = (Nodes) roundTrip(new Nodes(List.of(v4, v6), NO_TOKEN));

        assertEquals(List.of(v4, v6), decoded.contacts());
        assertEquals(4, decoded.contacts().get(0).address().getAddress().getAddress().length);
        assertEquals(16, decoded.contacts().get(1).address().getAddress().getAddress().length);
    }

    @Test
    void emptyAndFullTokensRoundTrip() {
        for (byte[] token : List.of(NO_TOKEN, bytes(1, 9), FULL_TOKEN)) {
            assertEquals(new Nodes(List.of(), token), roundTrip(new Nodes(List.of(), token)));
            assertEquals(new ValueFound(bytes(3, 1), token), roundTrip(new ValueFound(bytes(3, 1), token)));
            assertEquals(new Store(KEY, bytes(3, 1), 1, token), roundTrip(new Store(KEY, bytes(3, 1), 1, token)));
        }
    }

    @Test
    void errorMessagesLongerThan200BytesAreCutNotRefused() {
        ErrorReply reply = new ErrorReply(ErrorCode.RATE_LIMITED, "é".repeat(150)); // 300 UTF-8 bytes

        byte[] datagram = codec.encode(new Envelope(TX, SENDER, false, reply));

        assertEquals(MessageCodec.HEADER_BYTES + 2 + 200, datagram.length);
        assertEquals(new ErrorReply(ErrorCode.RATE_LIMITED, "é".repeat(100)), roundTrip(reply));
    }

    @Test
    void everyErrorCodeRoundTrips() {
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(new ErrorReply(code, code.name()), roundTrip(new ErrorReply(code, code.name())));
        }
    }

    @Test
    void clientModeAndTransactionIdSurvive() {
        for (boolean clientMode : new boolean[] {false, true}) {
            for (long tx : new long[] {0, -1, Long.MIN_VALUE, TX}) {
                Envelope envelope = new Envelope(tx, SENDER, clientMode, new Ping());
                assertEquals(envelope, ((Decoded) codec.decode(codec.encode(envelope))).envelope());
            }
        }
    }

    @Test
    void pingMatchesTheDocumentedLayout() {
        byte[] expected = hex("4b44 01 01 01 1122334455667788"
                + " 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");

        assertArrayEquals(expected, codec.encode(new Envelope(TX, SENDER, true, new Ping())));
    }

    @Test
    void storeMatchesTheDocumentedLayout() {
        Key key = Key.fromHex("ff".repeat(32));
        byte[] expected = hex("4b44 01 02 00 1122334455667788 " + SENDER + " " + key
                + " 00000e10 02 abcd 0003 616263");

        assertArrayEquals(expected, codec.encode(
                new Envelope(TX, SENDER, false, new Store(key, hex("616263"), 3600, hex("abcd")))));
    }

    @Test
    void nodesMatchesTheDocumentedLayout() {
        Contact v4 = SampleMessages.contact(1, hex("7f000001"), 4000);
        Contact v6 = SampleMessages.contact(2, hex("20010db8000000000000000000000001"), 443);
        byte[] expected = hex("4b44 01 83 00 1122334455667788 " + SENDER + " 00 02 "
                + v4.id() + " 04 7f000001 0fa0 "
                + v6.id() + " 06 20010db8000000000000000000000001 01bb");

        assertArrayEquals(expected,
                codec.encode(new Envelope(TX, SENDER, false, new Nodes(List.of(v4, v6), NO_TOKEN))));
    }

    @Test
    void valueFoundAndErrorMatchTheDocumentedLayout() {
        assertArrayEquals(hex("4b44 01 84 00 1122334455667788 " + SENDER + " 00000e10 01 aa 0002 6869"),
                codec.encode(new Envelope(TX, SENDER, false, new ValueFound(hex("6869"), 3600, hex("aa")))));
        assertArrayEquals(hex("4b44 01 ff 00 1122334455667788 " + SENDER + " 03 04 66756c6c"),
                codec.encode(new Envelope(TX, SENDER, false, new ErrorReply(ErrorCode.STORE_FULL, "full"))));
    }

    @Test
    void typeBytesAreTheDocumentedOnes() {
        assertEquals(0x03, codec.encode(new Envelope(TX, SENDER, false, new FindNode(KEY)))[3]);
        assertEquals(0x04, codec.encode(new Envelope(TX, SENDER, false, new FindValue(KEY)))[3]);
        assertEquals((byte) 0x81, codec.encode(new Envelope(TX, SENDER, false, new Pong()))[3]);
        assertEquals((byte) 0x82, codec.encode(new Envelope(TX, SENDER, false, new StoreAck()))[3]);
    }

    @Test
    void contactsWithAddressesNobodyCanReachAreRefused() throws UnknownHostException {
        List<byte[]> refused = List.of(
                hex("00000000"), hex("e0000001"), hex("efffffff"), hex("ffffffff"),
                hex("00000000000000000000000000000000"), hex("ff020000000000000000000000000001"));
        for (byte[] address : refused) {
            Contact contact = SampleMessages.contact(1, address, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.encode(
                    new Envelope(TX, SENDER, false, new Nodes(List.of(contact), NO_TOKEN))));
            assertTrue(e.getMessage().startsWith("contact 0 "), e.getMessage());
        }
        // Java turns IPv4-mapped bytes into an Inet4Address unless asked for an Inet6Address explicitly.
        Inet6Address mapped = Inet6Address.getByAddress(null, hex("00000000000000000000ffff0a000001"), 0);
        Contact contact = new Contact(KEY, new InetSocketAddress(mapped, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.encode(
                new Envelope(TX, SENDER, false, new Nodes(List.of(contact), NO_TOKEN))));
        assertTrue(e.getMessage().contains("IPv4-mapped"), e.getMessage());
    }

    @Test
    void loopbackPrivateAndLinkLocalAddressesTravel() {
        List<Contact> contacts = new ArrayList<>();
        int n = 0;
        for (String address : List.of("7f000001", "c0a80001", "a9fe0001", "00000000000000000000000000000001",
                "fe800000000000000000000000000001", "fd000000000000000000000000000001")) {
            contacts.add(SampleMessages.contact(++n, hex(address), 1000 + n));
        }
        assertEquals(contacts, ((Nodes) roundTrip(new Nodes(contacts, NO_TOKEN))).contacts());
    }

    @Test
    void encodeRefusesNull() {
        assertThrows(NullPointerException.class, () -> codec.encode(null));
        assertThrows(NullPointerException.class, () -> codec.decode(null));
    }

    private Payload roundTrip(Payload payload) {
        byte[] datagram = codec.encode(new Envelope(TX, SENDER, false, payload));
        return assertInstanceOf(Decoded.class, codec.decode(datagram)).envelope().payload();
    }
}
