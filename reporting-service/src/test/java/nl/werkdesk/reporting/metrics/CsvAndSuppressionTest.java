package nl.werkdesk.reporting.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvAndSuppressionTest {

    @Test
    void suppressesCountsFromOneBelowTheThresholdForAnalystsOnly() {
        Suppression analyst = new Suppression(5, true);
        assertEquals("0", analyst.count(0).text());
        assertEquals("<5", analyst.count(1).text());
        assertEquals("<5", analyst.count(4).text());
        assertEquals("5", analyst.count(5).text());
        assertEquals(4L, new Suppression(5, false).count(4).json());
        assertEquals("<10", new Suppression(10, true).count(9).json());
    }

    @Test
    void leavesOutARateThatWouldGiveASuppressedCountAway() {
        Suppression analyst = new Suppression(5, true);
        assertNull(Suppression.rate(analyst.count(3), analyst.count(20)));
        assertEquals(new BigDecimal("0.3000"), Suppression.rate(analyst.count(6), analyst.count(20)));
        assertNull(Suppression.rate(0, 0));
        assertEquals(new BigDecimal("0.3562"), Suppression.rate(83, 233));
    }

    @Test
    void writesSemicolonsDecimalCommasAByteOrderMarkAndCrlf() {
        String csv = Csv.withHeader("location", "placementRate", "placed")
                .row("Willinklaan", new BigDecimal("0.3562"), new Suppression(5, true).count(3))
                .row("Kabel;weg \"Oost\"", null, 12L)
                .toString();
        assertEquals("\uFEFFlocation;placementRate;placed\r\nWillinklaan;0,3562;<5\r\n\"Kabel;weg \"\"Oost\"\"\";;12\r\n", csv);
    }

    @Test
    void keepsTextThatLooksLikeAFormulaFromRunning() {
        String csv = Csv.withHeader("location").row("=HYPERLINK(\"x\")").row(-3L).toString();
        assertTrue(csv.contains("'=HYPERLINK"));
        assertTrue(csv.contains("\r\n-3\r\n"));
        assertFalse(csv.contains("\r\n=HYPERLINK"));
    }

    @Test
    void roundsCostPerPlacementHalfUpToWholeCents() {
        assertEquals(1_100_000L, Metrics.divideRounded(91_300_000L, 83));
        assertEquals(2L, Metrics.divideRounded(5, 3));
        assertEquals(1L, Metrics.divideRounded(4, 3));
    }
}
