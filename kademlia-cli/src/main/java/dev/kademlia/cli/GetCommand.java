package dev.kademlia.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kademlia get}: finds one value through a short-lived client node. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Print the value stored under KEY; exit 1 if no node holds it.")
final class GetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key (any string).")
    String key;

    @Mixin
    ClientOptions client = new ClientOptions();

    @Override
    public Integer call() {
        try (ClientSession session = client.join()) {
            Optional<String> value = session.node().get(key).join();
            if (value.isEmpty()) {
                System.err.println("not found: " + key);
                return ExitCodes.NOT_FOUND;
            }
            System.out.println(value.get());
            return ExitCodes.OK;
        } catch (CompletionException e) {
            throw new CommandFailure("get failed: " + e.getCause().getMessage());
        }
    }
}
