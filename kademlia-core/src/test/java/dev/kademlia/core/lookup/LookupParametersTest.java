package dev.kademlia.core.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LookupParametersTest {

    @Test
    void acceptsThePapersValues() {
        LookupParameters parameters = new LookupParameters(20, 3, 1);
        assertEquals(20, parameters.k());
        assertEquals(3, parameters.alpha());
        assertEquals(1, parameters.peerTimeoutMillis());
    }

    @Test
    void rejectsValuesOutOfRangeSayingWhatIsAllowed() {
        assertEquals("k must be at least 1; got 0",
                assertThrows(IllegalArgumentException.class, () -> new LookupParameters(0, 3, 1)).getMessage());
        assertEquals("alpha must be at least 1; got -2",
                assertThrows(IllegalArgumentException.class, () -> new LookupParameters(20, -2, 1)).getMessage());
        assertEquals("peerTimeoutMillis must be positive; got 0",
                assertThrows(IllegalArgumentException.class, () -> new LookupParameters(20, 3, 0)).getMessage());
    }

    @Test
    void parallelismWidensToKWhenStalledButNeverNarrowsBelowAlpha() {
        assertEquals(3, new LookupParameters(20, 3, 1).parallelism(false));
        assertEquals(20, new LookupParameters(20, 3, 1).parallelism(true));
        assertEquals(5, new LookupParameters(2, 5, 1).parallelism(true));
    }
}
