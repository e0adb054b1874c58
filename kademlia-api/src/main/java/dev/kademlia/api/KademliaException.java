package dev.kademlia.api;

/** The base of every exception this SDK throws or completes a future with. */
public class KademliaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public KademliaException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public KademliaException(String message, Throwable cause) {
        super(message, cause);
    }
}
