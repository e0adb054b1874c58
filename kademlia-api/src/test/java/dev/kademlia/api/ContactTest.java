package dev.kademlia.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ContactTest {

    @Test
    void acceptsIpv4AndIpv6() throws Exception {
        Key id = Key.sha256("n");
        Contact v4 = new Contact(id, new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 4000));
        Contact v6 = new Contact(id, new InetSocketAddress(InetAddress.getByName("::1"), 4000));
        assertEquals(id.toShortString(16) + "@127.0.0.1:4000", v4.toString());
        assertEquals(id.toShortString(16) + "@0:0:0:0:0:0:0:1:4000", v6.toString());
    }

    @Test
    void refusesPortZeroAndUnresolvedAddresses() {
        Key id = Key.sha256("n");
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new Contact(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        assertEquals("contact address needs a port in [1, 65535]: localhost/127.0.0.1:0", zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Contact(id, InetSocketAddress.createUnresolved("example.invalid", 1)));
        assertThrows(NullPointerException.class, () -> new Contact(null, new InetSocketAddress(0)));
    }
}
