package dev.kademlia.jpmstests;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.spi.Providers;
import dev.kademlia.api.spi.StoreProvider;
import dev.kademlia.api.spi.TransportProvider;
import dev.kademlia.core.Kademlia;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Run as {@code java -p ... -m dev.kademlia.jpmstests/dev.kademlia.jpmstests.ProviderCheck} (or with
 * {@code -cp}): prints the providers it finds, then starts two nodes on 127.0.0.1 over the discovered
 * transport and puts and gets a value between them. Prints one {@code key=value} line per fact; exits 0
 * when the value came back.
 */
public final class ProviderCheck {

    private ProviderCheck() {
    }

    /**
     * Entry point.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("module=" + ProviderCheck.class.getModule().getName());
        System.out.println("transports=" + Providers.transports().stream()
                .map(TransportProvider::name).sorted().collect(Collectors.joining(",")));
        System.out.println("stores=" + Providers.stores().stream()
                .map(StoreProvider::name).sorted().collect(Collectors.joining(",")));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (KademliaNode first = Kademlia.builder().bind(new InetSocketAddress(loopback, 0))
                        .rpcTimeout(Duration.ofSeconds(1)).build();
                KademliaNode second = Kademlia.builder().bind(new InetSocketAddress(loopback, 0))
                        .rpcTimeout(Duration.ofSeconds(1))
                        .bootstrap(first.contact().address()).build()) {
            second.put("module-path", "works").join();
            Optional<String> value = first.get("module-path").join();
            System.out.println("value=" + value.orElse("<missing>"));
            System.exit(value.isPresent() ? 0 : 1);
        }
    }
}
