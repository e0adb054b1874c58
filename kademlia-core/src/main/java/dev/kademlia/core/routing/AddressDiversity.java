package dev.kademlia.core.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.core.defence.LocalAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Limits on how many contacts of one k-bucket may share an IP address or a subnet (/24 for IPv4, /64 for
 * IPv6). Without them, one host with many ids, or one network with many hosts, can fill the buckets
 * around a key and control lookups of it (an eclipse or Sybil attack); with them, an attacker needs
 * addresses in many networks. BitTorrent's DHT implementations apply the same rule.
 *
 * <p>Loopback, private (site-local) and link-local addresses are exempt unless
 * {@code limitPrivateAddresses} is set: a test network or a LAN legitimately runs many nodes on one
 * address or subnet.
 *
 * @param maxPerAddress         contacts per bucket with the same IP address, at least 1
 * @param maxPerSubnet          contacts per bucket in the same /24 (IPv4) or /64 (IPv6), at least
 *                              {@code maxPerAddress}
 * @param limitPrivateAddresses whether the limits also apply to loopback, private and link-local addresses
 */
public record AddressDiversity(int maxPerAddress, int maxPerSubnet, boolean limitPrivateAddresses) {

    /** No limits at all. */
    public static final AddressDiversity UNLIMITED =
            new AddressDiversity(Integer.MAX_VALUE, Integer.MAX_VALUE, false);

    /** The default: one contact per address and two per subnet in each bucket, public addresses only. */
    public static final AddressDiversity DEFAULT = new AddressDiversity(1, 2, false);

    /** Checks the limits. */
    public AddressDiversity {
        if (maxPerAddress < 1) {
            throw new IllegalArgumentException("maxPerAddress must be at least 1; got " + maxPerAddress);
        }
        if (maxPerSubnet < maxPerAddress) {
            throw new IllegalArgumentException("maxPerSubnet (" + maxPerSubnet
                    + ") must be at least maxPerAddress (" + maxPerAddress + ")");
        }
    }

    /**
     * Why {@code candidate} may not join a bucket already holding {@code present}, or {@code null} if it
     * may. Contacts with the candidate's own id are not counted (an update is not an addition).
     *
     * @param present   the contacts in the bucket and its replacement cache
     * @param candidate the contact that wants in
     * @return the reason for refusal, or {@code null}
     */
    /**
     * Whether contacts at {@code address} are subject to the limits at all (cheap: checked before the
     * bucket's contacts are gathered).
     *
     * @param address a contact's address
     * @return false for unlimited policies and for exempt local addresses
     */
    boolean limits(InetAddress address) {
        return maxPerAddress != Integer.MAX_VALUE
                && (limitPrivateAddresses || !LocalAddresses.isLocal(address));
    }

    String refusal(List<Contact> present, Contact candidate) {
        InetAddress address = candidate.address().getAddress();
        if (!limits(address)) {
            return null;
        }
        byte[] mine = address.getAddress();
        int prefixBytes = address instanceof Inet4Address ? 3 : 8;
        int sameAddress = 0;
        int sameSubnet = 0;
        for (Contact other : present) {
            if (other.id().equals(candidate.id())) {
                continue;
            }
            byte[] theirs = other.address().getAddress().getAddress();
            if (theirs.length != mine.length) {
                continue;
            }
            if (samePrefix(mine, theirs, mine.length)) {
                sameAddress++;
            }
            if (samePrefix(mine, theirs, prefixBytes)) {
                sameSubnet++;
            }
        }
        if (sameAddress >= maxPerAddress) {
            return "the bucket already holds " + sameAddress + " contact(s) at " + address.getHostAddress();
        }
        if (sameSubnet >= maxPerSubnet) {
            return "the bucket already holds " + sameSubnet + " contacts in the /"
                    + (prefixBytes * 8) + " of " + address.getHostAddress();
        }
        return null;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bytes) {
        for (int i = 0; i < bytes; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
