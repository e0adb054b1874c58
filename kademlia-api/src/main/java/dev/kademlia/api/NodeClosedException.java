package dev.kademlia.api;

/** An operation was issued to, or was still pending on, a node that has been closed. */
public final class NodeClosedException extends KademliaException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param node the closed node's contact
     */
    public NodeClosedException(Contact node) {
        super("node " + node + " is closed");
    }
}
