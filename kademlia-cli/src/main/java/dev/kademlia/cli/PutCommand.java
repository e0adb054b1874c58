package dev.kademlia.cli;

import dev.kademlia.api.PutResult;
import dev.kademlia.api.ValueTooLargeException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kademlia put}: stores one value through a short-lived client node. */
@Command(name = "put", mixinStandardHelpOptions = true,
        description = "Store VALUE under KEY (the SHA-256 of the string) on the k closest nodes.")
final class PutCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key (any string).")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The value (a UTF-8 string).")
    String value;

    @Mixin
    ClientOptions client = new ClientOptions();

    @Override
    public Integer call() {
        try (ClientSession session = client.join()) {
            PutResult result = session.node().put(key, value).join();
            System.out.println("stored " + key + " on " + result.storedAt().size() + " nodes");
            return result.storedAt().isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
        } catch (CompletionException e) {
            if (e.getCause() instanceof ValueTooLargeException tooLarge) {
                throw new CommandFailure(tooLarge.getMessage());
            }
            throw new CommandFailure("put failed: " + e.getCause().getMessage());
        }
    }
}
