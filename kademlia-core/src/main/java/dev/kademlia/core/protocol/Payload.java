package dev.kademlia.core.protocol;

/**
 * The body of a datagram: a {@link Request} a node asks of another, or the {@link Response} that answers
 * it. The {@link Envelope} around it carries the transaction id that pairs the two.
 */
public sealed interface Payload permits Request, Response {
}
