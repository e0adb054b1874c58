package dev.kademlia.core.protocol;

import static dev.kademlia.core.protocol.SampleMessages.FULL_TOKEN;
import static dev.kademlia.core.protocol.SampleMessages.KEY;
import static dev.kademlia.core.protocol.SampleMessages.NO_TOKEN;
import static dev.kademlia.core.protocol.SampleMessages.SENDER;
import static dev.kademlia.core.protocol.SampleMessages.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageRecordsTest {

    @Test
    void storeComparesArraysByContent() {
        Store a = new Store(KEY, hex("0102"), 10, hex("aa"));
        Store b = new Store(KEY, hex("0102"), 10, hex("aa"));

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new Store(KEY, hex("0103"), 10, hex("aa")));
        assertNotEquals(a, new Store(KEY, hex("0102"), 10, hex("ab")));
        assertNotEquals(a, new Store(KEY, hex("0102"), 11, hex("aa")));
        assertNotEquals(a, new Store(SENDER, hex("0102"), 10, hex("aa")));
    }

    @Test
    void storeCopiesArraysInAndOut() {
        byte[] value = hex("0102");
        byte[] token = hex("aa");
        Store store = new Store(KEY, value, 10, token);

        value[0] = 9;
        token[0] = 9;
        store.value()[1] = 9;
        store.token()[0] = 8;

        assertArrayEquals(hex("0102"), store.value());
        assertArrayEquals(hex("aa"), store.token());
    }

    @Test
    void storeTtlRange() {
        assertEquals(0, new Store(KEY, NO_TOKEN, 0, NO_TOKEN).ttlSeconds());
        assertTrue(new Store(KEY, NO_TOKEN, Store.TTL_NEVER, NO_TOKEN).neverExpires());
        assertFalse(new Store(KEY, NO_TOKEN, Store.TTL_NEVER - 1, NO_TOKEN).neverExpires());

        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new Store(KEY, NO_TOKEN, -1, NO_TOKEN));
        assertEquals("ttlSeconds must be in [0, 4,294,967,295] (4,294,967,295 = Store.TTL_NEVER, never expires);"
                + " got -1", negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Store(KEY, NO_TOKEN, Store.TTL_NEVER + 1, NO_TOKEN));
    }

    @Test
    void tokensAreAtMost32Bytes() {
        byte[] tooLong = new byte[MessageCodec.MAX_TOKEN_BYTES + 1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Store(KEY, NO_TOKEN, 1, tooLong));
        assertEquals("token is 33 bytes; a token is at most 32 bytes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ValueFound(NO_TOKEN, tooLong));
        assertThrows(IllegalArgumentException.class, () -> new Nodes(List.of(), tooLong));

        assertArrayEquals(FULL_TOKEN, new Nodes(List.of(), FULL_TOKEN).token());
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> new Store(null, NO_TOKEN, 1, NO_TOKEN));
        assertThrows(NullPointerException.class, () -> new Store(KEY, null, 1, NO_TOKEN));
        assertThrows(NullPointerException.class, () -> new Store(KEY, NO_TOKEN, 1, null));
        assertThrows(NullPointerException.class, () -> new ValueFound(null, NO_TOKEN));
        assertThrows(NullPointerException.class, () -> new Nodes(null, NO_TOKEN));
        assertThrows(NullPointerException.class, () -> new Nodes(Arrays.asList((Contact) null), NO_TOKEN));
        assertThrows(NullPointerException.class, () -> new FindNode(null));
        assertThrows(NullPointerException.class, () -> new FindValue(null));
        assertThrows(NullPointerException.class, () -> new ErrorReply(null, ""));
        assertThrows(NullPointerException.class, () -> new ErrorReply(ErrorCode.INTERNAL, null));
        assertThrows(NullPointerException.class, () -> new Envelope(1, null, false, new Ping()));
        assertThrows(NullPointerException.class, () -> new Envelope(1, SENDER, false, null));
    }

    @Test
    void valueFoundComparesAndCopiesByContent() {
        byte[] value = hex("0102");
        ValueFound found = new ValueFound(value, hex("aa"));
        value[0] = 0;
        found.value()[0] = 0;

        assertEquals(new ValueFound(hex("0102"), hex("aa")), found);
        assertEquals(new ValueFound(hex("0102"), hex("aa")).hashCode(), found.hashCode());
        assertNotEquals(new ValueFound(hex("0102"), NO_TOKEN), found);
        assertNotEquals(new ValueFound(hex("0102"), 60, hex("aa")), found, "the lifetime counts");
        assertThrows(IllegalArgumentException.class, () -> new ValueFound(hex("0102"), -1, NO_TOKEN));
        assertEquals("ValueFound[value=2 bytes 0102, ttlSeconds=4294967295, token=1 bytes aa]", found.toString());
    }

    @Test
    void nodesCopiesTheListAndBoundsIt() {
        List<Contact> contacts = new ArrayList<>(SampleMessages.ipv4Contacts(2));
        Nodes nodes = new Nodes(contacts, hex("aa"));
        contacts.clear();

        assertEquals(2, nodes.contacts().size());
        assertThrows(UnsupportedOperationException.class, () -> nodes.contacts().clear());
        assertEquals(new Nodes(SampleMessages.ipv4Contacts(2), hex("aa")), nodes);
        assertEquals(new Nodes(SampleMessages.ipv4Contacts(2), hex("aa")).hashCode(), nodes.hashCode());
        assertNotEquals(new Nodes(SampleMessages.ipv4Contacts(2), NO_TOKEN), nodes);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Nodes(SampleMessages.ipv4Contacts(MessageCodec.MAX_CONTACTS + 1), NO_TOKEN));
        assertEquals("a Nodes reply carries at most 32 contacts; got 33", e.getMessage());
    }

    @Test
    void storeToStringShowsContentNotIdentity() {
        Store store = new Store(KEY, new byte[20], Store.TTL_NEVER, NO_TOKEN);
        assertEquals("Store[key=" + KEY + ", value=20 bytes " + "00".repeat(16) + "..., ttlSeconds=never,"
                + " token=0 bytes]", store.toString());
    }

    @Test
    void errorMessagesAreCutAt200Utf8BytesOnACharacterBoundary() {
        assertEquals("short", new ErrorReply(ErrorCode.INTERNAL, "short").message());
        assertEquals("a".repeat(200), new ErrorReply(ErrorCode.INTERNAL, "a".repeat(201)).message());

        // 199 one-byte characters then a 2-byte one: it would end at byte 201, so it goes.
        assertEquals("a".repeat(199), new ErrorReply(ErrorCode.INTERNAL, "a".repeat(199) + "é").message());
        // 4-byte characters: 50 of them are exactly 200 bytes.
        String emoji = "😀".repeat(60);
        String cut = new ErrorReply(ErrorCode.INTERNAL, emoji).message();
        assertEquals("😀".repeat(50), cut);
        assertEquals(200, cut.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void unpairedSurrogatesBecomeQuestionMarks() {
        assertEquals("a?b", new ErrorReply(ErrorCode.INTERNAL, "a\uD800b").message());
    }

    @Test
    void errorCodesHaveStableWireNumbers() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6),
                Arrays.stream(ErrorCode.values()).map(ErrorCode::wireCode).toList());
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(Optional.of(code), ErrorCode.fromWire(code.wireCode()));
        }
        for (int unknown : new int[] {Integer.MIN_VALUE, -1, 0, 7, 255, Integer.MAX_VALUE}) {
            assertEquals(Optional.empty(), ErrorCode.fromWire(unknown));
        }
    }

    @Test
    void responsesKnowWhichRequestsTheyAnswer() {
        Request ping = new Ping();
        Request store = new Store(KEY, NO_TOKEN, 1, NO_TOKEN);
        Request findNode = new FindNode(KEY);
        Request findValue = new FindValue(KEY);
        Response nodes = new Nodes(List.of(), NO_TOKEN);
        Response found = new ValueFound(NO_TOKEN, NO_TOKEN);
        Response error = new ErrorReply(ErrorCode.RATE_LIMITED, "");

        assertTrue(new Pong().answers(ping));
        assertTrue(new StoreAck().answers(store));
        assertTrue(nodes.answers(findNode));
        assertTrue(nodes.answers(findValue));
        assertTrue(found.answers(findValue));
        for (Request request : List.of(ping, store, findNode, findValue)) {
            assertTrue(error.answers(request));
        }

        assertFalse(new Pong().answers(store));
        assertFalse(new StoreAck().answers(ping));
        assertFalse(nodes.answers(ping));
        assertFalse(found.answers(findNode));
        assertFalse(new Pong().answers(findValue));
    }

    @Test
    void envelopeTellsRequestsFromResponses() {
        assertTrue(new Envelope(1, SENDER, false, new Ping()).isRequest());
        assertFalse(new Envelope(1, SENDER, false, new Pong()).isRequest());
    }
}
