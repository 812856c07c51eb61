package nl.werkdesk.reporting.evaluation;

import java.util.Arrays;
import java.util.List;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroups;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Earnings;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.KaplanMeierFigure;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.LeadTimes;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.PlacementRetention;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Spend;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Step;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TimeToFirstPlacement;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TwvBurden;
import nl.werkdesk.reporting.metrics.Csv;
import nl.werkdesk.reporting.view.JsonNames;

/**
 * Each evaluation figure for a spreadsheet, in the metrics' dialect ({@link Csv}): first its single figures as
 * figure;value rows, then each of its tables after an empty line, with a header row of its own. Names as in the JSON;
 * the counts a share rests on follow it as figure.count and figure.of (or .events, .censored, .observed).
 */
public final class EvaluationCsv {

    private EvaluationCsv() {
    }

    public static String of(TimeToFirstPlacement figure) {
        Csv csv = Csv.withHeader("figure", "value")
                .row("participants", figure.participants())
                .row("placed", figure.placed())
                .row("censoredAtLeaving", figure.censoredAtLeaving())
                .row("censoredAtAsOf", figure.censoredAtAsOf())
                .row("medianDays", figure.medianDays());
        kaplanMeier(csv, "placedWithin90Days", figure.placedWithin90Days());
        kaplanMeier(csv, "placedWithin180Days", figure.placedWithin180Days());
        csv.row("placedSoFar", figure.placedSoFar().share())
                .row("placedSoFar.count", figure.placedSoFar().count())
                .row("placedSoFar.of", figure.placedSoFar().of());
        csv.table("leftBeforePlacement.reason", "participants");
        figure.leftBeforePlacement().forEach(row -> csv.row(JsonNames.of(row.reason()), row.participants()));
        steps(csv, figure.steps());
        return csv.toString();
    }

    public static String of(PlacementRetention figure) {
        Csv csv = Csv.withHeader("figure", "value")
                .row("placements", figure.placements())
                .row("ended", figure.ended())
                .row("censored", figure.censored());
        kaplanMeier(csv, "retainedAt4Weeks", figure.retainedAt4Weeks());
        kaplanMeier(csv, "retainedAt13Weeks", figure.retainedAt13Weeks());
        kaplanMeier(csv, "retainedAt26Weeks", figure.retainedAt26Weeks());
        csv.table("endsByReason.reason", "placements");
        figure.endsByReason().forEach(row -> csv.row(JsonNames.of(row.reason()), row.placements()));
        steps(csv, figure.steps());
        return csv.toString();
    }

    public static String of(ActivityGroups figure) {
        Csv csv = Csv.withHeader("figure", "value")
                .row("interpretation", figure.interpretation())
                .row("participants", figure.participants())
                .row("placed", figure.placed())
                .row("confidenceLevel", figure.confidenceLevel())
                .row("z", figure.z());
        csv.table("group", "participants", "placed", "rate", "intervalLower", "intervalUpper");
        figure.groups().forEach(group -> csv.row(group.group(), group.participants(), group.placed(), group.rate(), group.intervalLower(),
                group.intervalUpper()));
        return csv.toString();
    }

