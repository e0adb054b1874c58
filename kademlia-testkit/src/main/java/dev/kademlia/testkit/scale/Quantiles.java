package dev.kademlia.testkit.scale;

import java.util.Arrays;

/**
 * A summary of a sample of non-negative integer measurements (hops or RPCs per lookup, replicas per put):
 * median, 99th percentile, mean and maximum. Percentiles use the nearest-rank method, so they are always
 * values of the sample.
 *
 * @param count  how many measurements
 * @param median the 50th percentile; 0 for an empty sample
 * @param p99    the 99th percentile; 0 for an empty sample
 * @param mean   the arithmetic mean; 0 for an empty sample
 * @param min    the smallest; 0 for an empty sample
 * @param max    the largest; 0 for an empty sample
 */
public record Quantiles(int count, int median, int p99, double mean, int min, int max) {

    /** The summary of no measurements. */
    public static final Quantiles EMPTY = new Quantiles(0, 0, 0, 0, 0, 0);

    /** Checks that the figures are consistent. */
    public Quantiles {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative; got " + count);
        }
        if (count > 0 && !(min <= median && median <= p99 && p99 <= max)) {
            throw new IllegalArgumentException("quantiles must satisfy min <= median <= p99 <= max; got min " + min
                    + ", median " + median + ", p99 " + p99 + ", max " + max);
        }
    }

    /**
     * Summarizes a sample.
     *
     * @param sample the measurements, in any order; not modified
     * @return the summary, {@link #EMPTY} for an empty sample
     */
    public static Quantiles of(int[] sample) {
        if (sample.length == 0) {
            return EMPTY;
        }
        int[] sorted = sample.clone();
        Arrays.sort(sorted);
        long sum = 0;
        for (int value : sorted) {
            sum += value;
        }
        return new Quantiles(sorted.length, rank(sorted, 50), rank(sorted, 99), (double) sum / sorted.length,
                sorted[0], sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code percent}% of the sample at or below it. */
    private static int rank(int[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
