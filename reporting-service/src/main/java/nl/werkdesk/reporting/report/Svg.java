package nl.werkdesk.reporting.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The report's charts as inline SVG, drawn from numbers only: Kaplan-Meier steps with censoring marks, horizontal bars with
 * intervals, grouped columns and lines. Plain text, the same for the same numbers (coordinates to one decimal, no ids but the
 * ones given), with a title for screen readers; nothing fetched, no script.
 */
public final class Svg {

    static final int WIDTH = 680;
    static final int HEIGHT = 300;
    static final int LEFT = 64;
    static final int RIGHT = 20;
    static final int TOP = 34;
    static final int BOTTOM = 46;
    static final int TICKS = 4;
    static final int BAR_HEIGHT = 22;
    static final int BAR_GAP = 10;
    static final int BAR_LABEL_WIDTH = 190;
    /** Colour-blind safe (Okabe-Ito), in the order series are drawn. */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000");

    private Svg() {
    }

    public record Point(double x, double y) {
    }

    /** A Kaplan-Meier curve: its value after each day with events or censorings, and the points where someone was censored. */
    public record StepSeries(String name, List<Point> steps, List<Point> censored) {
    }

    /** A bar; {@code value} null when it may not be drawn (a suppressed count), then {@code text} says why. */
    public record Bar(String label, Double value, Double lower, Double upper, String text) {
    }

    /** A line through one value per label; a null value leaves a gap. */
    public record Line(String name, List<Double> values, boolean dashed) {
    }

    /** Columns per label, one per series; a null value is not drawn. */
    public record Columns(String name, List<Double> values) {
    }

