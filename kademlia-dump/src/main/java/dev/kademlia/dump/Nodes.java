package dev.kademlia.dump;

import dev.kademlia.api.KademliaNode;
import dev.kademlia.core.node.DhtNode;
import java.util.Objects;

/** Reaches the engine behind a {@link KademliaNode}, which is where snapshots and traced lookups live. */
final class Nodes {

    private Nodes() {
    }

    static DhtNode engine(KademliaNode node) {
        Objects.requireNonNull(node, "node");
        if (node instanceof DhtNode) {
            return (DhtNode) node;
        }
        throw new IllegalArgumentException("only nodes built by dev.kademlia.core.Kademlia can be dumped; got "
                + node.getClass().getName());
    }
}
