package dev.kademlia.core.node;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoredValue;
import dev.kademlia.core.defence.WriteTokens;
import dev.kademlia.core.protocol.ErrorCode;
import dev.kademlia.core.protocol.ErrorReply;
import dev.kademlia.core.protocol.FindNode;
import dev.kademlia.core.protocol.FindValue;
import dev.kademlia.core.protocol.Nodes;
import dev.kademlia.core.protocol.Ping;
import dev.kademlia.core.protocol.Pong;
import dev.kademlia.core.protocol.Request;
import dev.kademlia.core.protocol.Response;
import dev.kademlia.core.protocol.StoreAck;
import dev.kademlia.core.protocol.ValueFound;
import dev.kademlia.core.routing.RoutingTable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Answers the four RPCs. Pure apart from the store: given a request, its sender and the time, it returns
 * the response (and, for STORE, writes the value).
 *
 * <p>FIND_NODE and FIND_VALUE replies carry a write token bound to the requester's address; a STORE is
 * accepted only with such a token (see {@link WriteTokens}).
 *
 * <p>Runs on the node's event loop.
 */
final class RequestHandler {

    private final RoutingTable routing;
    private final Store store;
    private final WriteTokens tokens;
    private final int contactsPerReply;
    private final Duration maxTtl;
    private final long maxEntries;
    private final long maxBytes;
    private final NodeMetrics metrics;

    /**
     * @param maxTtl     the longest this node keeps a value it is asked to store, or {@code null} for no limit
     * @param maxEntries values this node keeps at most
     * @param maxBytes   total value bytes this node keeps at most
     */
    RequestHandler(RoutingTable routing, Store store, WriteTokens tokens, int contactsPerReply, Duration maxTtl,
            long maxEntries, long maxBytes, NodeMetrics metrics) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.routing = routing;
        this.store = store;
        this.tokens = tokens;
        this.contactsPerReply = contactsPerReply;
        this.maxTtl = maxTtl;
        this.metrics = metrics;
    }

    Response answer(Request request, Contact from, long nowMillis) {
        if (request instanceof Ping) {
            return new Pong();
        } else if (request instanceof FindNode findNode) {
            return nodes(findNode.target(), from, nowMillis);
        } else if (request instanceof FindValue findValue) {
            Optional<StoredValue> held = store.get(findValue.key(), nowMillis);
            if (held.isPresent()) {
                return new ValueFound(held.get().value(), remainingSeconds(held.get(), nowMillis),
                        tokens.issue(from.address().getAddress(), nowMillis));
            }
            return nodes(findValue.key(), from, nowMillis);
        } else if (request instanceof dev.kademlia.core.protocol.Store storeRequest) {
            return store(storeRequest, from, nowMillis);
        }
        throw new IllegalArgumentException("not a Kademlia request: " + request);
    }

    private Nodes nodes(Key target, Contact from, long nowMillis) {
        List<Contact> closest = routing.closest(target, contactsPerReply + 1);
        Contact[] reply = new Contact[Math.min(closest.size(), contactsPerReply)];
        int count = 0;
        for (int i = 0; i < closest.size() && count < reply.length; i++) {
            Contact contact = closest.get(i);
            if (!contact.id().equals(from.id())) { // the requester knows itself
                reply[count++] = contact;
            }
        }
        return new Nodes(List.of(count == reply.length ? reply : Arrays.copyOf(reply, count)),
                tokens.issue(from.address().getAddress(), nowMillis));
    }

    private Response store(dev.kademlia.core.protocol.Store request, Contact from, long nowMillis) {
        if (!tokens.isValid(request.token(), from.address().getAddress(), nowMillis)) {
            metrics.storeRefused();
            return new ErrorReply(ErrorCode.INVALID_TOKEN,
                    "write token missing, expired or issued to another address; ask FIND_NODE first");
        }
        long expiresAt = expiry(request.ttlSeconds(), nowMillis);
        Optional<StoredValue> held = store.get(request.key(), nowMillis);
        boolean original = held.map(StoredValue::originalPublisher).orElse(false);
        if (held.isEmpty() && store.size() >= maxEntries) {
            metrics.storeRefused();
            return new ErrorReply(ErrorCode.STORE_FULL, String.format("this node keeps at most %,d values", maxEntries));
        }
        long bytesAfter = store.valueBytes() - held.map(StoredValue::valueLength).orElse(0) + request.value().length;
        if (bytesAfter > maxBytes) {
            metrics.storeRefused();
            return new ErrorReply(ErrorCode.STORE_FULL,
                    String.format("this node keeps at most %,d bytes of values", maxBytes));
        }
        try {
            store.put(new StoredValue(request.key(), request.value(), expiresAt, nowMillis, original));
            return new StoreAck();
        } catch (StoreException e) {
            metrics.storeRefused();
            ErrorCode code = switch (e.reason()) {
                case FULL -> ErrorCode.STORE_FULL;
                case VALUE_TOO_LARGE -> ErrorCode.VALUE_TOO_LARGE;
                default -> ErrorCode.INTERNAL;
            };
            return new ErrorReply(code, e.getMessage());
        }
    }

    /** The lifetime an entry has left, in whole seconds (rounded down), or the wire's "never". */
    static long remainingSeconds(StoredValue entry, long nowMillis) {
        if (entry.expiresAtMillis() == StoredValue.NEVER) {
            return dev.kademlia.core.protocol.Store.TTL_NEVER;
        }
        return Math.max(0, Math.min((entry.expiresAtMillis() - nowMillis) / 1000,
                dev.kademlia.core.protocol.Store.TTL_NEVER - 1));
    }

    private long expiry(long ttlSeconds, long nowMillis) {
        long requested = ttlSeconds == dev.kademlia.core.protocol.Store.TTL_NEVER
                ? StoredValue.NEVER
                : nowMillis + ttlSeconds * 1000;
        if (maxTtl == null) {
            return requested;
        }
        return Math.min(requested, nowMillis + maxTtl.toMillis());
    }
}
