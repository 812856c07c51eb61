package nl.werkdesk.reporting.report;

import static nl.werkdesk.reporting.report.ReportFormat.count;
import static nl.werkdesk.reporting.report.ReportFormat.days;
import static nl.werkdesk.reporting.report.ReportFormat.euros;
import static nl.werkdesk.reporting.report.ReportFormat.number;
import static nl.werkdesk.reporting.report.ReportFormat.percent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroup;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroups;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.CategorySpend;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Earnings;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EarningsMonth;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.KaplanMeierFigure;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.LeadTimeWeek;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.LeadTimes;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.PlacementRetention;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Spend;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.SpendMonth;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Step;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TimeToFirstPlacement;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TwvBurden;
import nl.werkdesk.reporting.metrics.AbsentReason;
import nl.werkdesk.reporting.metrics.Count;
import nl.werkdesk.reporting.metrics.MetricsQueries.TopicEvents;
import nl.werkdesk.reporting.metrics.MetricsResponses.FunnelStage;
import nl.werkdesk.reporting.metrics.MetricsResponses.LocationFigures;
import nl.werkdesk.reporting.metrics.MetricsResponses.Summary;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.view.JsonNames;

/**
 * The report as the template shows it: sections of figures, charts, tables and definitions, every value already written out
 * ({@link ReportFormat}) from the report's {@link Report.Data}. Pure: the same data give the same view.
 */
public record ReportView(String title, String asOf, String scope, List<Section> sections) {

    /** A figure with its label and, where it helps, a note; {@code key} marks it in the HTML (data-figure). */
    public record Figure(String key, String label, String value, String note) {
    }

    /** An SVG chart (drawn by {@link Svg}) and what it shows. */
    public record Chart(String svg, String caption) {
    }

    /** A table; its first {@code textColumns} columns are text, the others numbers (aligned right). */
    public record Table(String caption, int textColumns, List<String> header, List<Row> rows) {

        Table(String caption, List<String> header, List<Row> rows) {
            this(caption, 1, header, rows);
        }
    }

    /** A row of a table; a total row is set apart. */
    public record Row(List<String> cells, boolean total) {
    }

    public record Term(String term, String definition) {
    }

    public record Section(String id, String title, String lead, List<Figure> figures, List<Chart> charts, List<Table> tables,
                          List<Term> terms, List<String> notes) {
    }

    static final Map<String, String> FUNNEL_STAGES = Map.of("enrolled", "Enrolled", "intake", "Intake completed",
            "activity", "Training, CV help or job fair", "twv-requested", "TWV requested", "twv-granted", "TWV granted",
            "placed", "Placed in paid work", "sustained", "Sustained (26 weeks)");
    static final Map<String, String> ACTIVITY_GROUPS = Map.of("application-training", "Application training", "cv-help", "CV help",
            "job-fair", "Job fair", "any-activity", "Any activity", "no-activity", "No activity");
    static final Map<String, String> TOPICS = Map.of("werkdesk.participants.v1", "participants (participant-service)",
            "werkdesk.employers.v1", "employers and job fairs (employer-service)", "werkdesk.permits.v1", "TWV work permits (permit-service)",
            "werkdesk.placements.v1", "placements (placement-service)", "werkdesk.programme.v1", "budget and expenditure (reporting-service)");

    public static ReportView of(Report.Data data, Phases phases) {
        Scope scope = data.scope();
        String where = (scope.location() == null ? "All locations" : scope.location()) + " · "
                + (scope.phase() == null ? "all phases" : "phase " + scope.phase());
        List<Section> sections = List.of(headline(data), locations(data, phases), funnel(data), firstJob(data), retention(data.retention()),
                activities(data.activities(), data.suppression().threshold()), twv(data.twvBurden()), money(data.spend(), data.earnings()), methods(data),
                provenance(data.provenance(), scope));
        return new ReportView("Werkdesk pilot: report as of " + ReportFormat.longDate(scope.asOf()), scope.asOf().toString(), where,
                sections);
    }

