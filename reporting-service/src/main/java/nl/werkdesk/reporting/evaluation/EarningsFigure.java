package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.evaluation.EvaluationFacts.days;
import static nl.werkdesk.reporting.evaluation.EvaluationFacts.onOrBefore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Money;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Placement;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Earnings;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EarningsMonth;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EvaluationScope;
import nl.werkdesk.reporting.metrics.AbsentReason;

/** Earnings: gross wages, hours worked, wages per euro spent and the monthly cumulative series, as domain.md defines them. */
public final class EarningsFigure {

    static final int HOURS_SCALE = 2;
    private static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(7);

    private EarningsFigure() {
    }

    /**
     * What the earnings are computed from, as of asOf: the placements started, the days in work, the weekly sums (hours per
     * week x cents per hour, and hours per week, over the days in work; divided by 7 once, at the end) and the weekly wage sum
     * up to and including a month's day ({@code wagesThrough}, given the last day of a month before asOf's or asOf). Reduced
     * from the placements ({@link #work}) or read from the day counts.
     */
    public record Work(long placements, long daysInWork, long weeklyHours, long weeklyWages, ToLongFunction<LocalDate> wagesThrough) {
    }

    /** The work of the placements as of asOf. */
    public static Work work(List<Placement> placements, LocalDate asOf) {
        List<Placement> started = placements.stream().filter(placement -> onOrBefore(placement.startedOn(), asOf)).toList();
        long wages = 0;
        long hours = 0;
        long daysInWork = 0;
        for (Placement placement : started) {
            LocalDate until = placement.workedUntil(asOf);
            long[] sums = placement.weeklySums(until);
            wages = Math.addExact(wages, sums[0]);
            hours = Math.addExact(hours, sums[1]);
            daysInWork += Math.max(0, days(placement.startedOn(), until));
        }
        return new Work(started.size(), daysInWork, hours, wages, through -> {
            long sum = 0;
            for (Placement placement : started) {
                LocalDate until = placement.workedUntil(asOf);
                sum = Math.addExact(sum, placement.weeklySums(until.isAfter(through) ? through.plusDays(1) : until)[0]);
            }
            return sum;
        });
    }

    /**
     * @param firstDate the earliest enrolment or booking in scope, where the monthly series starts; null: no series
     * @param maxMonths the longest series: only the last months when there would be more
     */
    public static Earnings compute(Work work, List<Money> money, LocalDate firstDate, LocalDate asOf, int maxMonths, EvaluationScope scope) {
        long spend = spendThrough(money, asOf);
        BigDecimal perEuro = spend == 0 ? null
                : BigDecimal.valueOf(work.weeklyWages()).divide(DAYS_PER_WEEK.multiply(BigDecimal.valueOf(spend)), Statistics.SHARE_SCALE,
                        RoundingMode.HALF_UP);
        return new Earnings(scope, work.placements(), work.daysInWork(),
                BigDecimal.valueOf(work.weeklyHours()).divide(DAYS_PER_WEEK, HOURS_SCALE, RoundingMode.HALF_UP), cents(work.weeklyWages()), spend,
                perEuro, perEuro == null ? AbsentReason.NO_EXPENDITURE_ATTRIBUTED : null, months(work, money, firstDate, asOf, maxMonths));
    }

    private static List<EarningsMonth> months(Work work, List<Money> money, LocalDate firstDate, LocalDate asOf, int maxMonths) {
        List<EarningsMonth> months = new ArrayList<>();
        for (YearMonth month : EvaluationFacts.months(firstDate, asOf, maxMonths)) {
            LocalDate through = EvaluationFacts.through(month, asOf);
            months.add(new EarningsMonth(month.toString(), through, cents(work.wagesThrough().applyAsLong(through)), spendThrough(money, through)));
        }
        return months;
    }

    private static long spendThrough(List<Money> money, LocalDate day) {
        return money.stream().filter(amount -> onOrBefore(amount.on(), day)).mapToLong(Money::amountCents).sum();
    }

    /** Sums of hours per week x cents per hour, over days, as cents: divided by 7 and rounded half up, once. */
    private static long cents(long weeklySum) {
        return BigDecimal.valueOf(weeklySum).divide(DAYS_PER_WEEK, 0, RoundingMode.HALF_UP).longValueExact();
    }
}
