package dev.kademlia.core.protocol;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.core.protocol.DecodeResult.Decoded;
import dev.kademlia.core.protocol.DecodeResult.Reason;
import dev.kademlia.core.protocol.DecodeResult.Rejected;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one datagram; used once. Every read is preceded by a bounds check, so decoding cannot throw
 * whatever the bytes: a failed check records a {@link Rejected} and the parse methods return null up to
 * {@link #decode()}. Each length or count is checked against its limit and against the bytes that remain
 * before anything is allocated, so no array is larger than the datagram.
 *
 * <p>Only the canonical encoding of a message is accepted (reserved flag bits clear, no IPv4-mapped IPv6
 * addresses, well-formed UTF-8, nothing after the body), so every decoded envelope encodes back to
 * exactly the datagram it came from.
 */
final class MessageDecoder {

    private final byte[] in;
    private final int maxDatagramBytes;
    private final int maxValueBytes;
    private int position;
    private Rejected rejection;

    /**
     * Prepares to read a datagram.
     *
     * @param datagram         the bytes; not modified
     * @param maxDatagramBytes the largest datagram accepted
     * @param maxValueBytes    the largest value accepted
     */
    MessageDecoder(byte[] datagram, int maxDatagramBytes, int maxValueBytes) {
        this.in = datagram;
        this.maxDatagramBytes = maxDatagramBytes;
        this.maxValueBytes = maxValueBytes;
    }

    /**
     * Decodes the datagram: header checks in order (length, magic, version, type, flags), then the body,
     * then the absence of trailing bytes.
     *
     * @return the envelope, or why the datagram is not one
     */
    DecodeResult decode() {
        if (in.length > maxDatagramBytes) {
            return new Rejected(Reason.TOO_LONG, String.format(
                    "datagram is %,d bytes; the limit is %,d", in.length, maxDatagramBytes));
        }
        if (in.length < WireLayout.HEADER_BYTES) {
            return new Rejected(Reason.TOO_SHORT, "datagram is " + in.length
                    + " bytes; the header alone is " + WireLayout.HEADER_BYTES);
        }
        if (in[0] != WireLayout.MAGIC_0 || in[1] != WireLayout.MAGIC_1) {
            return new Rejected(Reason.BAD_MAGIC, String.format(
                    "magic is 0x%02x%02x; expected 0x%02x%02x ('KD')",
                    in[0], in[1], WireLayout.MAGIC_0, WireLayout.MAGIC_1));
        }
        int version = in[WireLayout.VERSION_OFFSET] & 0xFF;
        if (version != MessageCodec.VERSION) {
            return new Rejected(Reason.UNSUPPORTED_VERSION,
                    "protocol version " + version + "; this codec speaks version " + MessageCodec.VERSION);
        }
        int typeCode = in[WireLayout.TYPE_OFFSET] & 0xFF;
        MessageType type = MessageType.fromCode(typeCode);
        if (type == null) {
            return new Rejected(Reason.UNKNOWN_TYPE, String.format("type byte 0x%02x names no message", typeCode));
        }
        int flags = in[WireLayout.FLAGS_OFFSET] & 0xFF;
        if ((flags & ~WireLayout.KNOWN_FLAGS) != 0) {
            return new Rejected(Reason.INVALID_FIELD, String.format(
                    "flags 0x%02x set reserved bits; version %d defines only bit 0 (client mode)",
                    flags, MessageCodec.VERSION));
        }
        position = WireLayout.TRANSACTION_ID_OFFSET;
        long transactionId = u64();
        Key sender = key();
        Payload payload = switch (type) {
            case PING -> new Ping();
            case PONG -> new Pong();
            case STORE_ACK -> new StoreAck();
            case STORE -> store();
            case FIND_NODE -> need(Key.BYTES, "FIND_NODE target") ? new FindNode(key()) : null;
            case FIND_VALUE -> need(Key.BYTES, "FIND_VALUE key") ? new FindValue(key()) : null;
            case NODES -> nodes();
            case VALUE_FOUND -> valueFound();
            case ERROR -> error();
        };
        if (payload == null) {
            return rejection;
        }
        if (remaining() != 0) {
            return new Rejected(Reason.TRAILING_BYTES,
                    remaining() + " bytes follow the end of the " + type + " body");
        }
        return new Decoded(new Envelope(
                transactionId, sender, (flags & WireLayout.FLAG_CLIENT_MODE) != 0, payload));
    }

    private Payload store() {
        if (!need(Key.BYTES + WireLayout.U32, "STORE key and ttl")) {
            return null;
        }
        Key key = key();
        long ttlSeconds = u32();
        byte[] token = token("STORE");
        byte[] value = token == null ? null : value("STORE");
        return value == null ? null : new Store(key, value, ttlSeconds, token);
    }

    private Payload valueFound() {
        if (!need(WireLayout.U32, "VALUE_FOUND ttl")) {
            return null;
        }
        long ttlSeconds = u32();
        byte[] token = token("VALUE_FOUND");
        byte[] value = token == null ? null : value("VALUE_FOUND");
        return value == null ? null : new ValueFound(value, ttlSeconds, token);
    }

    private Payload nodes() {
        byte[] token = token("NODES");
        if (token == null || !need(WireLayout.U8, "NODES contact count")) {
            return null;
        }
        int count = u8();
        if (count > MessageCodec.MAX_CONTACTS) {
            return invalid("NODES contact count is " + count + "; at most " + MessageCodec.MAX_CONTACTS);
        }
        if (remaining() < count * WireLayout.CONTACT_IPV4_BYTES) {
            return fail(Reason.LENGTH_MISMATCH, "NODES announces " + count + " contacts of at least "
                    + WireLayout.CONTACT_IPV4_BYTES + " bytes each; " + remaining() + " bytes remain");
        }
        List<Contact> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Contact contact = contact(i, count);
            if (contact == null) {
                return null;
            }
            contacts.add(contact);
        }
        return new Nodes(contacts, token);
    }

    private Contact contact(int index, int count) {
        if (remaining() < Key.BYTES + WireLayout.U8) {
            return fail(Reason.LENGTH_MISMATCH, which(index, count) + " runs past the end of the datagram");
        }
        Key id = key();
        int family = u8();
        int addressBytes;
        if (family == WireLayout.FAMILY_IPV4) {
            addressBytes = WireLayout.IPV4_BYTES;
        } else if (family == WireLayout.FAMILY_IPV6) {
            addressBytes = WireLayout.IPV6_BYTES;
        } else {
            return invalid(which(index, count) + " has address family " + family + "; expected 4 (IPv4) or 6 (IPv6)");
        }
        if (remaining() < addressBytes + WireLayout.U16) {
            return fail(Reason.LENGTH_MISMATCH, which(index, count) + " runs past the end of the datagram");
        }
        byte[] address = bytes(addressBytes);
        String problem = WireAddress.problem(address);
        if (problem != null) {
            return invalid(which(index, count) + " has an unusable address: " + problem);
        }
        int port = u16();
        if (port == 0) {
            return invalid(which(index, count) + " has port 0; ports are in [1, 65535]");
        }
        InetAddress inet;
        try {
            inet = InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            // Thrown only for lengths other than 4 and 16, which the family check excludes.
            return invalid(which(index, count) + " has an address of " + address.length + " bytes");
        }
        return new Contact(id, new InetSocketAddress(inet, port));
    }

    /** Names a contact in a rejection message; built only when a contact is rejected. */
    private static String which(int index, int count) {
        return "NODES contact " + index + " of " + count;
    }

    private Payload error() {
        if (!need(WireLayout.ERROR_FIXED_BYTES, "ERROR code and message length")) {
            return null;
        }
        int wireCode = u8();
        int length = u8();
        ErrorCode code = ErrorCode.fromWire(wireCode).orElse(null);
        if (code == null) {
            return invalid("ERROR code " + wireCode + " is not one of the codes of version " + MessageCodec.VERSION);
        }
        if (length > ErrorReply.MAX_MESSAGE_BYTES) {
            return invalid("ERROR message length is " + length + "; at most " + ErrorReply.MAX_MESSAGE_BYTES);
        }
        if (!present(length, "ERROR message")) {
            return null;
        }
        String message = utf8(length);
        return message == null ? null : new ErrorReply(code, message);
    }

    /** Reads a u8-prefixed write token, or records why not and returns null. */
    private byte[] token(String message) {
        if (!need(WireLayout.U8, message + " token length")) {
            return null;
        }
        int length = u8();
        if (length > MessageCodec.MAX_TOKEN_BYTES) {
            return invalid(message + " token length is " + length + "; at most " + MessageCodec.MAX_TOKEN_BYTES);
        }
        return present(length, message + " token") ? bytes(length) : null;
    }

    /** Reads a u16-prefixed value, or records why not and returns null. */
    private byte[] value(String message) {
        if (!need(WireLayout.U16, message + " value length")) {
            return null;
        }
        int length = u16();
        if (length > maxValueBytes) {
            return invalid(String.format("%s value length is %,d; the limit is maxValueBytes = %,d",
                    message, length, maxValueBytes));
        }
        return present(length, message + " value") ? bytes(length) : null;
    }

    /** Decodes well-formed UTF-8 without throwing; records the rejection and returns null otherwise. */
    private String utf8(int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(length); // UTF-8 never has more chars than bytes
        CoderResult result = decoder.decode(ByteBuffer.wrap(in, position, length), chars, true);
        if (result.isUnderflow()) {
            result = decoder.flush(chars);
        }
        if (!result.isUnderflow()) {
            return invalid("ERROR message is not well-formed UTF-8 (" + result + ")");
        }
        position += length;
        return chars.flip().toString();
    }

    /** Whether {@code count} bytes of fixed-size fields remain; records TRUNCATED if not. */
    private boolean need(int count, String what) {
        if (remaining() >= count) {
            return true;
        }
        fail(Reason.TRUNCATED, "datagram ends inside the " + what + " (" + count + " bytes needed, "
                + remaining() + " left)");
        return false;
    }

    /** Whether the {@code length} bytes a prefix announced remain; records LENGTH_MISMATCH if not. */
    private boolean present(int length, String what) {
        if (remaining() >= length) {
            return true;
        }
        fail(Reason.LENGTH_MISMATCH,
                String.format("%s length is %,d but only %,d bytes remain", what, length, remaining()));
        return false;
    }

    private <T> T invalid(String detail) {
        return fail(Reason.INVALID_FIELD, detail);
    }

    private <T> T fail(Reason reason, String detail) {
        rejection = new Rejected(reason, detail);
        return null;
    }

    private int remaining() {
        return in.length - position;
    }

    private int u8() {
        return in[position++] & 0xFF;
    }

    private int u16() {
        int value = (in[position] & 0xFF) << 8 | (in[position + 1] & 0xFF);
        position += WireLayout.U16;
        return value;
    }

    private long u32() {
        long value = 0;
        for (int i = 0; i < WireLayout.U32; i++) {
            value = value << 8 | (in[position++] & 0xFF);
        }
        return value;
    }

    private long u64() {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = value << 8 | (in[position++] & 0xFF);
        }
        return value;
    }

    private Key key() {
        Key key = Key.of(in, position);
        position += Key.BYTES;
        return key;
    }

    private byte[] bytes(int length) {
        byte[] out = new byte[length];
        System.arraycopy(in, position, out, 0, length);
        position += length;
        return out;
    }
}