    private static Section headline(Report.Data data) {
        Summary summary = data.summary();
        Earnings earnings = data.earnings();
        List<Figure> figures = List.of(
                new Figure("enrolled", "Participants enrolled", number(summary.enrolled()), null),
                new Figure("placed", "Placed in paid work", number(summary.participantsPlaced()), "at least one placement started"),
                new Figure("placement-rate", "Placement rate", percent(summary.placementRate()), "placed / enrolled"),
                new Figure("cost-per-placement", "Cost per placement", absentOr(euros(summary.costPerPlacementCents()),
                        summary.costPerPlacementAbsentReason()), "spend to date / participants placed"),
                new Figure("gross-wages", "Gross wages earned", euros(earnings.grossWagesCents()),
                        ReportFormat.hours(earnings.hoursWorked()) + " hours in " + number(earnings.placements()) + " placements"),
                new Figure("wages-per-euro", "Wages per euro spent", absentOr(ReportFormat.perEuro(earnings.wagesPerEuroSpent()),
                        earnings.wagesPerEuroSpentAbsentReason()), "gross wages / spend to date"),
                new Figure("spend", "Spend to date", euros(summary.spendToDateCents()), null),
                new Figure("budget", "Budget", absentOr(euros(summary.budgetCents()), summary.budgetAbsentReason()), "allocated to the phases in scope"));
        return new Section("headline", "Headline figures", "The pilot in numbers as of " + ReportFormat.longDate(data.scope().asOf())
                + ". Every figure in this report counts only what happened on or before that date.", figures, List.of(), List.of(),
                List.of(), List.of());
    }

    private static Section locations(Report.Data data, Phases phases) {
        List<Row> rows = new ArrayList<>();
        for (Report.PhaseLocations group : data.byLocationAndPhase()) {
            String phase = group.phase() == null ? "All phases" : phases.number(group.phase()).map(ReportView::phase).orElse("Phase " + group.phase());
            for (LocationFigures location : group.figures().locations()) {
                rows.add(new Row(List.of(phase, location.location(), count(location.enrolled()), count(location.participantsPlaced()),
                        percent(location.placementRate()), count(location.placements()), count(location.activePlacements())), false));
            }
            if (group.phase() == null || data.scope().phase() != null) {
                LocationFigures total = group.figures().total();
                rows.add(new Row(List.of(phase, "Total", count(total.enrolled()), count(total.participantsPlaced()),
                        percent(total.placementRate()), count(total.placements()), count(total.activePlacements())), true));
            }
        }
        Table table = new Table("Participants by enrolment location and the phase of their enrolment", 2,
                List.of("Phase", "Location", "Enrolled", "Placed", "Placement rate", "Placements", "Active placements"), rows);
        return new Section("locations", "By location and phase", "Where and when participants enrolled, and how many of them found "
                + "work.", List.of(), List.of(), List.of(table), List.of(), List.of(suppressionNote(data)));
    }

    private static Section funnel(Report.Data data) {
        List<Svg.Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        long enrolled = data.funnel().stages().isEmpty() ? 0 : data.funnel().stages().get(0).participants();
        for (FunnelStage stage : data.funnel().stages()) {
            String label = FUNNEL_STAGES.getOrDefault(stage.stage(), stage.stage());
            bars.add(new Svg.Bar(label, (double) stage.participants(), null, null, number(stage.participants()) + " ("
                    + percent(stage.shareOfEnrolled()) + ")"));
            rows.add(new Row(List.of(label, number(stage.participants()), percent(stage.shareOfEnrolled())), false));
        }
        String svg = Svg.bars("funnel-chart", "Participants at each stage, from enrolment to sustained work", bars, enrolled);
        return new Section("funnel", "From enrolment to sustained work", "Participants who reached each stage of the journey.",
                List.of(), List.of(new Chart(svg, "Participants at each stage, with their share of those enrolled")),
                List.of(new Table("The funnel", List.of("Stage", "Participants", "Share of enrolled"), rows)), List.of(), List.of());
    }

