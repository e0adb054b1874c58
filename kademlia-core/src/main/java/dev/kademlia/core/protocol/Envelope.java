package dev.kademlia.core.protocol;

import dev.kademlia.api.Key;
import java.util.Objects;

/**
 * One datagram: the header every message carries, and its {@link Payload}.
 *
 * <p>The {@code transactionId} pairs a request with its response: the requester draws it at random
 * (64 bits, so an off-path attacker cannot guess it), the responder copies it into its reply, and the
 * requester accepts a reply only for a transaction id it has outstanding towards that address, and only
 * if the reply {@link Response#answers(Request) answers} the request sent.
 *
 * @param transactionId random for a request; the request's id, echoed, for a response
 * @param sender        the node id of the sender
 * @param clientMode    the sender is a short-lived client node: receivers answer it but must not add it to
 *                      their routing tables
 * @param payload       the request or response
 */
public record Envelope(long transactionId, Key sender, boolean clientMode, Payload payload) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if {@code sender} or {@code payload} is null
     */
    public Envelope {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * Whether the payload is a request.
     *
     * @return true for a {@link Request}, false for a {@link Response}
     */
    public boolean isRequest() {
        return payload instanceof Request;
    }
}
