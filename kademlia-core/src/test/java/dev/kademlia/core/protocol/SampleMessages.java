package dev.kademlia.core.protocol;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Hand-made valid messages covering every type and the edges of every field, for a 1,400-byte codec. */
final class SampleMessages {

    static final Key SENDER = Key.fromHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
    static final Key KEY = Key.sha256("some key");
    static final long TX = 0x1122334455667788L;
    static final byte[] FULL_TOKEN = bytes(MessageCodec.MAX_TOKEN_BYTES, 7);
    static final byte[] NO_TOKEN = new byte[0];

    private SampleMessages() {
    }

    /** A 1,400-byte codec, the default. */
    static MessageCodec codec() {
        return new MessageCodec(1400);
    }

    /** One envelope of every payload shape worth testing. */
    static List<Envelope> all() {
        int maxValue = codec().maxValueBytes();
        List<Payload> payloads = List.of(
                new Ping(),
                new Pong(),
                new StoreAck(),
                new FindNode(KEY),
                new FindValue(KEY),
                new Store(KEY, "abc".getBytes(StandardCharsets.US_ASCII), 3600, NO_TOKEN),
                new Store(KEY, new byte[0], 0, FULL_TOKEN),
                new Store(KEY, bytes(maxValue, 1), Store.TTL_NEVER, FULL_TOKEN),
                new ValueFound(bytes(10, 2), NO_TOKEN),
                new ValueFound(bytes(maxValue, 3), FULL_TOKEN),
                new Nodes(List.of(), NO_TOKEN),
                new Nodes(List.of(ipv4Contact(1), ipv6Contact(2), ipv4Contact(3)), bytes(5, 4)),
                new Nodes(ipv6Contacts(codec().maxContactsPerReply()), FULL_TOKEN),
                new Nodes(ipv4Contacts(MessageCodec.MAX_CONTACTS), FULL_TOKEN),
                new ErrorReply(ErrorCode.STORE_FULL, ""),
                new ErrorReply(ErrorCode.INVALID_TOKEN, "token expired; é中😀"),
                new ErrorReply(ErrorCode.INTERNAL, "x".repeat(ErrorReply.MAX_MESSAGE_BYTES)));
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            envelopes.add(new Envelope(TX + i, SENDER, i % 2 == 1, payloads.get(i)));
        }
        return envelopes;
    }

    static byte[] bytes(int length, int seed) {
        byte[] out = new byte[length];
        new SplittableRandom(seed).nextBytes(out);
        return out;
    }

    static Contact ipv4Contact(int n) {
        return contact(n, new byte[] {10, 0, (byte) (n >>> 8), (byte) n}, 4000 + n);
    }

    static Contact ipv6Contact(int n) {
        byte[] address = new byte[16];
        address[0] = 0x20;
        address[1] = 0x01;
        address[2] = 0x0d;
        address[3] = (byte) 0xb8;
        address[14] = (byte) (n >>> 8);
        address[15] = (byte) n;
        return contact(n, address, 65535 - n);
    }

    static List<Contact> ipv4Contacts(int count) {
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(ipv4Contact(i + 1));
        }
        return out;
    }

    static List<Contact> ipv6Contacts(int count) {
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(ipv6Contact(i + 1));
        }
        return out;
    }

    static Contact contact(int n, byte[] address, int port) {
        return new Contact(Key.sha256("node " + n), new InetSocketAddress(inet(address), port));
    }

    static InetAddress inet(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not 4 or 16 bytes: " + Arrays.toString(address), e);
        }
    }

    /** Parses hex with optional spaces, for readable expected datagrams. */
    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }
}
