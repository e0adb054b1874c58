package dev.kademlia.transport.udp;

import dev.kademlia.api.spi.Providers;
import dev.kademlia.api.spi.TransportOptions;
import dev.kademlia.api.spi.TransportProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider: discovery through {@link Providers}, opening, and the errors of binding. */
class UdpTransportProviderTest {

    private static final String MODULE = "dev.kademlia.transport.udp";

    @Test
    void isFoundByNameThroughProviders() {
        Optional<TransportProvider> found = Providers.transport("udp");

        assertTrue(found.isPresent(), "Providers.transport(\"udp\") found nothing; providers: "
                + Providers.transports());
        assertInstanceOf(UdpTransportProvider.class, found.get());
        assertEquals("udp", found.get().name());
    }

    @Test
    void isTheSoleTransportProvider() {
        assertInstanceOf(UdpTransportProvider.class, Providers.soleTransport());
    }

    @Test
    void isDeclaredByTheNamedModuleOnTheModulePath() {
        Module module = UdpTransportProvider.class.getModule();

        assertEquals(MODULE, module.getName(), "the tests must run on the module path");
        ModuleDescriptor.Provides provides = module.getDescriptor().provides().stream()
                .filter(p -> p.service().equals(TransportProvider.class.getName()))
                .findFirst().orElseThrow(() -> new AssertionError(MODULE + " provides no TransportProvider"));
        assertEquals(List.of(UdpTransportProvider.class.getName()), provides.providers());
    }

    @Test
    void isListedForClassPathUsersInMetaInfServices() throws IOException {
        String resource = "META-INF/services/" + TransportProvider.class.getName();
        try (InputStream in = UdpTransportProvider.class.getModule().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            String listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(UdpTransportProvider.class.getName(), listed);
        }
    }

    @Test
    void opensAnUnstartedTransportOnARealPort() throws Exception {
        try (UdpTransport transport = new UdpTransportProvider().open(Loopback.ipv4AnyPort(),
                new TransportOptions(600))) {
            assertEquals(Loopback.ipv4(), transport.localAddress().getAddress());
            assertTrue(transport.localAddress().getPort() > 0, "port 0 must be replaced by the bound port");
            assertEquals(600, transport.maxDatagramBytes());

            LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
            transport.start((source, datagram) -> received.add(datagram));
            transport.send(transport.localAddress(), new byte[] {42});
            assertArrayEquals(new byte[] {42}, received.poll(10, TimeUnit.SECONDS),
                    "a transport sending to itself received nothing");
        }
    }

    @Test
    void aBusyPortIsABindExceptionNamingTheAddress() throws IOException {
        try (DatagramChannel occupant = DatagramChannel.open(StandardProtocolFamily.INET)) {
            occupant.bind(Loopback.ipv4AnyPort());
            int port = ((InetSocketAddress) occupant.getLocalAddress()).getPort();
            InetSocketAddress busy = new InetSocketAddress(Loopback.ipv4(), port);

            IOException failure = assertThrows(IOException.class,
                    () -> new UdpTransportProvider().open(busy, TransportOptions.defaults()).close());

            assertInstanceOf(BindException.class, failure);
            String message = failure.getMessage();
            assertTrue(message.startsWith("cannot bind UDP 127.0.0.1:" + port + ": "), message);
            assertTrue(message.toLowerCase(Locale.ROOT).contains("in use"), message);
        }
    }

    @Test
    void aBusyIpv6PortNamesTheAddressInBrackets() throws IOException {
        Assumptions.assumeTrue(Loopback.ipv6Available(), "no IPv6 loopback ([::1]) on this machine");
        try (DatagramChannel occupant = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            occupant.bind(Loopback.ipv6AnyPort());
            int port = ((InetSocketAddress) occupant.getLocalAddress()).getPort();
            InetSocketAddress busy = new InetSocketAddress(Loopback.ipv6(), port);

            IOException failure = assertThrows(IOException.class,
                    () -> new UdpTransportProvider().open(busy, TransportOptions.defaults()).close());

            assertTrue(failure.getMessage().startsWith("cannot bind UDP [0:0:0:0:0:0:0:1]:" + port + ": "),
                    failure.getMessage());
        }
    }

    @Test
    void anUnresolvedBindAddressIsRefused() {
        InetSocketAddress unresolved = InetSocketAddress.createUnresolved("node.example", 4000);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new UdpTransportProvider().open(unresolved, TransportOptions.defaults()));

        assertTrue(refused.getMessage().contains("node.example:4000"), refused.getMessage());
    }
}
