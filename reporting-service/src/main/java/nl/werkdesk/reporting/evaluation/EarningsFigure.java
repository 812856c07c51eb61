package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.evaluation.EvaluationFacts.days;
import static nl.werkdesk.reporting.evaluation.EvaluationFacts.onOrBefore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
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
     * @param firstDate the earliest enrolment or booking in scope, where the monthly series starts; null: no series
     * @param maxMonths the longest series: only the last months when there would be more
     */
    public static Earnings compute(List<Placement> placements, List<Money> money, LocalDate firstDate, LocalDate asOf, int maxMonths,
                                   EvaluationScope scope) {
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
        long spend = spendThrough(money, asOf);
        BigDecimal perEuro = spend == 0 ? null
                : BigDecimal.valueOf(wages).divide(DAYS_PER_WEEK.multiply(BigDecimal.valueOf(spend)), Statistics.SHARE_SCALE, RoundingMode.HALF_UP);
        return new Earnings(scope, started.size(), daysInWork,
                BigDecimal.valueOf(hours).divide(DAYS_PER_WEEK, HOURS_SCALE, RoundingMode.HALF_UP), cents(wages), spend,
                perEuro, perEuro == null ? AbsentReason.NO_EXPENDITURE_ATTRIBUTED : null, months(started, money, firstDate, asOf, maxMonths));
    }

    private static List<EarningsMonth> months(List<Placement> started, List<Money> money, LocalDate firstDate, LocalDate asOf, int maxMonths) {
        List<EarningsMonth> months = new ArrayList<>();
        for (YearMonth month : EvaluationFacts.months(firstDate, asOf, maxMonths)) {
            LocalDate through = EvaluationFacts.through(month, asOf);
            long wages = 0;
            for (Placement placement : started) {
                LocalDate until = placement.workedUntil(asOf);
                wages = Math.addExact(wages, placement.weeklySums(until.isAfter(through) ? through.plusDays(1) : until)[0]);
            }
            months.add(new EarningsMonth(month.toString(), through, cents(wages), spendThrough(money, through)));
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
