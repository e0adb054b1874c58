package dev.kademlia.dump;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A node as a dump names it: its id and the address it answers on.
 *
 * @param id   the node id, 64 lower-case hex digits
 * @param host the numeric IP address (IPv4 dotted, IPv6 without brackets)
 * @param port the UDP port
 */
public record Peer(String id, String host, int port) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if {@code id} is not 64 hex digits or {@code port} is not in
     *                                  {@code [0, 65535]}
     */
    public Peer {
        Hex.checkKey(id, "peer id");
        Objects.requireNonNull(host, "host");
        Hex.checkPort(port);
    }

    static Peer of(Contact contact) {
        InetSocketAddress address = contact.address();
        return new Peer(contact.id().toString(), address.getAddress().getHostAddress(), address.getPort());
    }

    /** The address as {@code host:port}, with brackets around an IPv6 host. */
    String address() {
        return Hex.address(host, port);
    }

    Key key() {
        return Key.fromHex(id);
    }
}
