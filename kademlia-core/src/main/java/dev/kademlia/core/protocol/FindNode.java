package dev.kademlia.core.protocol;

import dev.kademlia.api.Key;
import java.util.Objects;

/**
 * FIND_NODE: asks for the contacts the receiver knows that are closest to {@code target} by the XOR
 * metric (up to k of them). The step of every iterative node lookup. Answered with {@link Nodes}.
 *
 * @param target the key whose closest nodes are wanted
 */
public record FindNode(Key target) implements Request {

    /**
     * Validates the target.
     *
     * @throws NullPointerException if {@code target} is null
     */
    public FindNode {
        Objects.requireNonNull(target, "target");
    }
}
