package nl.werkdesk.reporting.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.reporting.metrics.AbsentReason;
import nl.werkdesk.reporting.metrics.Count;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.metrics.Suppression;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the evaluation API answers: the figures of domain.md's "Evaluating the pilot", each with the counts it rests on.
 * Aggregates only, never a participant id. Every property is always present; where a figure can be absent it is null
 * and its schema says so. Shares and ratios have four decimals, medians of days one, money is in whole euro cents.
 */
public final class EvaluationResponses {

    private EvaluationResponses() {
    }

    @Schema(name = "EvaluationScope", description = "The scope the figures are about, as asked (absent filters: everything)")
    public record EvaluationScope(
            @Schema(description = "Enrolment location of the participants (and of the expenditure counted); null: every location",
                    nullable = true) String location,
            @Schema(description = "Pilot phase of the enrolment date; null: every phase", nullable = true) Integer phase,
            @Schema(description = "Only facts whose business date is on or before this date count") LocalDate asOf,
            @Schema(description = "True when breakdown cells from 1 to the threshold are shown as \"<5\" (analysts)") boolean suppressed) {

        public static EvaluationScope of(Scope scope, Suppression suppression) {
            return new EvaluationScope(scope.location(), scope.phase(), scope.asOf(), suppression.applies());
        }
    }

    @Schema(name = "Share", description = "A share with the counts it rests on: share = count / of, four decimals, half up")
    public record Share(
            @Schema(description = "count / of to four decimals; null when of is 0", nullable = true) BigDecimal share,
            @Schema(description = "The numerator") long count,
            @Schema(description = "The denominator") long of) {

        static Share of(long count, long of) {
            return new Share(Statistics.share(count, of), count, of);
        }
    }

    @Schema(name = "KaplanMeierFigure", description = "A figure read from a Kaplan-Meier curve on one day, with the counts it rests "
            + "on. Null where that day lies beyond the longest observed time (the curve does not reach it).")
    public record KaplanMeierFigure(
            @Schema(description = "The day the figure is read at") int day,
            @Schema(description = "The figure, four decimals; null where the day lies beyond the longest observed time", nullable = true)
            BigDecimal value,
            @Schema(description = "Observations that ended in the event on or before the day") long events,
            @Schema(description = "Observations censored on or before the day") long censored,
            @Schema(description = "All observations") long observed) {
    }

    @Schema(name = "KaplanMeierStep", description = "One day of a Kaplan-Meier curve with events or censorings. The counts are a "
            + "breakdown by day: for analysts 1 to 4 shows as \"<5\". The survival is the estimate for the whole population and "
            + "is always shown, like the figures read from it.")
    public record Step(
            @Schema(description = "Days since the start of the observed time") int day,
            @Schema(description = "n(t): observations whose time is this day or later") Count atRisk,
            @Schema(description = "d(t): events on this day") Count events,
            @Schema(description = "c(t): censorings on this day (still at risk on it: events count first)") Count censored,
            @Schema(description = "S(t): the product over event days u <= t of (1 - d(u)/n(u)), four decimals") BigDecimal survival) {

        static List<Step> of(KaplanMeier curve, Suppression suppression) {
            return curve.steps().stream().map(step -> new Step(step.day(), suppression.count(step.atRisk()),
                    suppression.count(step.events()), suppression.count(step.censored()),
                    step.survival().rounded(Statistics.SHARE_SCALE))).toList();
        }
    }

