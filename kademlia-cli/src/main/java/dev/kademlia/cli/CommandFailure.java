package dev.kademlia.cli;

/** A command could not do its work; the message says why, plainly, and the program exits with 3. */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}
