package dev.kademlia.core.defence;

import java.net.InetAddress;

/**
 * Which addresses belong to the local host or network: loopback, private (IPv4 site-local, IPv6
 * unique-local {@code fc00::/7}) and link-local. Address-based limits exempt them unless told otherwise:
 * test networks and LANs legitimately run many nodes on one address or subnet.
 */
public final class LocalAddresses {

    private LocalAddresses() {
    }

    /**
     * Whether {@code address} is loopback, private or link-local.
     *
     * @param address an address
     * @return true for addresses of the local host or network
     */
    public static boolean isLocal(InetAddress address) {
        byte[] b = address.getAddress();
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || (b.length == 16 && (b[0] & 0xFE) == 0xFC);
    }
}
