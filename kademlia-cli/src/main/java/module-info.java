/** The {@code kademlia} command-line program: demo network, long-running node, put, get. */
module dev.kademlia.cli {
    requires dev.kademlia.core;
    requires info.picocli;

    opens dev.kademlia.cli to info.picocli;
}
