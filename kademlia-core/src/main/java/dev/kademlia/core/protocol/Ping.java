package dev.kademlia.core.protocol;

/**
 * PING: probes whether a node is online. The paper's liveness check, used before evicting the
 * least-recently seen contact of a full k-bucket. Answered with {@link Pong}.
 */
public record Ping() implements Request {
}