    private static Section firstJob(Report.Data data) {
        TimeToFirstPlacement all = data.timeToFirstPlacement();
        List<Svg.StepSeries> curves = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        rows.add(firstJobRow(data.scope().location() == null ? "All locations" : data.scope().location(), all, true));
        if (data.byLocation().isEmpty()) {
            curves.add(curve(data.scope().location() == null ? "All locations" : data.scope().location(), all.steps()));
        }
        for (Report.LocationCurve location : data.byLocation()) {
            curves.add(curve(location.location(), location.figure().steps()));
            rows.add(firstJobRow(location.location(), location.figure(), false));
        }
        List<Row> leaving = all.leftBeforePlacement().stream()
                .map(reason -> new Row(List.of(label(JsonNames.of(reason.reason())), count(reason.participants())), false)).toList();
        String svg = Svg.steps("first-job-chart", "Share still without a job by days since the intake", "Days since the intake", curves);
        return new Section("time-to-first-job", "Time to first job", "How quickly participants get work: the share still without a "
                + "placement by days since their intake (Kaplan-Meier), per location.",
                List.of(new Figure("median-days-to-first-job", "Median days from intake to first job",
                                all.medianDays() == null ? ReportFormat.NONE : days(all.medianDays()), "the first day with S(t) ≤ 50%"),
                        new Figure("placed-within-90-days", "Placed within 90 days (estimate)", percent(all.placedWithin90Days().value()),
                                "1 − S(90)"),
                        new Figure("placed-within-180-days", "Placed within 180 days (estimate)", percent(all.placedWithin180Days().value()),
                                "1 − S(180)"),
                        new Figure("placed-so-far", "Placed so far", percent(all.placedSoFar().share()), number(all.placedSoFar().count())
                                + " of " + number(all.placedSoFar().of()) + " with an intake")),
                List.of(new Chart(svg, "Kaplan-Meier: the share still without a placement; a cross marks where participants were "
                        + "censored (left the pilot, or not placed by the as-of date)")),
                List.of(new Table("Time to first job", List.of("", "Participants", "Placed", "Median days", "Within 90 days",
                                "Within 180 days", "Placed so far"), rows),
                        new Table("Left the pilot before a placement (censored at leaving: " + number(all.censoredAtLeaving())
                                + "; still in the pilot, censored at the as-of date: " + number(all.censoredAtAsOf()) + ")",
                                List.of("Reason", "Participants"), leaving)),
                List.of(), List.of(suppressionNote(data)));
    }

    private static Row firstJobRow(String name, TimeToFirstPlacement figure, boolean total) {
        return new Row(List.of(name, number(figure.participants()), number(figure.placed()),
                figure.medianDays() == null ? ReportFormat.NONE : number(figure.medianDays()), percent(figure.placedWithin90Days().value()),
                percent(figure.placedWithin180Days().value()), percent(figure.placedSoFar().share())), total);
    }

    private static Section retention(PlacementRetention retention) {
        String svg = Svg.steps("retention-chart", "Share of placements still running by days since the start", "Days since the start",
                List.of(curve("Placements", retention.steps())));
        List<Row> at = List.of(retainedRow("4 weeks (day 28)", retention.retainedAt4Weeks()),
                retainedRow("13 weeks (day 91)", retention.retainedAt13Weeks()),
                retainedRow("26 weeks (day 182)", retention.retainedAt26Weeks()));
        List<Row> reasons = retention.endsByReason().stream()
                .map(reason -> new Row(List.of(label(JsonNames.of(reason.reason())), count(reason.placements())), false)).toList();
        return new Section("retention", "How long jobs last", "The share of placements still running by days since their start "
                + "(Kaplan-Meier); a placement not ended by the as-of date is censored then.",
                List.of(new Figure("placements", "Placements started", number(retention.placements()), null),
                        new Figure("ended", "Ended", number(retention.ended()), null),
                        new Figure("retained-26-weeks", "Still in work after 26 weeks", percent(retention.retainedAt26Weeks().value()),
                                "S(182)")),
                List.of(new Chart(svg, "Kaplan-Meier: the share of placements still running; a cross marks placements still running "
                        + "at the as-of date")),
                List.of(new Table("Retention", List.of("After", "Retained", "Ended by then", "Censored by then", "Placements"), at),
                        new Table("Placements ended, by reason", List.of("Reason", "Placements"), reasons)),
                List.of(), List.of());
    }

