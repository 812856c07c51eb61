package nl.werkdesk.reporting.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgTest {

    static final Svg.StepSeries CURVE = new Svg.StepSeries("A & B", List.of(new Svg.Point(0, 0.8), new Svg.Point(50, 0.5),
            new Svg.Point(100, 0.5)), List.of(new Svg.Point(100, 0.5)));

    @Test
    void drawsAStepFromOneToEachValueAndACrossPerCensoring() {
        String svg = Svg.steps("curve", "Still <waiting>", "Days", List.of(CURVE));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 680 300\""), svg);
        assertTrue(svg.contains("<title id=\"curve-title\">Still &lt;waiting&gt;</title>"), "escaped, for screen readers");
        assertTrue(svg.contains(">A &amp; B</text>"), "the legend");
        // x: 0..100 days over 64..660 px; y: 100% at 254 (the plot's bottom is 300 - 46), 0% at 34.
        assertTrue(svg.contains("d=\"M64.0 34.0 H64.0 V78.0 H362.0 V144.0 H660.0 V144.0\""), svg);
        assertEquals(1, count(svg, " h8 M"), "one censoring mark");
        assertTrue(svg.endsWith("</svg>"));
    }

    @Test
    void writesTheSameTextForTheSameNumbersWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            String english = Svg.lines("money", "Money", List.of("2025-01", "2025-02"),
                    List.of(new Svg.Line("Spend", List.of(1234.5, 2345.25), false)), ReportFormat::eurosShort);
            Locale.setDefault(Locale.GERMANY);
            String german = Svg.lines("money", "Money", List.of("2025-01", "2025-02"),
                    List.of(new Svg.Line("Spend", List.of(1234.5, 2345.25), false)), ReportFormat::eurosShort);
            assertEquals(english, german);
            assertFalse(Pattern.compile("[0-9],[0-9]").matcher(german).find(), "a dot in every number");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void leavesOutWhatMayNotBeDrawnAndCountsInWholeSteps() {
        String bars = Svg.bars("bars", "Rates", List.of(new Svg.Bar("Shown", 0.5, 0.2, 0.8, "50.00%"),
                new Svg.Bar("Suppressed", null, null, null, "not shown")), 1);
        assertEquals(1, count(bars, "<rect "), "no bar for a suppressed value");
        assertTrue(bars.contains(">not shown</text>"));
        String columns = Svg.columns("weeks", "Weeks", "Days", List.of("0-6", "7-13"),
                List.of(new Svg.Columns("With", java.util.Arrays.asList(0.0, null))), tick -> String.format(Locale.ROOT, "%.0f", tick));
        assertTrue(columns.contains(">4</text>") && !columns.contains("NaN"), "an empty count axis still has whole ticks: " + columns);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
