package dev.kademlia.cli;

/** The program's exit codes, the same for every command. */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;

    /** {@code get}: no node holds the key. */
    static final int NOT_FOUND = 1;

    /** The command line was wrong (picocli's usage code). */
    static final int USAGE = 2;

    /** The network or the store failed: a busy port, an unreachable bootstrap node, a failed demo. */
    static final int FAILURE = 3;

    private ExitCodes() {
    }
}
