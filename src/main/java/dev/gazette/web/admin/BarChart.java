package dev.gazette.web.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart by day, drawn on the server as inline SVG (no script, nothing loaded): the template turns
 * {@link #bars()}, {@link #grid()} and {@link #labels()} into {@code <rect>}, {@code <line>} and {@code <text>}
 * elements. Several series stack on each day; each bar carries a tooltip ({@code <title>}).
 */
public final class BarChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 190;
    private static final int LEFT = 40;
    private static final int RIGHT = 8;
    private static final int TOP = 10;
    private static final int BOTTOM = 22;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    /** One stacked series: its name (for the legend and tooltips), colour, and one value per day. */
    public record Series(String name, String color, int[] values) {}

    public record Bar(String x, String y, String width, String height, String color, String title) {}

    public record Line(String x1, String y1, String x2, String y2) {}

    public record Label(String x, String y, String anchor, String text) {}

    private final List<Series> series;
    private final List<Bar> bars = new ArrayList<>();
    private final List<Line> grid = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final int max;

    public BarChart(List<LocalDate> days, List<Series> series) {
        this.series = List.copyOf(series);
        int highest = 0;
        for (int d = 0; d < days.size(); d++) {
            int total = 0;
            for (Series s : series) {
                total += s.values()[d];
            }
            highest = Math.max(highest, total);
        }
        this.max = niceCeiling(highest);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = days.isEmpty() ? plotWidth : plotWidth / days.size();
        for (int step = 0; step <= 2; step++) {
            int value = max * step / 2;
            double y = TOP + plotHeight - plotHeight * value / max;
            grid.add(new Line(n(LEFT), n(y), n(WIDTH - RIGHT), n(y)));
            labels.add(new Label(n(LEFT - 4), n(y + 3), "end", String.valueOf(value)));
        }
        for (int d = 0; d < days.size(); d++) {
            double x = LEFT + d * slot + slot * 0.15;
            double base = TOP + plotHeight;
            for (Series s : series) {
                int value = s.values()[d];
                if (value == 0) {
                    continue;
                }
                double h = plotHeight * value / max;
                base -= h;
                bars.add(new Bar(n(x), n(base), n(slot * 0.7), n(h), s.color(),
                        days.get(d) + ": " + value + " " + s.name()));
            }
            if ((days.size() - 1 - d) % 7 == 0) {
                labels.add(new Label(n(x + slot * 0.35), n(HEIGHT - 6), "middle", DAY.format(days.get(d))));
            }
        }
    }

    public List<Bar> bars() {
        return bars;
    }

    public List<Line> grid() {
        return grid;
    }

    public List<Label> labels() {
        return labels;
    }

    public List<Series> series() {
        return series;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    /** The top of the scale: the highest day, rounded up to 1, 2 or 5 times a power of ten (at least 2). */
    public int max() {
        return max;
    }

    static int niceCeiling(int value) {
        if (value <= 2) {
            return 2;
        }
        long power = 1;
        while (power * 10 < value) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (power * factor >= value) {
                return (int) (power * factor);
            }
        }
        return (int) (power * 10);
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
