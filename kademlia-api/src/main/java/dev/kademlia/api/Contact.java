package dev.kademlia.api;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A node of the network as others know it: its {@link Key id} and the UDP address it answers on
 * (IPv4 or IPv6). The paper calls this a contact triple {@code <IP address, UDP port, Node ID>}.
 *
 * <p>Ids are never derived from the address: a node's id is random, or persisted across restarts, so
 * nobody can choose an address to land next to a target key.
 *
 * @param id      the node id
 * @param address a resolved socket address with a port in {@code [1, 65535]}
 */
public record Contact(Key id, InetSocketAddress address) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the address is unresolved or has port 0
     */
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("contact address must be resolved: " + address);
        }
        if (address.getPort() == 0) {
            throw new IllegalArgumentException("contact address needs a port in [1, 65535]: " + address);
        }
    }

    /** The id abbreviated to 16 hex digits, then the address. */
    @Override
    public String toString() {
        return id.toShortString(16) + "@" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