    /** Step curves from 1 (100%) on day 0, with a cross where observations were censored. */
    public static String steps(String id, String title, String xLabel, List<StepSeries> series) {
        double maxDay = series.stream().flatMap(s -> s.steps().stream()).mapToDouble(Point::x).max().orElse(0);
        Scale x = Scale.of(maxDay);
        Scale y = new Scale(1, 0.25);
        StringBuilder svg = open(id, title, HEIGHT);
        axes(svg, x, y, xLabel, value -> percent(value), HEIGHT);
        legend(svg, series.stream().map(StepSeries::name).toList(), List.of());
        for (int i = 0; i < series.size(); i++) {
            StepSeries curve = series.get(i);
            String colour = colour(i);
            StringBuilder path = new StringBuilder("M").append(px(x, 0)).append(' ').append(py(y, 1, HEIGHT));
            for (Point step : curve.steps()) {
                path.append(" H").append(px(x, step.x())).append(" V").append(py(y, step.y(), HEIGHT));
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>");
            for (Point mark : curve.censored()) {
                double cx = x.position(mark.x(), LEFT, WIDTH - RIGHT);
                double cy = y.position(mark.y(), HEIGHT - BOTTOM, TOP);
                svg.append("<path d=\"M").append(f(cx - 4)).append(' ').append(f(cy)).append(" h8 M").append(f(cx)).append(' ')
                        .append(f(cy - 4)).append(" v8\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"/>");
            }
        }
        return close(svg);
    }

    /** Horizontal bars from 0 to {@code max}, each with its text at the end and, where given, an interval as a whisker. */
    public static String bars(String id, String title, List<Bar> bars, double max) {
        int height = TOP + bars.size() * (BAR_HEIGHT + BAR_GAP) + BAR_GAP;
        double left = BAR_LABEL_WIDTH;
        double right = WIDTH - 110;
        StringBuilder svg = open(id, title, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = TOP + i * (BAR_HEIGHT + BAR_GAP);
            double middle = top + BAR_HEIGHT / 2.0;
            svg.append(text(left - 8, middle + 4, "end", bar.label(), "label"));
            double end = left;
            if (bar.value() != null) {
                end = left + (right - left) * (max == 0 ? 0 : bar.value() / max);
                svg.append("<rect x=\"").append(f(left)).append("\" y=\"").append(f(top)).append("\" width=\"").append(f(end - left))
                        .append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"").append(colour(0)).append("\"/>");
            }
            if (bar.lower() != null && bar.upper() != null && max > 0) {
                double from = left + (right - left) * bar.lower() / max;
                double to = left + (right - left) * bar.upper() / max;
                svg.append("<path d=\"M").append(f(from)).append(' ').append(f(middle)).append(" H").append(f(to)).append(" M")
                        .append(f(from)).append(' ').append(f(middle - 6)).append(" v12 M").append(f(to)).append(' ').append(f(middle - 6))
                        .append(" v12\" stroke=\"#000000\" stroke-width=\"1.5\" fill=\"none\"/>");
                end = Math.max(end, to);
            }
            svg.append(text(end + 6, middle + 4, "start", bar.text(), "value"));
        }
        return close(svg);
    }

    /** Columns side by side per label, one colour per series. */
    public static String columns(String id, String title, String xLabel, List<String> labels, List<Columns> series,
                                 DoubleFunction<String> yTick) {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        // Columns count things: whole steps.
        Scale y = Scale.of(max, 1);
        StringBuilder svg = open(id, title, HEIGHT);
        yAxis(svg, y, yTick, HEIGHT);
        legend(svg, series.stream().map(Columns::name).toList(), List.of());
        double band = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, labels.size());
        double width = band * 0.8 / Math.max(1, series.size());
        for (int l = 0; l < labels.size(); l++) {
            double start = LEFT + l * band + band * 0.1;
            for (int s = 0; s < series.size(); s++) {
                Double value = series.get(s).values().get(l);
                if (value == null) {
                    continue;
                }
                double top = y.position(value, HEIGHT - BOTTOM, TOP);
                svg.append("<rect x=\"").append(f(start + s * width)).append("\" y=\"").append(f(top)).append("\" width=\"").append(f(width))
                        .append("\" height=\"").append(f(HEIGHT - BOTTOM - top)).append("\" fill=\"").append(colour(s)).append("\"/>");
            }
            svg.append(text(LEFT + l * band + band / 2, HEIGHT - BOTTOM + 16, "middle", labels.get(l), "tick"));
        }
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 8, "middle", xLabel, "axis"));
        return close(svg);
    }

    /** Lines through one value per label (months), solid or dashed. */
    public static String lines(String id, String title, List<String> labels, List<Line> lines, DoubleFunction<String> yTick) {
        double max = lines.stream().flatMap(l -> l.values().stream()).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        Scale y = Scale.of(max);
        StringBuilder svg = open(id, title, HEIGHT);
        yAxis(svg, y, yTick, HEIGHT);
        legend(svg, lines.stream().map(Line::name).toList(), lines.stream().filter(Line::dashed).map(Line::name).toList());
        double step = labels.size() < 2 ? 0 : (WIDTH - LEFT - RIGHT) / (double) (labels.size() - 1);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            StringBuilder path = new StringBuilder();
            for (int p = 0; p < line.values().size(); p++) {
                Double value = line.values().get(p);
                if (value == null) {
                    continue;
                }
                path.append(path.isEmpty() || line.values().get(p - 1) == null ? "M" : " L").append(f(LEFT + p * step)).append(' ')
                        .append(f(y.position(value, HEIGHT - BOTTOM, TOP)));
            }
            if (!path.isEmpty()) {
                svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour(i)).append("\" stroke-width=\"2\"")
                        .append(line.dashed() ? " stroke-dasharray=\"6 4\"" : "").append("/>");
            }
        }
        int every = Math.max(1, (labels.size() + 11) / 12);
        for (int p = 0; p < labels.size(); p += every) {
            svg.append(text(LEFT + p * step, HEIGHT - BOTTOM + 16, "middle", labels.get(p), "tick"));
        }
        return close(svg);
    }

    // ---- parts

    private static StringBuilder open(String id, String title, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" role=\"img\" aria-labelledby=\"")
                .append(escape(id)).append("-title\"><title id=\"").append(escape(id)).append("-title\">").append(escape(title))
                .append("</title>");
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg, Scale x, Scale y, String xLabel, DoubleFunction<String> yTick, int height) {
        yAxis(svg, y, yTick, height);
        for (double tick = 0; tick <= x.max() + x.step() / 2; tick += x.step()) {
            double position = x.position(tick, LEFT, WIDTH - RIGHT);
            svg.append(line(position, height - BOTTOM, position, height - BOTTOM + 4, "#444444"));
            svg.append(text(position, height - BOTTOM + 16, "middle", whole(tick), "tick"));
        }
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, height - 8, "middle", xLabel, "axis"));
    }

    private static void yAxis(StringBuilder svg, Scale y, DoubleFunction<String> yTick, int height) {
        for (double tick = 0; tick <= y.max() + y.step() / 2; tick += y.step()) {
            double position = y.position(tick, height - BOTTOM, TOP);
            svg.append(line(LEFT, position, WIDTH - RIGHT, position, tick == 0 ? "#444444" : "#dddddd"));
            svg.append(text(LEFT - 6, position + 4, "end", yTick.apply(tick), "tick"));
        }
        svg.append(line(LEFT, TOP, LEFT, height - BOTTOM, "#444444"));
    }

    private static void legend(StringBuilder svg, List<String> names, List<String> dashed) {
        double x = LEFT;
        for (int i = 0; i < names.size(); i++) {
            svg.append("<path d=\"M").append(f(x)).append(" 14 h18\" stroke=\"").append(colour(i)).append("\" stroke-width=\"3\"")
                    .append(dashed.contains(names.get(i)) ? " stroke-dasharray=\"6 4\"" : "").append("/>");
            svg.append(text(x + 22, 18, "start", names.get(i), "legend"));
            x += 30 + names.get(i).length() * 6.5;
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<path d=\"M" + f(x1) + " " + f(y1) + " L" + f(x2) + " " + f(y2) + "\" stroke=\"" + colour + "\" stroke-width=\"1\"/>";
    }

    private static String text(double x, double y, String anchor, String text, String kind) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + kind + "\">" + escape(text) + "</text>";
    }

    private static String px(Scale x, double value) {
        return f(x.position(value, LEFT, WIDTH - RIGHT));
    }

    private static String py(Scale y, double value, int height) {
        return f(y.position(value, height - BOTTOM, TOP));
    }

    private static String colour(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** One decimal, a dot, whatever the machine's locale: the same text for the same number. */
    static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** An axis from 0 to a round maximum in {@value #TICKS} round steps (1, 2, 2.5 or 5 times a power of ten). */
    record Scale(double max, double step) {

        static Scale of(double largest) {
            return of(largest, 0);
        }

        /** With steps of at least {@code minimumStep} (1 for counts); 0: any. */
        static Scale of(double largest, double minimumStep) {
            if (largest <= 0) {
                return minimumStep > 0 ? new Scale(minimumStep * TICKS, minimumStep) : new Scale(1, 0.25);
            }
            double raw = Math.max(largest / TICKS, minimumStep);
            // StrictMath: the same digits on every machine.
            double magnitude = StrictMath.pow(10, StrictMath.floor(StrictMath.log10(raw)));
            double step = magnitude;
            for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
                if (factor * magnitude >= raw) {
                    step = factor * magnitude;
                    break;
                }
            }
            return new Scale(step * StrictMath.ceil(largest / step), step);
        }

        /** Where a value lies between two pixel positions: {@code from} for 0, {@code to} for the maximum. */
        double position(double value, double from, double to) {
            return from + (to - from) * (value / max);
        }
    }
}
