package nl.werkdesk.reporting.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The facts of a scope the evaluation figures are computed from, as read (dates may lie after asOf: each figure applies
 * "as of" itself). Plain values: the figures can be tested without a database.
 */
public final class EvaluationFacts {

    private EvaluationFacts() {
    }

    /**
     * A participant enrolled in scope: the intake, the first placement start, leaving the pilot, and the first activity of
     * each kind (a job fair: at the Werkdesk or meeting an employer there). Null where there is none.
     */
    public record Participant(LocalDate intakeOn, LocalDate firstPlacementOn, LocalDate leftOn, String leftReason,
                              LocalDate applicationTrainingOn, LocalDate cvHelpOn, LocalDate jobFairOn) {
    }

    /** Hours and wage from a date; {@code sequence} orders two on one day (the later is in force). */
    public record Terms(LocalDate from, long sequence, int hoursPerWeek, long hourlyWageCents) {

        static final Comparator<Terms> ORDER = Comparator.comparing(Terms::from).thenComparingLong(Terms::sequence);
    }

    /**
     * A placement of a participant in scope: start, end (the first day out of the job) and why, the request date of the
     * TWV it rests on (null for a status holder), and its terms.
     */
    public record Placement(LocalDate startedOn, LocalDate endedOn, String endReason, LocalDate permitRequestedOn, List<Terms> terms) {

        public Placement {
            terms = terms.stream().sorted(Terms.ORDER).toList();
        }

        /** The terms in force on a day: the latest dated on or before it; null before the first. */
        public Terms termsOn(LocalDate day) {
            Terms inForce = null;
            for (Terms candidate : terms) {
                if (candidate.from().isAfter(day)) {
                    break;
                }
                inForce = candidate;
            }
            return inForce;
        }

        /**
         * The sums over the days in work from the start up to, not including, {@code until}: hours per week x hourly wage
         * cents, and hours per week. Divided by 7 they are the wages in cents and the hours worked.
         */
        long[] weeklySums(LocalDate until) {
            long wages = 0;
            long hours = 0;
            for (int i = 0; i < terms.size(); i++) {
                Terms current = terms.get(i);
                LocalDate from = current.from().isBefore(startedOn) ? startedOn : current.from();
                LocalDate to = i + 1 < terms.size() && terms.get(i + 1).from().isBefore(until) ? terms.get(i + 1).from() : until;
                long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
                wages = Math.addExact(wages, Math.multiplyExact(days, current.hoursPerWeek() * current.hourlyWageCents()));
                hours = Math.addExact(hours, days * current.hoursPerWeek());
            }
            return new long[] {wages, hours};
        }

        /** The first day not in work as of asOf: the end when it is on or before asOf, else the day after asOf. */
        LocalDate workedUntil(LocalDate asOf) {
            return endedOn != null && !endedOn.isAfter(asOf) ? endedOn : asOf.plusDays(1);
        }
    }

    /** A TWV request of a participant in scope; {@code firstPlacementOn} is that participant's first placement start. */
    public record Permit(UUID participantId, LocalDate requestedOn, boolean viaIntermediary, LocalDate grantedOn, LocalDate refusedOn,
                         LocalDate withdrawnOn, LocalDate declinedOn, LocalDate noLongerRequiredOn, LocalDate receptionEndedOn,
                         LocalDate firstPlacementOn) {
    }

    /** An amount of money attributed to the scope on a date: a booking, or a correction on the day it was made. */
    public record Money(LocalDate on, long amountCents) {
    }

    /** Money spent in scope on a date, in a category (a correction in its booking's category, on the day it was made). */
    public record Spending(LocalDate on, String category, long amountCents) {
    }

    /**
     * The months of a series from the month of {@code firstDate} to that of asOf, at most {@code maxMonths} (the last ones
     * when there would be more); none without a first date or when it lies after asOf.
     */
    static List<YearMonth> months(LocalDate firstDate, LocalDate asOf, int maxMonths) {
        List<YearMonth> months = new ArrayList<>();
        if (firstDate == null || firstDate.isAfter(asOf)) {
            return months;
        }
        YearMonth last = YearMonth.from(asOf);
        YearMonth first = YearMonth.from(firstDate);
        if (first.plusMonths(maxMonths).isBefore(last.plusMonths(1))) {
            first = last.minusMonths(maxMonths - 1L);
        }
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** The day a month's cumulative figures are taken: its last day, or asOf in the month of asOf. */
    static LocalDate through(YearMonth month, LocalDate asOf) {
        return month.atEndOfMonth().isAfter(asOf) ? asOf : month.atEndOfMonth();
    }

    static boolean onOrBefore(LocalDate date, LocalDate asOf) {
        return date != null && !date.isAfter(asOf);
    }

    static int days(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }
}
