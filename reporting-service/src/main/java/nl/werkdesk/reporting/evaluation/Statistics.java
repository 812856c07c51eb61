package nl.werkdesk.reporting.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The plain statistics the evaluation figures share, each exactly as the definitions say. */
public final class Statistics {

    /** Shares and ratios: four decimals. */
    public static final int SHARE_SCALE = 4;
    /** Medians of days: one decimal (the mean of two middle values can end in .5). */
    public static final int MEDIAN_SCALE = 1;
    /** The 95% interval's z. */
    public static final BigDecimal Z_95 = new BigDecimal("1.96");
    private static final MathContext PRECISION = new MathContext(40);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Statistics() {
    }

    /** The median as in the metrics: the middle value, or the mean of the two middle values; null without values. */
    public static BigDecimal median(List<Long> values) {
        return median(histogram(values));
    }

    /** The median of a histogram (value: how many times it occurs), as {@link #median(List)} of its values. */
    public static BigDecimal median(SortedMap<Long, Long> histogram) {
        long count = count(histogram);
        if (count == 0) {
            return null;
        }
        long lower = valueAt(histogram, (count - 1) / 2);
        long upper = valueAt(histogram, count / 2);
        return BigDecimal.valueOf(lower + upper).divide(TWO).setScale(MEDIAN_SCALE, RoundingMode.HALF_UP);
    }

    /** The 90th percentile by nearest rank: the value at rank ceil(0.9 n) of the sorted values; null without values. */
    public static Long percentile90(List<Long> values) {
        return percentile90(histogram(values));
    }

    /** The 90th percentile of a histogram's values by nearest rank, as {@link #percentile90(List)}. */
    public static Long percentile90(SortedMap<Long, Long> histogram) {
        long count = count(histogram);
        if (count == 0) {
            return null;
        }
        long rank = (9 * count + 9) / 10;
        return valueAt(histogram, rank - 1);
    }

    /** Values counted by value, in their order. */
    public static SortedMap<Long, Long> histogram(List<Long> values) {
        SortedMap<Long, Long> histogram = new TreeMap<>();
        values.forEach(value -> histogram.merge(value, 1L, Long::sum));
        return histogram;
    }

    /** How many values a histogram holds. */
    public static long count(SortedMap<Long, Long> histogram) {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The value at a rank (from 0) of a histogram's sorted values. */
    private static long valueAt(SortedMap<Long, Long> histogram, long rank) {
        long seen = 0;
        for (Map.Entry<Long, Long> entry : histogram.entrySet()) {
            seen += entry.getValue();
            if (rank < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + seen + " values");
    }

    /** count / of to four decimals, half up; null when of is zero. */
    public static BigDecimal share(long count, long of) {
        return of == 0 ? null : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), SHARE_SCALE, RoundingMode.HALF_UP);
    }

    /** The Wilson score interval of {@code placed} out of {@code participants}, with z = 1.96; null when participants is zero. */
    public static Interval wilson(long placed, long participants) {
        if (participants == 0) {
            return null;
        }
        BigDecimal n = BigDecimal.valueOf(participants);
        BigDecimal p = BigDecimal.valueOf(placed).divide(n, PRECISION);
        BigDecimal z2 = Z_95.multiply(Z_95);
        BigDecimal denominator = BigDecimal.ONE.add(z2.divide(n, PRECISION));
        BigDecimal centre = p.add(z2.divide(n.multiply(TWO), PRECISION)).divide(denominator, PRECISION);
        BigDecimal spread = p.multiply(BigDecimal.ONE.subtract(p)).divide(n, PRECISION)
                .add(z2.divide(n.multiply(n).multiply(BigDecimal.valueOf(4)), PRECISION));
        BigDecimal half = Z_95.divide(denominator, PRECISION).multiply(spread.sqrt(PRECISION), PRECISION);
        return new Interval(centre.subtract(half).max(BigDecimal.ZERO).setScale(SHARE_SCALE, RoundingMode.HALF_UP),
                centre.add(half).min(BigDecimal.ONE).setScale(SHARE_SCALE, RoundingMode.HALF_UP));
    }

    /** A confidence interval, both ends to four decimals. */
    public record Interval(BigDecimal lower, BigDecimal upper) {
    }
}
