/**
 * State dumps of Kademlia nodes, lookups and networks: JSON with a stable, versioned shape, PlantUML and
 * DOT text, and SVG/PNG pictures rendered in-process. Start with {@link dev.kademlia.dump.NodeDump}.
 */
module dev.kademlia.dump {
    requires transitive dev.kademlia.core;
    requires com.fasterxml.jackson.databind;
    requires net.sourceforge.plantuml;
    // PlantUML draws with java.awt and javax.imageio, but as an automatic module it requires nothing; service
    // binding happens to resolve java.desktop on a full JDK, not in a jlink image or under --limit-modules.
    requires java.desktop;

    exports dev.kademlia.dump;
}
