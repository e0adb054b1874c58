package dev.kademlia.testkit.scale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SVG chart of rounds per lookup against network size: the median and the 99th percentile of each
 * run, on a logarithmic axis of nodes. Runs with the same loss and churn form one pair of lines. The SVG
 * is written by hand: a standalone document any browser displays.
 */
public final class HopsPlot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 60;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

    private HopsPlot() {
    }

    /**
     * The chart of some runs.
     *
     * @param results the runs, at least one
     * @return an SVG document
     * @throws IllegalArgumentException if {@code results} is empty
     */
    public static String svg(List<ScaleResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a plot needs at least one run; got none");
        }
        Map<String, List<ScaleResult>> series = new LinkedHashMap<>();
        int minNodes = Integer.MAX_VALUE;
        int maxNodes = 0;
        int maxHops = 1;
        for (ScaleResult result : results) {
            String label = String.format(Locale.ROOT, "loss %.2f, churn %.2f", result.config().loss(),
                    result.config().churn());
            series.computeIfAbsent(label, l -> new ArrayList<>()).add(result);
            minNodes = Math.min(minNodes, result.config().nodes());
            maxNodes = Math.max(maxNodes, result.config().nodes());
            maxHops = Math.max(maxHops, result.outcome().hops().p99());
        }
        double low = Math.floor(Math.log10(minNodes));
        double high = Math.max(low + 1, Math.ceil(Math.log10(maxNodes)));
        int top = maxHops + 1;
        Axes axes = new Axes(low, high, top);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">Rounds (hops) per lookup "
                + "vs. network size</text>%n", LEFT));
        for (int decade = (int) low; decade <= (int) high; decade++) {
            double x = axes.x(Math.pow(10, decade));
            svg.append(line(x, TOP, x, HEIGHT - BOTTOM, "#ddd", false));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    HEIGHT - BOTTOM + 18, String.format(Locale.ROOT, "%,d", (long) Math.pow(10, decade))));
        }
        for (int hops = 0; hops <= top; hops++) {
            double y = axes.y(hops);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#ddd", false));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
                    LEFT - 8, y + 4, hops));
        }
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#000", false));
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#000", false));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">nodes (log scale)"
                + "</text>%n", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %d)\">rounds per lookup</text>%n", (TOP + HEIGHT - BOTTOM) / 2,
                (TOP + HEIGHT - BOTTOM) / 2));

        int index = 0;
        int legendY = TOP + 10;
        for (Map.Entry<String, List<ScaleResult>> entry : series.entrySet()) {
            String colour = COLOURS[index++ % COLOURS.length];
            List<ScaleResult> runs = new ArrayList<>(entry.getValue());
            runs.sort(Comparator.comparingInt(r -> r.config().nodes()));
            svg.append(polyline(runs, axes, colour, false));
            svg.append(polyline(runs, axes, colour, true));
            svg.append(legend(WIDTH - RIGHT + 15, legendY, entry.getKey()));
            svg.append(line(WIDTH - RIGHT + 15, legendY + 18, WIDTH - RIGHT + 40, legendY + 18, colour, false));
            svg.append(legend(WIDTH - RIGHT + 45, legendY + 18, "median"));
            svg.append(line(WIDTH - RIGHT + 15, legendY + 36, WIDTH - RIGHT + 40, legendY + 36, colour, true));
            svg.append(legend(WIDTH - RIGHT + 45, legendY + 36, "99th percentile"));
            legendY += 62;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String polyline(List<ScaleResult> runs, Axes axes, String colour, boolean p99) {
        StringBuilder points = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (ScaleResult run : runs) {
            int hops = p99 ? run.outcome().hops().p99() : run.outcome().hops().median();
            double x = axes.x(run.config().nodes());
            double y = axes.y(hops);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            marks.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", x, y,
                    colour));
            marks.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                    + "fill=\"%s\">%d</text>%n", x, y - 8, colour, hops));
        }
        return String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                points.toString().strip(), colour, p99 ? " stroke-dasharray=\"6 4\"" : "") + marks;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1, y1, x2, y2, colour, dashed ? " stroke-width=\"2\" stroke-dasharray=\"6 4\"" : "");
    }

    private static String legend(double x, double y, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>%n", x, y + 4, text);
    }

    /** Maps nodes (log scale) and hops to SVG coordinates. */
    private record Axes(double lowDecade, double highDecade, int topHops) {

        double x(double nodes) {
            double fraction = (Math.log10(nodes) - lowDecade) / (highDecade - lowDecade);
            return LEFT + fraction * (WIDTH - LEFT - RIGHT);
        }

        double y(int hops) {
            return HEIGHT - BOTTOM - (double) hops / topHops * (HEIGHT - TOP - BOTTOM);
        }
    }
}