    private static Row retainedRow(String after, KaplanMeierFigure figure) {
        return new Row(List.of(after, percent(figure.value()), number(figure.events()), number(figure.censored()), number(figure.observed())),
                false);
    }

    private static Section activities(ActivityGroups activities, int threshold) {
        List<Svg.Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (ActivityGroup group : activities.groups()) {
            String name = ACTIVITY_GROUPS.getOrDefault(group.group(), group.group());
            String interval = group.intervalLower() == null ? ReportFormat.NONE
                    : percent(group.intervalLower()) + " – " + percent(group.intervalUpper());
            bars.add(new Svg.Bar(name, value(group.rate()), value(group.intervalLower()), value(group.intervalUpper()),
                    group.rate() == null ? "not shown: a count below " + threshold : percent(group.rate())));
            rows.add(new Row(List.of(name, count(group.participants()), count(group.placed()), percent(group.rate()), interval), false));
        }
        String svg = Svg.bars("activities-chart", "Placement rate per activity group with its 95% interval", bars, 1);
        return new Section("activities", "Activities and placement", "Placement rates of participants who took part in each activity "
                + "before their first job (or the as-of date), with 95% Wilson intervals.",
                List.of(new Figure("activity-participants", "Participants with an intake", number(activities.participants()), null),
                        new Figure("activity-placed", "Of them placed", number(activities.placed()), null)),
                List.of(new Chart(svg, "Placement rate per group; the whisker is the 95% interval")),
                List.of(new Table("Activity groups (overlapping)", List.of("Group", "Participants", "Placed", "Rate", "95% interval"), rows)),
                List.of(), List.of("An association, not an effect: participants choose their activities."));
    }

    private static Section twv(TwvBurden twv) {
        List<Row> outcomes = new ArrayList<>();
        twv.outcomes().forEach(outcome -> outcomes.add(new Row(List.of(label(outcome.outcome()), count(outcome.requests())), false)));
        twv.pendingClosedWithoutDecision().forEach(closure -> outcomes.add(new Row(List.of("of the pending: " + label(closure.outcome()),
                count(closure.requests())), false)));
        List<Row> leadTimes = List.of(leadTimeRow("All decisions", twv.leadTime()),
                leadTimeRow("With the intermediary", twv.leadTimeWithIntermediary()),
                leadTimeRow("Without the intermediary", twv.leadTimeWithoutIntermediary()));
        List<String> weeks = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        for (LeadTimeWeek week : twv.leadTimeByWeek()) {
            weeks.add(week.fromDays() + "–" + week.toDays());
            with.add(value(week.withIntermediary()));
            without.add(value(week.withoutIntermediary()));
        }
        String svg = Svg.columns("twv-chart", "TWV decisions per week of lead time, with and without the intermediary", "Days from request to decision",
                weeks, List.of(new Svg.Columns("With the intermediary", with), new Svg.Columns("Without the intermediary", without)),
                tick -> String.format(Locale.ROOT, "%.0f", tick));
        return new Section("twv-burden", "The TWV burden", "What the work permit duty costs: how long UWV takes, how long "
                + "participants wait for work, and the wages that wait costs.",
                List.of(new Figure("twv-requests", "TWV requests", number(twv.requests()), null),
                        new Figure("twv-median-days", "Median lead time", days(twv.leadTime().medianDays()), "request to UWV's decision"),
                        new Figure("twv-p90-days", "90th percentile", twv.leadTime().p90Days() == null ? ReportFormat.NONE
                                : days(twv.leadTime().p90Days()), null),
                        new Figure("twv-waiting-days", "Days waited before work", number(twv.waitingBeforeWork().totalDays()),
                                "median " + days(twv.waitingBeforeWork().medianDays()) + " over " + number(twv.waitingBeforeWork().placements())
                                        + " placements on a TWV"),
                        new Figure("wages-not-earned", "Wages not earned while waiting (an estimate)",
                                euros(twv.wagesNotEarnedWhileWaitingCents()), "waiting days / 7 × hours per week × hourly wage at the start"),
                        new Figure("not-placed-after-refusal", "Not placed after a refusal or withdrawal",
                                percent(twv.notPlacedAfterRefusalOrWithdrawal().share()), number(twv.notPlacedAfterRefusalOrWithdrawal().count())
                                        + " of " + number(twv.notPlacedAfterRefusalOrWithdrawal().of()) + " participants")),
                List.of(new Chart(svg, "Decisions per week of lead time; a week with 1 to 4 decisions is not drawn")),
                List.of(new Table("Outcomes of the requests", List.of("Outcome", "Requests"), outcomes),
                        new Table("Lead times", List.of("", "Decisions", "Median days", "90th percentile", "After 35 days",
                                "Share after 35 days"), leadTimes)),
                List.of(), List.of("The wages not earned while waiting are an estimate: they assume the job would have started on the "
                        + "day of the request, with the hours and wage of its start."));
    }

