package dev.kademlia.core.lookup;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Contacts for tests, on loopback addresses built without DNS. With {@link Key#ZERO} as the target, the
 * contact {@code at(d)} lies at XOR distance {@code d}, which keeps scripted scenarios readable.
 */
final class TestContacts {

    static final InetAddress LOOPBACK = address(127, 0, 0, 1);

    private TestContacts() {}

    static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError("a four-byte address is always valid", e);
        }
    }

    /** The key at XOR distance {@code distance} from {@link Key#ZERO}. */
    static Key id(long distance) {
        return Key.ofWords(0, 0, 0, distance);
    }

    /** A contact with {@link #id(long) id(distance)} on a loopback port derived from it. */
    static Contact at(long distance) {
        return contact(id(distance), 1 + (int) Math.floorMod(distance, 65_535L));
    }

    /** Contacts at the given distances from {@link Key#ZERO}, in the given order. */
    static List<Contact> contacts(long... distances) {
        List<Contact> out = new ArrayList<>(distances.length);
        for (long d : distances) {
            out.add(at(d));
        }
        return out;
    }

    static Contact contact(Key id, int port) {
        return new Contact(id, new InetSocketAddress(LOOPBACK, port));
    }
}
