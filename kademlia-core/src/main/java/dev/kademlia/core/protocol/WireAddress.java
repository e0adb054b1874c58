package dev.kademlia.core.protocol;

/**
 * Which contact addresses the wire format carries. The same rule applies when encoding and when decoding,
 * so a node never sends what its peers would reject.
 *
 * <p>Refused, because nobody can be reached there: the unspecified address ({@code 0.0.0.0}, {@code ::}),
 * multicast addresses ({@code 224.0.0.0/4}, {@code ff00::/8}) and the IPv4 limited broadcast address
 * ({@code 255.255.255.255}). Refused, because an address must have exactly one encoding: IPv4-mapped IPv6
 * addresses ({@code ::ffff:a.b.c.d}), which travel as IPv4 contacts instead. Loopback, private and
 * link-local addresses are accepted: they are what local and test networks use.
 */
final class WireAddress {

    private WireAddress() {
    }

    /**
     * What is wrong with an address, if anything.
     *
     * @param address 4 (IPv4) or 16 (IPv6) bytes in network order
     * @return null if the address may travel in a contact, otherwise why not
     */
    static String problem(byte[] address) {
        return address.length == WireLayout.IPV4_BYTES ? ipv4Problem(address) : ipv6Problem(address);
    }

    private static String ipv4Problem(byte[] a) {
        int first = a[0] & 0xFF;
        if ((first & 0xF0) == 0xE0) {
            return "multicast IPv4 address";
        }
        if (allEqual(a, 0, a.length, 0)) {
            return "unspecified IPv4 address 0.0.0.0";
        }
        if (allEqual(a, 0, a.length, 0xFF)) {
            return "broadcast IPv4 address 255.255.255.255";
        }
        return null;
    }

    private static String ipv6Problem(byte[] a) {
        if ((a[0] & 0xFF) == 0xFF) {
            return "multicast IPv6 address";
        }
        if (allEqual(a, 0, a.length, 0)) {
            return "unspecified IPv6 address ::";
        }
        if (allEqual(a, 0, 10, 0) && allEqual(a, 10, 12, 0xFF)) {
            return "IPv4-mapped IPv6 address (send it as an IPv4 contact)";
        }
        return null;
    }

    private static boolean allEqual(byte[] a, int from, int to, int value) {
        for (int i = from; i < to; i++) {
            if ((a[i] & 0xFF) != value) {
                return false;
            }
        }
        return true;
    }
}