    @Schema(name = "TimeToFirstPlacement", description = "How quickly participants get work: a Kaplan-Meier curve of the days from "
            + "the intake to the first placement start. Population: participants in scope with an intake on or before asOf. A "
            + "placement started before the intake counts as day 0. Without a placement by asOf, the time is censored at the "
            + "earlier of the day the participant left the pilot and asOf. Totals: never suppressed.")
    public record TimeToFirstPlacement(
            EvaluationScope scope,
            @Schema(description = "Participants with an intake on or before asOf") long participants,
            @Schema(description = "Of them, placed on or before asOf (the events)") long placed,
            @Schema(description = "Censored on the day they left the pilot, not placed by then") long censoredAtLeaving,
            @Schema(description = "Censored at asOf: not placed and still in the pilot") long censoredAtAsOf,
            @Schema(description = "The participants censored at leaving, by why they left") List<LeavingReasonCount> leftBeforePlacement,
            @Schema(description = "The smallest day t with S(t) <= 0.5; null if the curve never gets there", nullable = true)
            Integer medianDays,
            @Schema(description = "1 - S(90): the estimated share placed within 90 days") KaplanMeierFigure placedWithin90Days,
            @Schema(description = "1 - S(180): the estimated share placed within 180 days") KaplanMeierFigure placedWithin180Days,
            @Schema(description = "The plain share so far: placed / participants, both of the population above") Share placedSoFar,
            @Schema(description = "The curve: every day with events or censorings") List<Step> steps) {
    }

    @Schema(name = "LeavingReasonCount")
    public record LeavingReasonCount(LeaveReason reason, @Schema(description = "Participants") Count participants) {
    }

    @Schema(name = "PlacementRetention", description = "How long jobs last: a Kaplan-Meier curve of the days from a placement's "
            + "start to its end (any reason; the end date is the first day out of the job). Population: placements in scope "
            + "started on or before asOf; one not ended by asOf is censored at asOf. Totals: never suppressed.")
    public record PlacementRetention(
            EvaluationScope scope,
            @Schema(description = "Placements started on or before asOf") long placements,
            @Schema(description = "Of them, ended on or before asOf (the events)") long ended,
            @Schema(description = "Of them, still running at asOf (censored)") long censored,
            @Schema(description = "S(28): retention at 4 weeks") KaplanMeierFigure retainedAt4Weeks,
            @Schema(description = "S(91): retention at 13 weeks") KaplanMeierFigure retainedAt13Weeks,
            @Schema(description = "S(182): retention at 26 weeks. A placement that ends on day 182 (its end date 26 weeks after "
                    + "its start) is not retained at day 182") KaplanMeierFigure retainedAt26Weeks,
            @Schema(description = "Placements ended on or before asOf, by reason") List<EndReasonCount> endsByReason,
            @Schema(description = "The curve: every day with ends or censorings") List<Step> steps) {
    }

    @Schema(name = "EndReasonCount")
    public record EndReasonCount(EndReason reason, @Schema(description = "Placements") Count placements) {
    }

    @Schema(name = "ActivityGroups", description = "Which parts of the approach go with getting work. Population: participants in "
            + "scope with an intake on or before asOf. A participant is exposed to an activity kind if they completed one on "
            + "or before their cut-off: the first placement start when placed by asOf, else asOf. An association, not an "
            + "effect: participants choose their activities.")
    public record ActivityGroups(
            EvaluationScope scope,
            @Schema(description = "Always: \"association, not effect: participants choose their activities\"")
            String interpretation,
            @Schema(description = "Participants with an intake on or before asOf") long participants,
            @Schema(description = "Of them, placed on or before asOf") long placed,
            @Schema(description = "The confidence level of the intervals") BigDecimal confidenceLevel,
            @Schema(description = "The z of the Wilson score intervals") BigDecimal z,
            @Schema(description = "application-training, cv-help, job-fair (overlapping), any-activity and no-activity")
            List<ActivityGroup> groups) {
    }

    @Schema(name = "ActivityGroup")
    public record ActivityGroup(
            @Schema(enumeration = {"application-training", "cv-help", "job-fair", "any-activity", "no-activity"}) String group,
            @Schema(description = "Participants in the group") Count participants,
            @Schema(description = "Of them, placed on or before asOf") Count placed,
            @Schema(description = "placed / participants, four decimals; null when either count is suppressed or the group is empty",
                    nullable = true) BigDecimal rate,
            @Schema(description = "Lower end of the 95% Wilson score interval of the rate; null with the rate", nullable = true)
            BigDecimal intervalLower,
            @Schema(description = "Upper end of the 95% Wilson score interval of the rate; null with the rate", nullable = true)
            BigDecimal intervalUpper) {
    }

