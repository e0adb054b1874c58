/**
 * The {@code kademlia} command-line program: demo network, long-running node, put, get, state dumps, scale
 * simulation.
 */
module dev.kademlia.cli {
    requires dev.kademlia.core;
    requires dev.kademlia.dump;
    requires dev.kademlia.testkit;
    requires info.picocli;

    opens dev.kademlia.cli to info.picocli;
}