    private static Row leadTimeRow(String name, LeadTimes leadTimes) {
        return new Row(List.of(name, count(leadTimes.decisions()), ReportFormat.decimal(leadTimes.medianDays()),
                leadTimes.p90Days() == null ? ReportFormat.NONE : number(leadTimes.p90Days()), count(leadTimes.decidedAfter35Days()),
                percent(leadTimes.shareDecidedAfter35Days())), false);
    }

    private static Section money(Spend spend, Earnings earnings) {
        List<String> months = spend.months().stream().map(SpendMonth::month).toList();
        List<Svg.Line> lines = new ArrayList<>();
        for (ExpenditureCategory category : ExpenditureCategory.values()) {
            int index = category.ordinal();
            if (spend.byCategory().get(index).spendCents() != 0) {
                lines.add(new Svg.Line(label(JsonNames.of(category)), spend.months().stream()
                        .map(month -> (double) month.byCategory().get(index).spendCents()).toList(), false));
            }
        }
        lines.add(new Svg.Line("All spend", spend.months().stream().map(month -> (double) month.spendCents()).toList(), false));
        if (spend.budgetCents() != null) {
            lines.add(new Svg.Line("Budget", spend.months().stream().map(month -> (double) month.budgetCents()).toList(), true));
        }
        String spendChart = Svg.lines("spend-chart", "Cumulative spend by category against the budget, by month", months, lines,
                ReportFormat::eurosShort);
        String earningsChart = Svg.lines("earnings-chart", "Cumulative gross wages against cumulative spend, by month",
                earnings.months().stream().map(EarningsMonth::month).toList(),
                List.of(new Svg.Line("Gross wages", earnings.months().stream().map(month -> (double) month.cumulativeWagesCents()).toList(), false),
                        new Svg.Line("Spend", earnings.months().stream().map(month -> (double) month.cumulativeSpendCents()).toList(), false)),
                ReportFormat::eurosShort);
        List<Row> categories = new ArrayList<>();
        for (CategorySpend category : spend.byCategory()) {
            categories.add(new Row(List.of(label(JsonNames.of(category.category())), euros(category.spendCents())), false));
        }
        categories.add(new Row(List.of("All spend", euros(spend.spendToDateCents())), true));
        List<Row> monthly = new ArrayList<>();
        for (int i = 0; i < spend.months().size(); i++) {
            SpendMonth month = spend.months().get(i);
            EarningsMonth earned = i < earnings.months().size() ? earnings.months().get(i) : null;
            monthly.add(new Row(List.of(month.month(), euros(month.budgetCents()), euros(month.spendCents()),
                    earned == null ? ReportFormat.NONE : euros(earned.cumulativeWagesCents())), false));
        }
        return new Section("money", "Spend against the budget, and what participants earned", "The programme's spending by category "
                + "over time against its budget, and the gross wages participants earned against that spending.",
                List.of(new Figure("money-spend", "Spend to date", euros(spend.spendToDateCents()), null),
                        new Figure("money-budget", "Budget", absentOr(euros(spend.budgetCents()), spend.budgetAbsentReason()), null),
                        new Figure("money-wages", "Gross wages earned", euros(earnings.grossWagesCents()),
                                number(earnings.daysInWork()) + " days in work"),
                        new Figure("money-wages-per-euro", "Wages per euro spent", absentOr(ReportFormat.perEuro(earnings.wagesPerEuroSpent()),
                                earnings.wagesPerEuroSpentAbsentReason()), null)),
                List.of(new Chart(spendChart, "Cumulative spend per category at each month's end"
                                + (spend.budgetCents() == null ? "; no budget line: budget is programme-wide" : ", and the budget allocated (dashed)")),
                        new Chart(earningsChart, "Cumulative gross wages and cumulative spend at each month's end")),
                List.of(new Table("Spend to date by category", List.of("Category", "Spend"), categories),
                        new Table("At each month's end", List.of("Month", "Budget", "Spend", "Gross wages"), monthly)),
                List.of(), List.of());
    }

