package dev.kademlia.testkit.contract;

import dev.kademlia.api.spi.Transport;
import dev.kademlia.testkit.sim.SimulatedNetwork;

/** The simulated network's transport passes the same contract as UDP. */
class SimulatedTransportContractTest extends TransportContract {

    private final SimulatedNetwork network = new SimulatedNetwork(5);

    @Override
    protected Transport openTransport() {
        return network.transport(network.nextAddress());
    }

    @Override
    protected void deliverPending() {
        network.scheduler().runUntilIdle();
    }
}
