package dev.kademlia.transport.udp;

import dev.kademlia.api.spi.Providers;
import dev.kademlia.api.spi.TransportOptions;
import dev.kademlia.api.spi.TransportProvider;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Opens {@link UdpTransport}s; found by {@link java.util.ServiceLoader} (see {@link Providers}) under the
 * name {@value #NAME}, through {@code provides} on the module path and {@code META-INF/services} on the
 * class path.
 */
public final class UdpTransportProvider implements TransportProvider {

    /** The name this provider is selected by. */
    public static final String NAME = "udp";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. The provider holds no state. */
    public UdpTransportProvider() {
    }

    /**
     * The provider's name.
     *
     * @return {@value #NAME}
     */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Opens a UDP transport, as {@link UdpTransport#open} does.
     *
     * @param bindAddress the local address; port 0 picks a free port
     * @param options     the settings
     * @return a bound transport, not yet started
     * @throws IOException if the address cannot be bound; the message names the address and the reason,
     *                     for example {@code cannot bind UDP 127.0.0.1:4000: address already in use}
     */
    @Override
    public UdpTransport open(InetSocketAddress bindAddress, TransportOptions options) throws IOException {
        return UdpTransport.open(bindAddress, options);
    }

    /**
     * Names the provider.
     *
     * @return {@code UdpTransportProvider[udp]}
     */
    @Override
    public String toString() {
        return "UdpTransportProvider[" + NAME + "]";
    }
}
