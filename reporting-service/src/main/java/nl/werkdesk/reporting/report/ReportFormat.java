package nl.werkdesk.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.werkdesk.reporting.metrics.Count;

/**
 * How the report writes numbers: English, whatever the machine's locale, so that the same figures give the same text. The
 * values are the endpoints' exactly: a share of four decimals as a percentage with two, money in euros and cents, medians
 * with their one decimal; a missing value is a dash.
 */
final class ReportFormat {

    static final String NONE = "–";
    private static final Locale LANGUAGE = Locale.ENGLISH;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", LANGUAGE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReportFormat() {
    }

    /** 1,234 */
    static String number(long value) {
        return grouped("#,##0").format(value);
    }

    /** 1,234, or the suppressed text (&lt;5). */
    static String count(Count count) {
        return count.suppressed() ? count.text() : number(Long.parseLong(count.text()));
    }

    /** 0.3562 as 35.62%. */
    static String percent(BigDecimal share) {
        return share == null ? NONE : share.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Cents as €11,046.99. */
    static String euros(Long cents) {
        return cents == null ? NONE : (cents < 0 ? "−€" : "€") + grouped("#,##0.00").format(BigDecimal.valueOf(Math.abs(cents), 2));
    }

    /** A ratio with its four decimals, as €7.1503 (wages per euro spent). */
    static String perEuro(BigDecimal ratio) {
        return ratio == null ? NONE : "€" + ratio.toPlainString();
    }

    static String days(Number days) {
        if (days == null) {
            return NONE;
        }
        return (days instanceof BigDecimal decimal ? decimal.toPlainString() : days.toString()) + (days.doubleValue() == 1 ? " day" : " days");
    }

    static String decimal(BigDecimal value) {
        return value == null ? NONE : value.toPlainString();
    }

    /** Hours with their two decimals: 2,492.00 */
    static String hours(BigDecimal value) {
        return value == null ? NONE : grouped("#,##0.00").format(value);
    }

    /** 16 October 2025 */
    static String longDate(LocalDate date) {
        return date == null ? NONE : LONG_DATE.format(date);
    }

    static String date(LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    /** Axis ticks of money: €0, €250k, €1.5M. */
    static String eurosShort(double cents) {
        double euros = cents / 100;
        if (euros >= 1_000_000) {
            return "€" + trim(euros / 1_000_000) + "M";
        }
        if (euros >= 1_000) {
            return "€" + trim(euros / 1_000) + "k";
        }
        return "€" + trim(euros);
    }

    private static String trim(double value) {
        return new BigDecimal(String.format(Locale.ROOT, "%.2f", value)).stripTrailingZeros().toPlainString();
    }

    private static DecimalFormat grouped(String pattern) {
        // A new format each time: DecimalFormat is not thread-safe.
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(LANGUAGE));
    }
}
