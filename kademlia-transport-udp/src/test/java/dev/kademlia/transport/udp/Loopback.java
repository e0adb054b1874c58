package dev.kademlia.transport.udp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;

/** The loopback addresses the tests bind to. */
final class Loopback {

    private Loopback() {
    }

    /** {@code 127.0.0.1} with port 0. */
    static InetSocketAddress ipv4AnyPort() {
        return new InetSocketAddress(ipv4(), 0);
    }

    /** {@code ::1} with port 0. */
    static InetSocketAddress ipv6AnyPort() {
        return new InetSocketAddress(ipv6(), 0);
    }

    static InetAddress ipv4() {
        return address(new byte[] {127, 0, 0, 1});
    }

    static InetAddress ipv6() {
        return address(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    }

    /** Whether a UDP socket can be bound to {@code [::1]} here (containers often lack IPv6). */
    static boolean ipv6Available() {
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            probe.bind(ipv6AnyPort());
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError("a literal address of 4 or 16 bytes is always valid", e);
        }
    }
}
