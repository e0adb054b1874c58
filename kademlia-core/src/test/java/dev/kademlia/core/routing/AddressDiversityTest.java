package dev.kademlia.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Per-bucket limits on contacts sharing an address or subnet. */
class AddressDiversityTest {

    private final SplittableRandom random = new SplittableRandom(7);
    private final Key local = Key.random(random);

    private Contact at(String ip, int port) throws UnknownHostException {
        // Same bucket for all: the top bit differs from the local id's.
        return new Contact(local.randomInBucket(255, random), new InetSocketAddress(InetAddress.getByName(ip), port));
    }

    @Test
    void oneContactPerAddressAndTwoPerSubnetInABucket() throws Exception {
        RoutingTable table = new RoutingTable(local, 20, 20, 2, AddressDiversity.DEFAULT);
        assertEquals(UpdateOutcome.ADDED, table.seen(at("203.0.113.7", 4000), 0));
        UpdateOutcome sameAddress = table.seen(at("203.0.113.7", 4001), 0);
        assertInstanceOf(UpdateOutcome.Ignored.class, sameAddress);
        assertTrue(((UpdateOutcome.Ignored) sameAddress).reason().contains("at 203.0.113.7"), sameAddress.toString());
        assertEquals(UpdateOutcome.ADDED, table.seen(at("203.0.113.8", 4000), 0));
        UpdateOutcome sameSubnet = table.seen(at("203.0.113.9", 4000), 0);
        assertTrue(((UpdateOutcome.Ignored) sameSubnet).reason().contains("/24"), sameSubnet.toString());
        assertEquals(UpdateOutcome.ADDED, table.seen(at("198.51.100.1", 4000), 0), "another subnet is welcome");
        assertEquals(3, table.size());
    }

    @Test
    void ipv6SubnetsAreSlash64() throws Exception {
        RoutingTable table = new RoutingTable(local, 20, 20, 2, new AddressDiversity(1, 1, false));
        assertEquals(UpdateOutcome.ADDED, table.seen(at("2001:db8:1:2::1", 4000), 0));
        assertInstanceOf(UpdateOutcome.Ignored.class, table.seen(at("2001:db8:1:2::ffff", 4000), 0));
        assertEquals(UpdateOutcome.ADDED, table.seen(at("2001:db8:1:3::1", 4000), 0));
    }

    @Test
    void knownContactsAreStillUpdated() throws Exception {
        RoutingTable table = new RoutingTable(local, 20, 20, 2, AddressDiversity.DEFAULT);
        Contact c = at("203.0.113.7", 4000);
        table.seen(c, 0);
        assertEquals(UpdateOutcome.UPDATED, table.seen(c, 5), "a contact never competes with itself");
    }

    @Test
    void localAddressesAreExemptUnlessAsked() throws Exception {
        RoutingTable lenient = new RoutingTable(local, 20, 20, 2, AddressDiversity.DEFAULT);
        for (int port = 4000; port < 4010; port++) {
            assertEquals(UpdateOutcome.ADDED, lenient.seen(at("127.0.0.1", port), 0));
            assertEquals(UpdateOutcome.ADDED, lenient.seen(at("10.0.0.1", port), 0));
        }
        RoutingTable strict = new RoutingTable(local, 20, 20, 2, new AddressDiversity(1, 2, true));
        strict.seen(at("10.0.0.1", 4000), 0);
        assertInstanceOf(UpdateOutcome.Ignored.class, strict.seen(at("10.0.0.1", 4001), 0));
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new AddressDiversity(0, 2, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AddressDiversity(3, 2, false));
        assertEquals("maxPerSubnet (2) must be at least maxPerAddress (3)", e.getMessage());
    }
}
