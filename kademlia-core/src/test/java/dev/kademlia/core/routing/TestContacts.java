package dev.kademlia.core.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Builds contacts with literal 10.x.y.z addresses, so no test ever touches DNS. */
final class TestContacts {

    private TestContacts() {
    }

    /** A contact at 10.(n>>16).(n>>8).n, port 4000 + (n % 1000) + 1. */
    static Contact contact(Key id, int n) {
        return new Contact(id, address(n, 4001 + Math.floorMod(n, 1000)));
    }

    /** A resolved socket address 10.(n>>16).(n>>8).n:port, built without DNS. */
    static InetSocketAddress address(int n, int port) {
        byte[] ip = {10, (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4-byte address is always valid", e);
        }
    }
}
