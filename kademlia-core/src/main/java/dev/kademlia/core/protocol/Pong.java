package dev.kademlia.core.protocol;

/** The answer to {@link Ping}: the node is alive. Its envelope tells the pinger the node's id. */
public record Pong() implements Response {
}