    @Schema(name = "TwvBurden", description = "What the TWV duty costs. Population: TWV requests for participants in scope, "
            + "requested on or before asOf. Totals: never suppressed.")
    public record TwvBurden(
            EvaluationScope scope,
            @Schema(description = "TWV requests on or before asOf") long requests,
            @Schema(description = "Each request's outcome by asOf, as domain.md names them: granted, refused (by UWV), withdrawn "
                    + "(by the employer), pending (none of these by asOf). A request granted and later ended counts as granted.")
            List<OutcomeCount> outcomes,
            @Schema(description = "Of the pending requests, those that closed without UWV's decision by asOf: declined (Werkdesk "
                    + "did not pursue it: not eligible, or a status holder), no-longer-required (the participant became a status "
                    + "holder while it was pending), ended-with-reception (reception ended while it was pending)")
            List<OutcomeCount> pendingClosedWithoutDecision,
            @Schema(description = "Lead times of all requests decided by UWV on or before asOf") LeadTimes leadTime,
            @Schema(description = "Lead times of the requests an intermediary handled") LeadTimes leadTimeWithIntermediary,
            @Schema(description = "Lead times of the requests no intermediary handled") LeadTimes leadTimeWithoutIntermediary,
            @Schema(description = "The distribution of the lead times by week (days 0-6, 7-13, ...) up to the longest, with against "
                    + "without an intermediary: a breakdown, so for analysts 1 to 4 shows as \"<5\"")
            List<LeadTimeWeek> leadTimeByWeek,
            @Schema(description = "Days waited before work") Waiting waitingBeforeWork,
            @Schema(description = "An estimate of the wages not earned while waiting, in euro cents: over the placements of "
                    + "waitingBeforeWork, waiting days / 7 x hours per week x hourly wage in force on the start date; rounded half "
                    + "up once, at the end") long wagesNotEarnedWhileWaitingCents,
            @Schema(description = "Participants with a TWV refused or withdrawn on or before asOf (of), and of them those with no "
                    + "placement started on or before asOf (count)") Share notPlacedAfterRefusalOrWithdrawal) {
    }

    @Schema(name = "TwvOutcomeCount")
    public record OutcomeCount(
            @Schema(enumeration = {"granted", "refused", "withdrawn", "pending", "declined", "no-longer-required",
                    "ended-with-reception"}) String outcome,
            @Schema(description = "Requests") Count requests) {
    }

    @Schema(name = "TwvLeadTimes", description = "Lead time = UWV's decision date (granted or refused) - the request date, in days, "
            + "for decisions on or before asOf. In the split by intermediary the counts are a breakdown: for analysts 1 to 4 "
            + "shows as \"<5\", and the statistics made from them are null.")
    public record LeadTimes(
            @Schema(description = "Requests decided by UWV on or before asOf") Count decisions,
            @Schema(description = "Median days, the mean of the two middle values for an even count; null without decisions",
                    nullable = true) BigDecimal medianDays,
            @Schema(description = "90th percentile by nearest rank: the value at rank ceil(0.9 n) of the sorted lead times; null "
                    + "without decisions", nullable = true) Long p90Days,
            @Schema(description = "Decided more than 35 days (the legal term of 5 weeks) after the request") Count decidedAfter35Days,
            @Schema(description = "decidedAfter35Days / decisions, four decimals; null without decisions or when suppressed",
                    nullable = true) BigDecimal shareDecidedAfter35Days) {
    }

    @Schema(name = "TwvLeadTimeWeek")
    public record LeadTimeWeek(
            @Schema(description = "Lead times of at least this many days") int fromDays,
            @Schema(description = "and at most this many days (fromDays + 6)") int toDays,
            @Schema(description = "Decisions on requests an intermediary handled") Count withIntermediary,
            @Schema(description = "Decisions on requests no intermediary handled") Count withoutIntermediary) {
    }

    @Schema(name = "TwvWaiting", description = "For each placement in scope started on or before asOf that rests on a TWV: its "
            + "start date - that TWV's request date")
    public record Waiting(
            @Schema(description = "Placements resting on a TWV") long placements,
            @Schema(description = "Sum of the days waited") long totalDays,
            @Schema(description = "Median days waited, the mean of the two middle values for an even count; null without "
                    + "placements", nullable = true) BigDecimal medianDays) {
    }

