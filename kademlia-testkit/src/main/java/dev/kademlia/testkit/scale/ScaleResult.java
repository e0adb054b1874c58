package dev.kademlia.testkit.scale;

import java.util.Objects;

/**
 * One run of a {@link ScaleSimulation}: what was asked, what the simulation measured, and what it cost.
 *
 * @param config  the scenario
 * @param outcome the measurements that depend only on the scenario (equal for equal configurations)
 * @param costs   the wall-clock and memory figures, which vary from run to run
 */
public record ScaleResult(ScaleConfig config, ScaleOutcome outcome, ScaleCosts costs) {

    /** Checks for nulls. */
    public ScaleResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(costs, "costs");
    }
}
