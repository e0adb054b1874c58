package dev.kademlia.api;

/** The node knows no live contact to send a network operation to (it has not joined, or lost every peer). */
public final class NoRouteException extends KademliaException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be routed and why
     */
    public NoRouteException(String message) {
        super(message);
    }
}
