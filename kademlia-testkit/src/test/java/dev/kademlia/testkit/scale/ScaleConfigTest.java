package dev.kademlia.testkit.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every parameter is checked, with a message naming it and its range. */
class ScaleConfigTest {

    private static void rejected(String message, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertEquals(message, e.getMessage());
    }

    @Test
    void defaults() {
        ScaleConfig config = ScaleConfig.defaults(1_000);
        assertEquals(new ScaleConfig(1_000, 100, 1_000, 0, 0, 1, 20, 3, Duration.ofSeconds(2)), config);
        assertFalse(config.hasFaults());
        assertEquals(0, config.churnedNodes());
        assertTrue(config.withFaults(0.1, 0).hasFaults());
        assertTrue(config.withFaults(0, 0.1).hasFaults());
    }

    @Test
    void badParametersAreRejected() {
        ScaleConfig config = ScaleConfig.defaults(10);
        rejected("nodes must be at least 2 (a bootstrap node and a joiner); got 1", () -> config.withNodes(1));
        rejected("puts must be at least 1; got 0", () -> config.withOperations(0, 1));
        rejected("gets must be at least 1; got 0", () -> config.withOperations(1, 0));
        rejected("loss must be in [0, 1); got 1.0", () -> config.withFaults(1, 0));
        rejected("loss must be in [0, 1); got NaN", () -> config.withFaults(Double.NaN, 0));
        rejected("churn must be in [0, 1); got -0.1", () -> config.withFaults(0, -0.1));
        rejected("k must be in [1, 64]; got 65", () -> config.withProtocol(65, 3, Duration.ofSeconds(1)));
        rejected("alpha must be at least 1; got 0", () -> config.withProtocol(20, 0, Duration.ofSeconds(1)));
        rejected("rpcTimeout must be positive; got PT0S", () -> config.withProtocol(20, 3, Duration.ZERO));
    }

    @Test
    void churnedNodesRoundAndSpareTheBootstrapNode() {
        assertEquals(3_000, ScaleConfig.defaults(10_000).withFaults(0, 0.3).churnedNodes());
        assertEquals(1, ScaleConfig.defaults(3).withFaults(0, 0.4).churnedNodes());
        assertEquals(2, ScaleConfig.defaults(3).withFaults(0, 0.5).churnedNodes(), "half a node rounds up");
        assertEquals(1, ScaleConfig.defaults(2).withFaults(0, 0.99).churnedNodes(), "never the bootstrap node");
    }
}
