package dev.kademlia.testkit.scale;

import java.util.Objects;

/**
 * Whether one run met one of the benchmark's targets.
 *
 * @param target   the target, in words (for example "get success 100% without faults")
 * @param met      whether the run met it
 * @param measured what the run measured, in words (for example "1000 of 1000")
 */
public record TargetCheck(String target, boolean met, String measured) {

    /** Checks for nulls. */
    public TargetCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(measured, "measured");
    }
}
