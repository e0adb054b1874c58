package dev.kademlia.testkit.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Targets, tables and the chart, on hand-made results. */
class ScaleReportTest {

    private static ScaleResult result(int nodes, double loss, double churn, int medianHops, int succeeded,
            Duration wall) {
        Quantiles hops = new Quantiles(990, medianHops, medianHops + 2, medianHops, 1, medianHops + 3);
        Quantiles rpcs = new Quantiles(990, 6, 11, 6.5, 3, 14);
        ScaleOutcome outcome = new ScaleOutcome(nodes, 0, 0, nodes, 100, 0, new Quantiles(100, 20, 20, 20, 20, 20),
                1_000, succeeded, 10, hops, rpcs, new Quantiles(990, 18, 36, 19, 5, 40), 1_000, 2_000, 60_000,
                65_000, 900, 900, 0);
        ScaleCosts costs = new ScaleCosts(wall.minusSeconds(1), Duration.ofSeconds(1), 41_000, 250_000,
                wall.dividedBy(2));
        return new ScaleResult(ScaleConfig.defaults(nodes).withFaults(loss, churn), outcome, costs);
    }

    @Test
    void faultFreeTargets() {
        List<TargetCheck> checks = ScaleTargets.check(result(10_000, 0, 0, 2, 1_000, Duration.ofSeconds(59)));
        assertEquals(List.of(
                new TargetCheck("run within 60 s (N <= 10,000)", true, "59.0 s (29.5 s of CPU)"),
                new TargetCheck("median rounds per lookup <= 4 (N <= 10,000)", true, "median 2"),
                new TargetCheck("get success 100% without faults", true, "1000 of 1000 (100.00%)")), checks);

        List<TargetCheck> missed = ScaleTargets.check(result(10_000, 0, 0, 5, 999, Duration.ofSeconds(61)));
        assertTrue(missed.stream().noneMatch(TargetCheck::met), missed.toString());

        List<TargetCheck> large = ScaleTargets.check(result(100_000, 0, 0, 3, 1_000, Duration.ofMinutes(20)));
        assertEquals(List.of("get success 100% without faults"),
                large.stream().map(TargetCheck::target).collect(Collectors.toList()),
                "time and rounds targets are stated for up to 10,000 nodes");
    }

    @Test
    void targetWithFaultsIsNinetyNinePercent() {
        TargetCheck met = ScaleTargets.check(result(10_000, 0.1, 0.3, 3, 990, Duration.ofMinutes(3))).get(0);
        assertEquals(new TargetCheck("get success >= 99.00% with faults", true, "990 of 1000 (99.00%)"), met);
        assertFalse(ScaleTargets.check(result(10_000, 0.1, 0.3, 3, 989, Duration.ofMinutes(3))).get(0).met());
    }

    @Test
    void tablesAreAligned() {
        List<ScaleResult> results = List.of(result(1_000, 0, 0, 2, 1_000, Duration.ofSeconds(4)),
                result(100_000, 0.1, 0.3, 3, 995, Duration.ofSeconds(1_234)));
        for (String table : List.of(ScaleTable.format(results), ScaleTable.formatDetails(results))) {
            String[] lines = table.split("\n");
            assertEquals(4, lines.length, table);
            for (String line : lines) {
                assertEquals(lines[0].length(), line.length(), "ragged table:\n" + table);
            }
        }
        String headline = ScaleTable.format(results);
        assertTrue(headline.startsWith("  nodes  loss  churn  hops med  hops p99  rpcs med  rpcs p99"), headline);
        assertTrue(headline.contains("100,000  0.10   0.30         3         5         6        11   995/1000"),
                headline);
        assertTrue(headline.contains("40.0 KiB"), headline);
        assertTrue(headline.contains("1234.0 s  617.0 s"), "wall, then CPU\n" + headline);
        assertTrue(headline.contains("0:01:05"), "virtual time as h:mm:ss\n" + headline);

        String targets = ScaleTable.formatTargets(results);
        assertTrue(targets.contains("[met]    N=1,000 loss=0.00 churn=0.00: get success 100% without faults"),
                targets);
        assertFalse(targets.contains("[MISSED]"), targets);
        assertTrue(targets.contains("[met]    N=100,000 loss=0.10 churn=0.30: get success >= 99.00% with faults"),
                targets);
    }

    @Test
    void chartHasOnePointPerRunAndSeries() {
        String svg = HopsPlot.svg(List.of(result(1_000, 0, 0, 2, 1_000, Duration.ofSeconds(4)),
                result(10_000, 0, 0, 3, 1_000, Duration.ofSeconds(40)),
                result(10_000, 0.1, 0.3, 3, 995, Duration.ofSeconds(90))));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.strip().endsWith("</svg>"));
        assertEquals(6, svg.split("<circle", -1).length - 1, "median and p99 of three runs");
        assertEquals(4, svg.split("<polyline", -1).length - 1, "two series of two lines");
        assertTrue(svg.contains(">loss 0.10, churn 0.30</text>"), svg);
        assertTrue(svg.contains(">loss 0.00, churn 0.00</text>"), svg);
        assertThrows(IllegalArgumentException.class, () -> HopsPlot.svg(List.of()));
    }
}
