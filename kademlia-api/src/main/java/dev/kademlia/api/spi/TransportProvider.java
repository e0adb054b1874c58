package dev.kademlia.api.spi;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Opens {@link Transport}s. Implementations are found with {@link java.util.ServiceLoader} (declare them
 * with {@code provides} in {@code module-info.java} and in {@code META-INF/services} for class-path users);
 * see {@link Providers}.
 */
public interface TransportProvider {

    /**
     * The name users select this provider by, e.g. {@code udp}.
     *
     * @return a short lower-case name
     */
    String name();

    /**
     * Opens a transport bound to {@code bindAddress}.
     *
     * @param bindAddress the local address; port 0 picks a free port
     * @param options     the settings
     * @return a transport, not yet started
     * @throws IOException if the address cannot be bound (for example, the port is busy)
     */
    Transport open(InetSocketAddress bindAddress, TransportOptions options) throws IOException;
}
