package dev.kademlia.core.protocol;

/**
 * The answer to a {@link Request}, sent back with the request's transaction id. Each request has its own
 * success reply ({@link Pong}, {@link StoreAck}, {@link Nodes}, {@link ValueFound}); any request may be
 * refused with an {@link ErrorReply}.
 */
public sealed interface Response extends Payload permits Pong, StoreAck, Nodes, ValueFound, ErrorReply {

    /**
     * Whether this response is a legal answer to {@code request}: {@link Pong} to {@link Ping},
     * {@link StoreAck} to {@link Store}, {@link Nodes} to {@link FindNode}, {@link ValueFound} or
     * {@link Nodes} to {@link FindValue}, and {@link ErrorReply} to any request. A driver drops a
     * response whose transaction id matches an outstanding request but whose type does not answer it.
     *
     * @param request the outstanding request with the same transaction id
     * @return true if this response type answers that request type
     */
    default boolean answers(Request request) {
        if (this instanceof ErrorReply) {
            return true;
        }
        if (request instanceof Ping) {
            return this instanceof Pong;
        }
        if (request instanceof Store) {
            return this instanceof StoreAck;
        }
        if (request instanceof FindNode) {
            return this instanceof Nodes;
        }
        return request instanceof FindValue && (this instanceof ValueFound || this instanceof Nodes);
    }
}