    private static Section methods(Report.Data data) {
        int threshold = data.suppression().threshold();
        List<Term> terms = List.of(
                new Term("As of", "Only facts whose business date (the day something happened, not the day it was recorded) is on or before "
                        + data.scope().asOf() + " count. Every figure is computed by the code that answers the API's endpoints "
                        + "(/api/v1/metrics and /api/v1/evaluation) for an analyst."),
                new Term("Scope", "A participant belongs to the location where they enrolled and to the pilot phase of their enrolment "
                        + "date. Money is scoped by the booking's location and date: programme-wide bookings count only without a location; "
                        + "budget is allocated per phase to the whole programme, so a location has none."),
                new Term("Enrolled, placed, placement rate", "Enrolled: registered in the pilot. Placed: at least one placement started. "
                        + "Placement rate: placed / enrolled."),
                new Term("Cost per placement", "Spend to date / participants placed, in whole cents, half up; none before the first "
                        + "placement or when no expenditure is attributed to the scope (never zero in its place)."),
                new Term("Spend, budget", "Expenditure booked in scope, with corrections counted from the day they were made; budget "
                        + "allocated on or before the as-of date to the phases in scope."),
                new Term("Gross wages earned", "Over each placement's days in work (from its start up to, not including, its end date, "
                        + "and at most up to the as-of date): hours per week / 7 × hourly wage, with the hours and wage in force on each day."),
                new Term("Wages per euro spent", "Gross wages / spend to date, four decimals; none when nothing is spent in scope."),
                new Term("Time to first job", "Kaplan-Meier over participants with an intake: days from the intake to the first placement "
                        + "start (day 0 for a placement before the intake), censored at the earlier of leaving the pilot and the as-of date. "
                        + "S(t) = the product over event days u ≤ t of (1 − d(u)/n(u)); on one day events count before censorings. Median: "
                        + "the smallest t with S(t) ≤ 50%. Placed within 90 and 180 days: 1 − S(90) and 1 − S(180), none beyond the longest "
                        + "observed time."),
                new Term("Retention", "Kaplan-Meier over placements: days from the start to the end date (the first day out of the job), "
                        + "censored at the as-of date; retention at 4, 13 and 26 weeks is S(28), S(91) and S(182)."),
                new Term("Activities and placement", "Participants with an intake, exposed to an activity if they completed one on or "
                        + "before their first placement start (or the as-of date when not placed); a job fair includes meeting an employer "
                        + "there. Per group the placement rate with its 95% Wilson score interval (z = 1.96). An association, not an effect."),
                new Term("TWV burden", "Outcomes of the requests by the as-of date (granted, refused, withdrawn, else pending). Lead time: "
                        + "UWV's decision date − the request date; median, and the 90th percentile by nearest rank (rank ⌈0.9 n⌉); decided "
                        + "after more than 35 days, the legal term. Waiting before work: the start of a placement on a TWV − that TWV's "
                        + "request date. Wages not earned while waiting (an estimate): waiting days / 7 × hours per week × hourly wage at "
                        + "the start."),
                new Term("Rounding", "Shares to four decimals (shown as percentages with two), medians of days to one decimal, money to "
                        + "whole cents, half up, each once at the end."),
                new Term("Suppression", "Counts from 1 to " + (threshold - 1) + " in a breakdown are shown as \"<" + threshold + "\", and a "
                        + "rate made from such a count is left out, so that no person can be recognised. Totals are exact."));
        return new Section("methods", "Methods", "How every figure in this report is defined.", List.of(), List.of(), List.of(), terms,
                List.of());
    }

