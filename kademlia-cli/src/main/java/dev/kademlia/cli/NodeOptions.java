package dev.kademlia.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Protocol options shared by every command that starts nodes. */
final class NodeOptions {

    @Option(names = "--k", paramLabel = "K", defaultValue = "20",
            description = "Bucket size and replication factor (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "3",
            description = "Lookup parallelism (default: ${DEFAULT-VALUE}).")
    int alpha;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "2000",
            description = "RPC timeout in milliseconds (default: ${DEFAULT-VALUE}).")
    long timeoutMillis;

    Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }
}
