/** State dumps of Kademlia nodes and lookups, as JSON and PlantUML. */
module dev.kademlia.dump {
    requires transitive dev.kademlia.core;
    requires com.fasterxml.jackson.databind;
}