    private static Section provenance(List<TopicEvents> provenance, Scope scope) {
        List<Row> rows = new ArrayList<>();
        long total = 0;
        java.time.LocalDate latest = null;
        for (TopicEvents topic : provenance) {
            rows.add(new Row(List.of(topic.topic(), TOPICS.getOrDefault(topic.topic(), ""), number(topic.events()),
                    ReportFormat.date(topic.latest())), false));
            total += topic.events();
            if (topic.latest() != null && (latest == null || topic.latest().isAfter(latest))) {
                latest = topic.latest();
            }
        }
        rows.add(new Row(List.of("All topics", "", number(total), ReportFormat.date(latest)), true));
        return new Section("provenance", "Provenance", "What this report rests on: the events on Werkdesk's topics that the "
                + "projections hold, dated on or before " + scope.asOf() + ", each counted once by its id.",
                List.of(new Figure("events", "Events", number(total), null),
                        new Figure("latest-event", "Latest event date", ReportFormat.date(latest), "business date")),
                List.of(), List.of(new Table("Events per topic", 2, List.of("Topic", "What", "Events", "Latest event date"), rows)),
                List.of(), List.of("The figures of this scope are drawn from these events. The report names no time of its making: the "
                        + "same events and the same request give the same document."));
    }

    private static String suppressionNote(Report.Data data) {
        int threshold = data.suppression().threshold();
        return "Counts from 1 to " + (threshold - 1) + " are shown as \"<" + threshold + "\" and the rates made from them are left out, so "
                + "that no person can be recognised; totals are exact.";
    }

    private static Svg.StepSeries curve(String name, List<Step> steps) {
        List<Svg.Point> points = new ArrayList<>();
        List<Svg.Point> censored = new ArrayList<>();
        for (Step step : steps) {
            Svg.Point point = new Svg.Point(step.day(), step.survival().doubleValue());
            points.add(point);
            if (!"0".equals(step.censored().text())) {
                censored.add(point);
            }
        }
        return new Svg.StepSeries(name, points, censored);
    }

    private static String phase(Phases.Phase phase) {
        return "Phase " + phase.number() + " (from " + phase.startsOn() + (phase.endsOn() == null ? "" : " to " + phase.endsOn()) + ")";
    }

    private static String absentOr(String value, AbsentReason reason) {
        if (reason == null) {
            return value;
        }
        return switch (reason) {
            case PROGRAMME_WIDE -> "none: programme-wide";
            case NO_PARTICIPANTS_PLACED -> "none: nobody placed yet";
            case NO_EXPENDITURE_ATTRIBUTED -> "none: no expenditure attributed";
        };
    }

    /** A count to draw: none when suppressed. */
    private static Double value(Count count) {
        return count.suppressed() ? null : Double.valueOf(count.text());
    }

    private static Double value(BigDecimal decimal) {
        return decimal == null ? null : decimal.doubleValue();
    }

    /** A JSON name as words: relocated-by-coa as Relocated by COA. */
    static String label(String name) {
        String words = name.replace('-', ' ').replace("coa", "COA").replace("cv ", "CV ").replace("twv", "TWV");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
