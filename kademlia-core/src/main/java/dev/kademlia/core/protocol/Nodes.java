package dev.kademlia.core.protocol;

import dev.kademlia.api.Contact;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The answer to {@link FindNode}, and to {@link FindValue} when the value is not held: the contacts the
 * replying node knows closest to the requested key (the paper's up to k triples), nearest first by
 * convention. The token array is copied in and out, and compared by content.
 *
 * @param contacts the contacts, at most {@value MessageCodec#MAX_CONTACTS}; the codec further bounds them
 *                 by the datagram size (see {@link MessageCodec#maxContactsPerReply()})
 * @param token    a write token the asker may present in a later {@link Store} to this node, 0 to
 *                 {@value MessageCodec#MAX_TOKEN_BYTES} bytes (empty if the node uses none)
 */
public record Nodes(List<Contact> contacts, byte[] token) implements Response {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if there are more than 32 contacts or the token is longer than 32
     *                                  bytes
     * @throws NullPointerException     if the list, an element, or the token is null
     */
    public Nodes {
        contacts = List.copyOf(contacts);
        if (contacts.size() > MessageCodec.MAX_CONTACTS) {
            throw new IllegalArgumentException("a Nodes reply carries at most " + MessageCodec.MAX_CONTACTS
                    + " contacts; got " + contacts.size());
        }
        token = OpaqueBytes.copyToken(token);
    }

    /**
     * The write token, copied.
     *
     * @return 0 to 32 bytes
     */
    @Override
    public byte[] token() {
        return token.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nodes n && n.contacts.equals(contacts) && Arrays.equals(n.token, token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contacts, Arrays.hashCode(token));
    }

    @Override
    public String toString() {
        return "Nodes[contacts=" + contacts + ", token=" + OpaqueBytes.describe(token) + "]";
    }
}
