/**
 * Tools for testing against a Kademlia network: a deterministic simulated network with virtual time,
 * message loss, delay and partitions, and the contract tests every store and transport provider passes.
 */
module dev.kademlia.testkit {
    requires transitive dev.kademlia.core;
    requires transitive org.junit.jupiter.api;

    exports dev.kademlia.testkit.contract;
    exports dev.kademlia.testkit.scale;
    exports dev.kademlia.testkit.sim;
}
