package dev.kademlia.testkit.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Plain-text tables of {@link ScaleResult}s, one row per run, columns right-aligned:
 * <ul>
 *   <li>{@link #format} — the headline figures: rounds and RPCs per lookup (median and 99th percentile),
 *       get success, heap per node, simulated events per second, wall-clock time, the process's CPU time
 *       and virtual time;</li>
 *   <li>{@link #formatDetails} — puts and their replicas, churn, lookup latency in virtual time, events,
 *       the network's datagram counters, and the virtual time the join phase took;</li>
 *   <li>{@link #formatTargets} — each applicable {@linkplain ScaleTargets target}, met or not.</li>
 * </ul>
 */
public final class ScaleTable {

    private static final String[] HEADLINE = {"nodes", "loss", "churn", "hops med", "hops p99", "rpcs med",
        "rpcs p99", "gets ok", "success", "heap/node", "events/s", "join wall", "total wall", "cpu", "virtual"};

    private static final String[] DETAILS = {"nodes", "loss", "churn", "puts", "failed", "replicas med",
        "replicas min", "local hits", "left", "joined", "live", "lookup ms med", "lookup ms p99", "join events",
        "events", "datagrams", "dropped", "join virtual"};

    private ScaleTable() {
    }

    /**
     * The headline table.
     *
     * @param results the runs, one row each
     * @return the table, lines ending in {@code \n}
     */
    public static String format(List<ScaleResult> results) {
        List<String[]> rows = new ArrayList<>();
        for (ScaleResult result : results) {
            ScaleOutcome outcome = result.outcome();
            ScaleCosts costs = result.costs();
            rows.add(new String[] {
                count(result.config().nodes()),
                fraction(result.config().loss()),
                fraction(result.config().churn()),
                Integer.toString(outcome.hops().median()),
                Integer.toString(outcome.hops().p99()),
                Integer.toString(outcome.rpcs().median()),
                Integer.toString(outcome.rpcs().p99()),
                outcome.getsSucceeded() + "/" + outcome.gets(),
                ScaleTargets.percent(outcome.getSuccessRate()),
                bytes(costs.heapBytesPerNode()),
                String.format(Locale.ROOT, "%,.0f", costs.eventsPerSecond()),
                seconds(costs.joinWall()),
                seconds(costs.totalWall()),
                seconds(costs.processCpu()),
                clock(outcome.virtualMillis()),
            });
        }
        return layout(HEADLINE, rows);
    }

    /**
     * The details table.
     *
     * @param results the runs, one row each
     * @return the table, lines ending in {@code \n}
     */
    public static String formatDetails(List<ScaleResult> results) {
        List<String[]> rows = new ArrayList<>();
        for (ScaleResult result : results) {
            ScaleOutcome outcome = result.outcome();
            rows.add(new String[] {
                count(result.config().nodes()),
                fraction(result.config().loss()),
                fraction(result.config().churn()),
                count(outcome.puts()),
                count(outcome.putsFailed()),
                Integer.toString(outcome.replicas().median()),
                Integer.toString(outcome.replicas().min()),
                count(outcome.localHits()),
                count(outcome.nodesLeft()),
                count(outcome.nodesJoinedLater()),
                count(outcome.liveAtEnd()),
                count(outcome.lookupMillis().median()),
                count(outcome.lookupMillis().p99()),
                count(outcome.joinEvents()),
                count(outcome.events()),
                count(outcome.datagramsSent()),
                count(outcome.datagramsDropped()),
                clock(outcome.joinVirtualMillis()),
            });
        }
        return layout(DETAILS, rows);
    }

    /**
     * One line per applicable target per run: {@code [met]} or {@code [MISSED]}, the run, the target and
     * the measurement.
     *
     * @param results the runs
     * @return the lines, each ending in {@code \n}; empty if no target applies
     */
    public static String formatTargets(List<ScaleResult> results) {
        StringBuilder out = new StringBuilder();
        for (ScaleResult result : results) {
            String run = String.format(Locale.ROOT, "N=%s loss=%s churn=%s", count(result.config().nodes()),
                    fraction(result.config().loss()), fraction(result.config().churn()));
            for (TargetCheck check : ScaleTargets.check(result)) {
                out.append(check.met() ? "[met]    " : "[MISSED] ").append(run).append(": ").append(check.target())
                        .append(": ").append(check.measured()).append('\n');
            }
        }
        return out.toString();
    }

    private static String layout(String[] header, List<String[]> rows) {
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        for (String[] row : rows) {
            line(out, Objects.requireNonNull(row), widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                out.append("  ");
            }
            out.append(" ".repeat(widths[c] - cells[c].length())).append(cells[c]);
        }
        out.append('\n');
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String fraction(double f) {
        return String.format(Locale.ROOT, "%.2f", f);
    }

    private static String bytes(long n) {
        if (Math.abs(n) < 1024) {
            return n + " B";
        }
        return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String clock(long millis) {
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
