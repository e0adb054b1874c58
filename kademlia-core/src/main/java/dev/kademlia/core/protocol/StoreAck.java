package dev.kademlia.core.protocol;

/** The answer to an accepted {@link Store}: the receiver now holds the value. */
public record StoreAck() implements Response {
}
