package dev.kademlia.testkit.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets the scale benchmark is held to, and which of them a run met:
 * <ul>
 *   <li>without faults, at most {@value #TIMED_NODES} nodes: the whole run within one minute of wall-clock
 *       time (the target is stated for {@value #TIMED_NODES} nodes on a 2-core machine; smaller networks
 *       are held to it too);</li>
 *   <li>without faults, at most {@value #TIMED_NODES} nodes: a median of at most {@value #MAX_MEDIAN_HOPS}
 *       rounds per lookup;</li>
 *   <li>without faults: every get returns the value put;</li>
 *   <li>with loss or churn: at least 99% of gets return the value put.</li>
 * </ul>
 */
public final class ScaleTargets {

    /** The largest network held to the time and rounds targets. */
    public static final int TIMED_NODES = 10_000;

    /** The wall-clock budget of a fault-free run of up to {@value #TIMED_NODES} nodes. */
    public static final Duration TIME_LIMIT = Duration.ofMinutes(1);

    /** The most rounds a median lookup may take in a network of up to {@value #TIMED_NODES} nodes. */
    public static final int MAX_MEDIAN_HOPS = 4;

    /** The least fraction of gets that must succeed under loss or churn. */
    public static final double MIN_SUCCESS_WITH_FAULTS = 0.99;

    private ScaleTargets() {
    }

    /**
     * The targets that apply to a run, each with whether it was met.
     *
     * @param result the run
     * @return the checks, possibly none
     */
    public static List<TargetCheck> check(ScaleResult result) {
        ScaleConfig config = result.config();
        ScaleOutcome outcome = result.outcome();
        List<TargetCheck> checks = new ArrayList<>();
        String gets = outcome.getsSucceeded() + " of " + outcome.gets() + " ("
                + percent(outcome.getSuccessRate()) + ")";
        if (!config.hasFaults()) {
            if (config.nodes() <= TIMED_NODES) {
                Duration wall = result.costs().totalWall();
                checks.add(new TargetCheck("run within " + TIME_LIMIT.toSeconds() + " s (N <= "
                        + String.format(Locale.ROOT, "%,d", TIMED_NODES) + ")",
                        wall.compareTo(TIME_LIMIT) < 0,
                        String.format(Locale.ROOT, "%.1f s (%.1f s of CPU)", wall.toMillis() / 1000.0,
                                result.costs().processCpu().toMillis() / 1000.0)));
                checks.add(new TargetCheck("median rounds per lookup <= " + MAX_MEDIAN_HOPS + " (N <= "
                        + String.format(Locale.ROOT, "%,d", TIMED_NODES) + ")",
                        outcome.hops().median() <= MAX_MEDIAN_HOPS, "median " + outcome.hops().median()));
            }
            checks.add(new TargetCheck("get success 100% without faults",
                    outcome.getsSucceeded() == outcome.gets(), gets));
        } else {
            checks.add(new TargetCheck("get success >= " + percent(MIN_SUCCESS_WITH_FAULTS) + " with faults",
                    outcome.getSuccessRate() >= MIN_SUCCESS_WITH_FAULTS, gets));
        }
        return checks;
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
