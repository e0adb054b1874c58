package dev.kademlia.core.protocol;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.List;

/**
 * Writes envelopes in the wire format. Each message's exact size is computed first, checked against the
 * limits, and then written into an array of exactly that size.
 */
final class MessageEncoder {

    private final int maxDatagramBytes;
    private final int maxValueBytes;

    /**
     * Creates an encoder for a codec's limits.
     *
     * @param maxDatagramBytes the largest datagram
     * @param maxValueBytes    the largest value a Store or ValueFound may carry
     */
    MessageEncoder(int maxDatagramBytes, int maxValueBytes) {
        this.maxDatagramBytes = maxDatagramBytes;
        this.maxValueBytes = maxValueBytes;
    }

    /**
     * Encodes one envelope.
     *
     * @param envelope the message
     * @return the datagram
     * @throws IllegalArgumentException if a limit is exceeded or a contact address cannot travel
     */
    byte[] encode(Envelope envelope) {
        Payload payload = envelope.payload();
        MessageType type = MessageType.of(payload);
        return switch (type) {
            case PING, PONG, STORE_ACK -> start(envelope, type, 0).finish();
            case STORE -> store(envelope, (Store) payload);
            case FIND_NODE -> key(envelope, type, ((FindNode) payload).target());
            case FIND_VALUE -> key(envelope, type, ((FindValue) payload).key());
            case NODES -> nodes(envelope, (Nodes) payload);
            case VALUE_FOUND -> valueFound(envelope, (ValueFound) payload);
            case ERROR -> error(envelope, (ErrorReply) payload);
        };
    }

    private byte[] store(Envelope envelope, Store store) {
        byte[] value = store.value();
        byte[] token = store.token();
        checkValue("Store", value.length);
        Writer out = start(envelope, MessageType.STORE, WireLayout.STORE_FIXED_BYTES + token.length + value.length);
        out.key(store.key());
        out.u32(store.ttlSeconds());
        out.u8(token.length);
        out.bytes(token);
        out.u16(value.length);
        out.bytes(value);
        return out.finish();
    }

    private byte[] key(Envelope envelope, MessageType type, Key key) {
        Writer out = start(envelope, type, Key.BYTES);
        out.key(key);
        return out.finish();
    }

    private byte[] nodes(Envelope envelope, Nodes nodes) {
        byte[] token = nodes.token();
        List<Contact> contacts = nodes.contacts();
        byte[][] addresses = new byte[contacts.size()][];
        int bodyBytes = WireLayout.NODES_FIXED_BYTES + token.length;
        for (int i = 0; i < addresses.length; i++) {
            Contact contact = contacts.get(i);
            byte[] address = contact.address().getAddress().getAddress();
            String problem = WireAddress.problem(address);
            if (problem != null) {
                throw new IllegalArgumentException(
                        "contact " + i + " (" + contact + ") cannot be sent: " + problem);
            }
            addresses[i] = address;
            bodyBytes += WireLayout.CONTACT_FIXED_BYTES + address.length;
        }
        Writer out = start(envelope, MessageType.NODES, bodyBytes);
        out.u8(token.length);
        out.bytes(token);
        out.u8(addresses.length);
        for (int i = 0; i < addresses.length; i++) {
            Contact contact = contacts.get(i);
            out.key(contact.id());
            out.u8(addresses[i].length == WireLayout.IPV4_BYTES ? WireLayout.FAMILY_IPV4 : WireLayout.FAMILY_IPV6);
            out.bytes(addresses[i]);
            out.u16(contact.address().getPort());
        }
        return out.finish();
    }

    private byte[] valueFound(Envelope envelope, ValueFound found) {
        byte[] value = found.value();
        byte[] token = found.token();
        checkValue("ValueFound", value.length);
        Writer out = start(envelope, MessageType.VALUE_FOUND,
                WireLayout.VALUE_FOUND_FIXED_BYTES + token.length + value.length);
        out.u32(found.ttlSeconds());
        out.u8(token.length);
        out.bytes(token);
        out.u16(value.length);
        out.bytes(value);
        return out.finish();
    }

    private byte[] error(Envelope envelope, ErrorReply error) {
        byte[] message = error.messageBytes(); // at most ErrorReply.MAX_MESSAGE_BYTES, by construction
        Writer out = start(envelope, MessageType.ERROR, WireLayout.ERROR_FIXED_BYTES + message.length);
        out.u8(error.code().wireCode());
        out.u8(message.length);
        out.bytes(message);
        return out.finish();
    }

    private void checkValue(String message, int valueBytes) {
        if (valueBytes > maxValueBytes) {
            throw new IllegalArgumentException(String.format(
                    "%s value is %,d bytes; the limit is maxValueBytes = %,d for %,d-byte datagrams",
                    message, valueBytes, maxValueBytes, maxDatagramBytes));
        }
    }

    private Writer start(Envelope envelope, MessageType type, int bodyBytes) {
        int total = WireLayout.HEADER_BYTES + bodyBytes;
        if (total > maxDatagramBytes) {
            throw new IllegalArgumentException(String.format(
                    "%s encodes to %,d bytes; the limit is maxDatagramBytes = %,d",
                    describe(envelope.payload()), total, maxDatagramBytes));
        }
        Writer out = new Writer(total);
        out.u8(WireLayout.MAGIC_0);
        out.u8(WireLayout.MAGIC_1);
        out.u8(MessageCodec.VERSION);
        out.u8(type.code());
        out.u8(envelope.clientMode() ? WireLayout.FLAG_CLIENT_MODE : 0);
        out.u64(envelope.transactionId());
        out.key(envelope.sender());
        return out;
    }

    private static String describe(Payload payload) {
        if (payload instanceof Nodes nodes) {
            return "a Nodes reply with " + nodes.contacts().size() + " contacts";
        }
        return "a " + payload.getClass().getSimpleName() + " message";
    }

    /** A cursor over an array of the exact message size. */
    private static final class Writer {

        private final byte[] bytes;
        private int position;

        Writer(int size) {
            bytes = new byte[size];
        }

        void u8(int value) {
            bytes[position++] = (byte) value;
        }

        void u16(int value) {
            bytes[position++] = (byte) (value >>> 8);
            bytes[position++] = (byte) value;
        }

        void u32(long value) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[position++] = (byte) (value >>> shift);
            }
        }

        void u64(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[position++] = (byte) (value >>> shift);
            }
        }

        void key(Key key) {
            key.writeTo(bytes, position);
            position += Key.BYTES;
        }

        void bytes(byte[] source) {
            System.arraycopy(source, 0, bytes, position, source.length);
            position += source.length;
        }

        byte[] finish() {
            if (position != bytes.length) {
                throw new AssertionError("wrote " + position + " of " + bytes.length + " bytes");
            }
            return bytes;
        }
    }
}
