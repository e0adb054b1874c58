package dev.kademlia.benchmarks.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.core.protocol.DecodeResult;
import dev.kademlia.core.protocol.Envelope;
import dev.kademlia.core.protocol.Nodes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The naive reference wire format: a {@link Nodes} reply as JSON text, the way the original Rust crate
 * sent its messages (serde_json), written and read here with Jackson data binding. One {@link ObjectMapper}
 * serves every call; the message maps to plain records, and decoding builds {@link Envelope},
 * {@link Nodes} and {@link Contact} objects from them, as {@link dev.kademlia.core.protocol.MessageCodec}
 * does from its bytes. A datagram reads, for example:
 *
 * <pre>{@code
 * {"transactionId":-8214657043215093744,"sender":"<64 hex digits>","clientMode":false,
 *  "nodes":{"contacts":[{"id":"<64 hex digits>","ip":"10.93.4.17","port":40811}, ...],
 *           "token":"<8 bytes in base64>"}}
 * }</pre>
 *
 * <p>Ids are 64 lower-case hex digits, addresses the usual text form ({@code 10.93.4.17},
 * {@code 2001:db8:...}), the token base64 (Jackson's form for {@code byte[]}). Only the {@code nodes}
 * payload is implemented; a datagram without it is rejected as {@link DecodeResult.Reason#UNKNOWN_TYPE}.
 * No datagram limit is enforced: 20 contacts do not fit in 1,400 bytes of JSON.
 */
public final class JsonNodesCodec implements DatagramCodec {

    private final ObjectMapper mapper = JsonMapper.builder().build();

    /** A codec with Jackson's default settings. */
    public JsonNodesCodec() {
    }

    @Override
    public byte[] encode(Envelope envelope) {
        if (!(envelope.payload() instanceof Nodes nodes)) {
            throw new IllegalArgumentException("the JSON reference carries Nodes replies only: " + envelope);
        }
        List<JsonContact> contacts = new ArrayList<>(nodes.contacts().size());
        for (Contact contact : nodes.contacts()) {
            InetSocketAddress address = contact.address();
            contacts.add(new JsonContact(contact.id().toString(), address.getAddress().getHostAddress(),
                    address.getPort()));
        }
        JsonEnvelope json = new JsonEnvelope(envelope.transactionId(), envelope.sender().toString(),
                envelope.clientMode(), new JsonNodes(contacts, nodes.token()));
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings and numbers always write", e);
        }
    }

    @Override
    public DecodeResult decode(byte[] datagram) {
        JsonEnvelope json;
        try {
            json = mapper.readValue(datagram, JsonEnvelope.class);
        } catch (IOException e) {
            return new DecodeResult.Rejected(DecodeResult.Reason.INVALID_FIELD, String.valueOf(e.getMessage()));
        }
        if (json.nodes() == null) {
            return new DecodeResult.Rejected(DecodeResult.Reason.UNKNOWN_TYPE, "no nodes payload");
        }
        try {
            List<Contact> contacts = new ArrayList<>(json.nodes().contacts().size());
            for (JsonContact contact : json.nodes().contacts()) {
                contacts.add(new Contact(Key.fromHex(contact.id()),
                        new InetSocketAddress(literal(contact.ip()), contact.port())));
            }
            return new DecodeResult.Decoded(new Envelope(json.transactionId(), Key.fromHex(json.sender()),
                    json.clientMode(), new Nodes(contacts, json.nodes().token())));
        } catch (IllegalArgumentException | UnknownHostException | NullPointerException e) {
            // a missing field or a JSON null arrives as null and fails the checks of the target types
            return new DecodeResult.Rejected(DecodeResult.Reason.INVALID_FIELD, String.valueOf(e.getMessage()));
        }
    }

    /**
     * The address an IP literal names: an IPv6 one, or an IPv4 one in four dotted decimal groups of 0 to
     * 255. {@link InetAddress#getByName} would look any other text up in DNS; given a literal (an IPv6 one
     * in brackets) it only parses.
     */
    private static InetAddress literal(String ip) throws UnknownHostException {
        if (ip.indexOf(':') >= 0) {
            return InetAddress.getByName("[" + ip + "]");
        }
        int dots = 0;
        int digits = 0;
        int group = 0;
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            if (c == '.' && digits > 0) {
                dots++;
                digits = 0;
                group = 0;
            } else if (c >= '0' && c <= '9') {
                digits++;
                group = group * 10 + (c - '0');
                if (group > 255) {
                    throw new UnknownHostException("not an IP address: " + ip);
                }
            } else {
                throw new UnknownHostException("not an IP address: " + ip);
            }
        }
        if (dots != 3 || digits == 0) {
            throw new UnknownHostException("not an IP address: " + ip);
        }
        return InetAddress.getByName(ip);
    }

    /** The JSON form of an {@link Envelope} carrying {@link Nodes}. */
    private record JsonEnvelope(long transactionId, String sender, boolean clientMode, JsonNodes nodes) {
    }

    /** The JSON form of {@link Nodes}; Jackson writes the token in base64. */
    private record JsonNodes(List<JsonContact> contacts, byte[] token) {
    }

    /** The JSON form of a {@link Contact}. */
    private record JsonContact(String id, String ip, int port) {
    }
}
