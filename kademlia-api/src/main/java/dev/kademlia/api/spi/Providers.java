package dev.kademlia.api.spi;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The one place providers are discovered, with {@link ServiceLoader}, on the module path and on the class
 * path alike. This module declares {@code uses} for both SPIs, so other modules discover through here.
 */
public final class Providers {

    private Providers() {
    }

    /**
     * Every transport provider visible to this module.
     *
     * @return the providers, in {@link ServiceLoader} order
     */
    public static List<TransportProvider> transports() {
        return ServiceLoader.load(TransportProvider.class, Providers.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());
    }

    /**
     * Every store provider visible to this module.
     *
     * @return the providers, in {@link ServiceLoader} order
     */
    public static List<StoreProvider> stores() {
        return ServiceLoader.load(StoreProvider.class, Providers.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());
    }

    /**
     * The transport provider named {@code name}.
     *
     * @param name a provider name such as {@code udp}
     * @return the provider, or empty if none has that name
     */
    public static Optional<TransportProvider> transport(String name) {
        return transports().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The store provider named {@code name}.
     *
     * @param name a provider name such as {@code memory} or {@code rocksdb}
     * @return the provider, or empty if none has that name
     */
    public static Optional<StoreProvider> store(String name) {
        return stores().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The only transport provider visible, for nodes built without naming one.
     *
     * @return the provider
     * @throws IllegalStateException if there is none, or more than one, naming what was found
     */
    public static TransportProvider soleTransport() {
        List<TransportProvider> all = transports();
        if (all.isEmpty()) {
            throw new IllegalStateException("no transport provider found: add kademlia-transport-udp to the "
                    + "module path or class path, or pass a Transport to the builder");
        }
        if (all.size() > 1) {
            throw new IllegalStateException("several transport providers found ("
                    + all.stream().map(TransportProvider::name).collect(Collectors.joining(", "))
                    + "): choose one by name in the builder");
        }
        return all.get(0);
    }
}