    @Schema(name = "Earnings", description = "What participants earned against what the programme spent. A placement's days in "
            + "work run from its start up to, not including, its end date (the first day out of the job), and at most up to "
            + "asOf inclusive; each day earns hours per week / 7 x hourly wage, with the hours and wage in force on that day (a "
            + "change applies from its date). Population: placements of participants in scope started on or before asOf.")
    public record Earnings(
            EvaluationScope scope,
            @Schema(description = "Placements started on or before asOf") long placements,
            @Schema(description = "Days in work, all placements together") long daysInWork,
            @Schema(description = "Hours worked: the sum over days in work of hours per week / 7, two decimals, half up")
            BigDecimal hoursWorked,
            @Schema(description = "Gross wages earned in euro cents, rounded half up once, at the end") long grossWagesCents,
            @Schema(description = "Expenditure attributed to the scope as of asOf, in euro cents, as the summary's spendToDateCents "
                    + "(a location scope counts only what was booked at that location)") long spendToDateCents,
            @Schema(description = "Gross wages / spend to date, four decimals; null, with wagesPerEuroSpentAbsentReason, when no "
                    + "expenditure is attributed to the scope", nullable = true) BigDecimal wagesPerEuroSpent,
            @Schema(description = "Why wagesPerEuroSpent is null (no-expenditure-attributed); null when it is given", nullable = true)
            AbsentReason wagesPerEuroSpentAbsentReason,
            @Schema(description = "At each month's end (the last month: asOf), from the month of the first enrolment or booking in "
                    + "scope") List<EarningsMonth> months) {
    }

    @Schema(name = "EarningsMonth")
    public record EarningsMonth(
            @Schema(description = "The month, yyyy-mm", examples = "2025-10", pattern = "^[0-9]{4}-[0-9]{2}$") String month,
            @Schema(description = "The day the cumulative figures are taken: the month's last day, or asOf") LocalDate through,
            @Schema(description = "Gross wages earned up to and including that day, in euro cents") long cumulativeWagesCents,
            @Schema(description = "Spend to date on that day (bookings and corrections dated up to it), in euro cents")
            long cumulativeSpendCents) {
    }

    @Schema(name = "Spend", description = "Spend by category over time against the budget. Spend is scoped as the summary's "
            + "spendToDateCents (a location scope counts only what was booked at that location); a correction counts from the day it "
            + "was made, in its booking's category. Budget is allocated per phase for the whole programme: none in a location scope.")
    public record Spend(
            EvaluationScope scope,
            @Schema(description = "Budget allocated on or before asOf to the phases of the scope, in euro cents, as the summary's "
                    + "budgetCents; null, with budgetAbsentReason, in a location scope", nullable = true) Long budgetCents,
            @Schema(description = "Why budgetCents is null (programme-wide); null when it is given", nullable = true)
            AbsentReason budgetAbsentReason,
            @Schema(description = "Expenditure in scope as of asOf, in euro cents, as the summary's spendToDateCents") long spendToDateCents,
            @Schema(description = "Spend to date per category, every category in a fixed order") List<CategorySpend> byCategory,
            @Schema(description = "At each month's end (the last month: asOf), from the month of the first enrolment or booking in "
                    + "scope: the budget allocated and the spend by then") List<SpendMonth> months) {
    }

    @Schema(name = "CategorySpend")
    public record CategorySpend(ExpenditureCategory category, @Schema(description = "In euro cents") long spendCents) {
    }

    @Schema(name = "SpendMonth")
    public record SpendMonth(
            @Schema(description = "The month, yyyy-mm", examples = "2025-10", pattern = "^[0-9]{4}-[0-9]{2}$") String month,
            @Schema(description = "The day the cumulative figures are taken: the month's last day, or asOf") LocalDate through,
            @Schema(description = "Budget allocated on or before that day, in euro cents; null in a location scope", nullable = true)
            Long budgetCents,
            @Schema(description = "Spend on or before that day (bookings and corrections dated up to it), in euro cents") long spendCents,
            @Schema(description = "The same per category") List<CategorySpend> byCategory) {
    }
}