    public static String of(TwvBurden figure) {
        Csv csv = Csv.withHeader("figure", "value")
                .row("requests", figure.requests())
                .row("waitingBeforeWork.placements", figure.waitingBeforeWork().placements())
                .row("waitingBeforeWork.totalDays", figure.waitingBeforeWork().totalDays())
                .row("waitingBeforeWork.medianDays", figure.waitingBeforeWork().medianDays())
                .row("wagesNotEarnedWhileWaitingCents", figure.wagesNotEarnedWhileWaitingCents())
                .row("notPlacedAfterRefusalOrWithdrawal", figure.notPlacedAfterRefusalOrWithdrawal().share())
                .row("notPlacedAfterRefusalOrWithdrawal.count", figure.notPlacedAfterRefusalOrWithdrawal().count())
                .row("notPlacedAfterRefusalOrWithdrawal.of", figure.notPlacedAfterRefusalOrWithdrawal().of());
        csv.table("outcome", "requests");
        figure.outcomes().forEach(outcome -> csv.row(outcome.outcome(), outcome.requests()));
        csv.table("pendingClosedWithoutDecision", "requests");
        figure.pendingClosedWithoutDecision().forEach(closure -> csv.row(closure.outcome(), closure.requests()));
        csv.table("leadTime", "decisions", "medianDays", "p90Days", "decidedAfter35Days", "shareDecidedAfter35Days");
        leadTimes(csv, "total", figure.leadTime());
        leadTimes(csv, "with-intermediary", figure.leadTimeWithIntermediary());
        leadTimes(csv, "without-intermediary", figure.leadTimeWithoutIntermediary());
        csv.table("leadTimeFromDays", "leadTimeToDays", "withIntermediary", "withoutIntermediary");
        figure.leadTimeByWeek().forEach(week -> csv.row(week.fromDays(), week.toDays(), week.withIntermediary(), week.withoutIntermediary()));
        return csv.toString();
    }

    public static String of(Earnings figure) {
        Csv csv = Csv.withHeader("figure", "value")
                .row("placements", figure.placements())
                .row("daysInWork", figure.daysInWork())
                .row("hoursWorked", figure.hoursWorked())
                .row("grossWagesCents", figure.grossWagesCents())
                .row("spendToDateCents", figure.spendToDateCents())
                .row("wagesPerEuroSpent", figure.wagesPerEuroSpent())
                .row("wagesPerEuroSpentAbsentReason", JsonNames.of(figure.wagesPerEuroSpentAbsentReason()));
        csv.table("month", "through", "cumulativeWagesCents", "cumulativeSpendCents");
        figure.months().forEach(month -> csv.row(month.month(), month.through(), month.cumulativeWagesCents(), month.cumulativeSpendCents()));
        return csv.toString();
    }

    public static String of(Spend figure) {
        Csv csv = Csv.withHeader("figure", "value")
                .row("budgetCents", figure.budgetCents())
                .row("budgetAbsentReason", JsonNames.of(figure.budgetAbsentReason()))
                .row("spendToDateCents", figure.spendToDateCents());
        csv.table("category", "spendCents");
        figure.byCategory().forEach(category -> csv.row(JsonNames.of(category.category()), category.spendCents()));
        List<String> header = new java.util.ArrayList<>(List.of("month", "through", "budgetCents", "spendCents"));
        Arrays.stream(ExpenditureCategory.values()).forEach(category -> header.add(JsonNames.of(category) + ".spendCents"));
        csv.table(header.toArray(String[]::new));
        figure.months().forEach(month -> {
            List<Object> cells = new java.util.ArrayList<>(List.of(month.month(), month.through()));
            cells.add(month.budgetCents());
            cells.add(month.spendCents());
            month.byCategory().forEach(category -> cells.add(category.spendCents()));
            csv.row(cells.toArray());
        });
        return csv.toString();
    }

    private static void kaplanMeier(Csv csv, String name, KaplanMeierFigure figure) {
        csv.row(name, figure.value())
                .row(name + ".events", figure.events())
                .row(name + ".censored", figure.censored())
                .row(name + ".observed", figure.observed());
    }

    private static void steps(Csv csv, List<Step> steps) {
        csv.table("day", "atRisk", "events", "censored", "survival");
        steps.forEach(step -> csv.row(step.day(), step.atRisk(), step.events(), step.censored(), step.survival()));
    }

    private static void leadTimes(Csv csv, String name, LeadTimes leadTimes) {
        csv.row(name, leadTimes.decisions(), leadTimes.medianDays(), leadTimes.p90Days(), leadTimes.decidedAfter35Days(),
                leadTimes.shareDecidedAfter35Days());
    }
}
