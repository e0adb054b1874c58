package dev.kademlia.testkit.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles over small samples, where off-by-one errors show. */
class QuantilesTest {

    @Test
    void oneToHundred() {
        int[] sample = new int[100];
        for (int i = 0; i < sample.length; i++) {
            sample[sample.length - 1 - i] = i + 1; // descending: the summary must sort a copy
        }
        Quantiles q = Quantiles.of(sample);
        assertEquals(new Quantiles(100, 50, 99, 50.5, 1, 100), q);
        assertEquals(100, sample[0], "the sample is not modified");
    }

    @Test
    void smallSamples() {
        assertEquals(new Quantiles(1, 7, 7, 7, 7, 7), Quantiles.of(new int[] {7}));
        assertEquals(new Quantiles(2, 1, 3, 2, 1, 3), Quantiles.of(new int[] {3, 1}));
        assertEquals(new Quantiles(3, 2, 9, 4, 1, 9), Quantiles.of(new int[] {9, 2, 1}));
        assertEquals(Quantiles.EMPTY, Quantiles.of(new int[0]));
    }

    @Test
    void inconsistentFiguresAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Quantiles(3, 5, 4, 4, 1, 9));
        assertTrue(e.getMessage().contains("min <= median <= p99 <= max"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Quantiles(-1, 0, 0, 0, 0, 0));
    }
}
