package dev.kademlia.api;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A running Kademlia node: the interface applications program against.
 *
 * <p>Network operations are asynchronous and return {@link CompletableFuture}s. Expected outcomes (a
 * key that is not found, a lookup that only reached some peers) are values; a future completes
 * exceptionally only for real faults: {@link RpcTimeoutException} when the single contact asked by a
 * one-RPC method does not answer, {@link NodeClosedException} after {@link #close()},
 * {@link ValueTooLargeException} for a value that cannot travel in one datagram, and
 * {@link RemoteRejectedException} when a peer refuses a STORE.
 *
 * <p>Futures complete on the node's event loop: callbacks attached with {@code thenApply} and the like run
 * there and must not block (a {@code join()} on another of this node's futures inside such a callback
 * would wait forever). Blocking with {@code join()} from any other thread is fine.
 *
 * <p>Operations issued while the node is still joining the network (see {@link #bootstrap}) wait for the
 * join to finish first.
 */
public interface KademliaNode extends AutoCloseable {

    /**
     * This node's contact: its id and the address peers reach it on.
     *
     * @return the local contact
     */
    Contact contact();

    /**
     * This node's id.
     *
     * @return the id of {@link #contact()}
     */
    default Key id() {
        return contact().id();
    }

    /**
     * Joins the network through the given addresses: pings each to learn its id, then looks up this
     * node's own id (which fills the routing table and announces this node to its neighbours), then
     * refreshes the buckets farther away than the closest neighbour.
     *
     * @param seeds addresses of nodes already in the network
     * @return the lookup of this node's own id; completes exceptionally with {@link NoRouteException} if
     *     no seed answered
     */
    CompletableFuture<LookupResult> bootstrap(Collection<InetSocketAddress> seeds);

    /**
     * Stores {@code value} under {@code key} on the {@code k} nodes closest to the key (this node included
     * when it is one of them).
     *
     * @param key   the key
     * @param value the value; copied
     * @return where the value was stored
     */
    CompletableFuture<PutResult> put(Key key, byte[] value);

    /**
     * Stores a string value under the SHA-256 of a string key ({@link Key#sha256(String)}), UTF-8 encoded.
     *
     * @param key   the application key
     * @param value the value
     * @return where the value was stored
     */
    default CompletableFuture<PutResult> put(String key, String value) {
        return put(Key.sha256(key), value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Finds the value stored under {@code key}, locally or in the network.
     *
     * @param key the key
     * @return the value, or empty if no node holds it
     */
    CompletableFuture<Optional<byte[]>> get(Key key);

    /**
     * Finds a string value stored with {@link #put(String, String)}.
     *
     * @param key the application key
     * @return the value decoded as UTF-8, or empty if no node holds it
     */
    default CompletableFuture<Optional<String>> get(String key) {
        return get(Key.sha256(key)).thenApply(v -> v.map(bytes -> new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * Sends one PING to an address.
     *
     * @param address the address to ping
     * @return the contact that answered (with the id it reported)
     */
    CompletableFuture<Contact> ping(InetSocketAddress address);

    /**
     * Sends one STORE to one contact.
     *
     * @param target the contact to store at
     * @param key    the key
     * @param value  the value; copied
     * @return completes when the contact acknowledged the STORE
     */
    CompletableFuture<Void> store(Contact target, Key key, byte[] value);

    /**
     * Sends one FIND_NODE to one contact.
     *
     * @param target the contact to ask
     * @param key    the key to find nodes near
     * @return up to {@code k} contacts the target knows closest to {@code key}
     */
    CompletableFuture<List<Contact>> findNode(Contact target, Key key);

    /**
     * Sends one FIND_VALUE to one contact.
     *
     * @param target the contact to ask
     * @param key    the key
     * @return the value, or the contacts the target knows closest to {@code key}
     */
    CompletableFuture<FindValueResult> findValue(Contact target, Key key);

    /**
     * The paper's iterative node lookup: the {@code k} closest live nodes to {@code target}.
     *
     * @param target any key
     * @return the closest contacts that answered, nearest first, and how the lookup went
     */
    CompletableFuture<LookupResult> lookupNodes(Key target);

    /**
     * The paper's iterative value lookup, which stops at the first node that returns the value.
     *
     * @param key the key
     * @return the value and who returned it, or the closest nodes that did not have it
     */
    CompletableFuture<ValueLookupResult> lookupValue(Key key);

    /**
     * Stops the node: pending operations complete exceptionally with {@link NodeClosedException}, the
     * transport and the store are closed (when the node opened them), and the event loop ends.
     */
    @Override
    void close();
}
