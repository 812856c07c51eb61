package nl.werkdesk.reporting.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Small counts in a breakdown could point at a person: for analysts, counts from 1 up to the threshold are shown
 * as "&lt;5" (with the configured threshold), and a rate made from a suppressed count is left out, since it would
 * give the count away. Totals stay exact. Callers without the analyst role see every count.
 */
public record Suppression(int threshold, boolean applies) {

    static final int RATE_SCALE = 4;

    public Count count(long value) {
        return applies && value > 0 && value < threshold ? Count.suppressed(value, "<" + threshold) : Count.exact(value);
    }

    /** placed / enrolled to four decimals; null without enrolments or when either count is suppressed. */
    public static BigDecimal rate(Count numerator, Count denominator) {
        if (numerator.suppressed() || denominator.suppressed()) {
            return null;
        }
        return rate(numerator.value(), denominator.value());
    }

    public static BigDecimal rate(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATE_SCALE, RoundingMode.HALF_UP);
    }
}
