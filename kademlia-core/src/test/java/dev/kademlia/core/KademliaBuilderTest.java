package dev.kademlia.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The builder refuses nonsense at the setting that carries it, with the value in the message. */
class KademliaBuilderTest {

    private static void rejected(String message, Executable setting) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, setting).getMessage());
    }

    @Test
    void protocolSettingsOutOfRangeAreRejectedWithTheValue() {
        rejected("k must be in [1, 64]; got 0", () -> Kademlia.builder().k(0));
        rejected("alpha must be at least 1; got 0", () -> Kademlia.builder().alpha(0));
        rejected("maxFailures must be at least 1; got 0", () -> Kademlia.builder().maxFailures(0));
        rejected("maxRetransmits must be in [0, 10]; got 11", () -> Kademlia.builder().maxRetransmits(11));
        rejected("probeAfter must be zero or positive; got PT-1S",
                () -> Kademlia.builder().probeAfter(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> Kademlia.builder().probeAfter(null));
    }

    @Test
    void probingEveryNewcomerAndTheDefaultWindowAreAccepted() {
        Kademlia builder = Kademlia.builder();
        assertSame(builder, builder.probeAfter(Duration.ZERO));
        assertSame(builder, builder.probeAfter(Kademlia.DEFAULT_PROBE_AFTER));
        assertEquals(Duration.ofMinutes(15), Kademlia.DEFAULT_PROBE_AFTER);
    }
}
