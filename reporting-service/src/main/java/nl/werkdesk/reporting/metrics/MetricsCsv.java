package nl.werkdesk.reporting.metrics;

import nl.werkdesk.reporting.metrics.MetricsResponses.Funnel;
import nl.werkdesk.reporting.metrics.MetricsResponses.MonthlySeries;
import nl.werkdesk.reporting.metrics.MetricsResponses.PlacementsByLocation;
import nl.werkdesk.reporting.metrics.MetricsResponses.PlacementsBySector;
import nl.werkdesk.reporting.metrics.MetricsResponses.Summary;
import nl.werkdesk.reporting.view.JsonNames;

/** Each metric as a table for a spreadsheet (see {@link Csv} for the dialect); column names as in the JSON. */
public final class MetricsCsv {

    private MetricsCsv() {
    }

    /** One row per figure: metric;value. */
    public static String of(Summary summary) {
        return Csv.withHeader("metric", "value")
                .row("enrolled", summary.enrolled())
                .row("intakesCompleted", summary.intakesCompleted())
                .row("participantsWithActivity", summary.participantsWithActivity())
                .row("twvsRequested", summary.twvsRequested())
                .row("twvsGranted", summary.twvsGranted())
                .row("twvsRefused", summary.twvsRefused())
                .row("medianTwvLeadTimeDays", summary.medianTwvLeadTimeDays())
                .row("participantsPlaced", summary.participantsPlaced())
                .row("placementRate", summary.placementRate())
                .row("activePlacements", summary.activePlacements())
                .row("sustainedPlacements", summary.sustainedPlacements())
                .row("placementsEndedByCoaRelocation", summary.placementsEndedByCoaRelocation())
                .row("medianDaysFromIntakeToFirstPlacement", summary.medianDaysFromIntakeToFirstPlacement())
                .row("budgetCents", summary.budgetCents())
                .row("budgetAbsentReason", JsonNames.of(summary.budgetAbsentReason()))
                .row("spendToDateCents", summary.spendToDateCents())
                .row("costPerPlacementCents", summary.costPerPlacementCents())
                .row("costPerPlacementAbsentReason", JsonNames.of(summary.costPerPlacementAbsentReason()))
                .toString();
    }

    public static String of(Funnel funnel) {
        Csv csv = Csv.withHeader("stage", "participants", "shareOfEnrolled");
        funnel.stages().forEach(stage -> csv.row(stage.stage(), stage.participants(), stage.shareOfEnrolled()));
        return csv.toString();
    }

    public static String of(PlacementsBySector bySector) {
        Csv csv = Csv.withHeader("sector", "placements");
        bySector.sectors().forEach(sector -> csv.row(JsonNames.of(sector.sector()), sector.placements()));
        return csv.row("total", bySector.total()).toString();
    }

    public static String of(PlacementsByLocation byLocation) {
        Csv csv = Csv.withHeader("location", "enrolled", "participantsPlaced", "placementRate", "placements", "activePlacements");
        byLocation.locations().forEach(row -> csv.row(row.location(), row.enrolled(), row.participantsPlaced(), row.placementRate(),
                row.placements(), row.activePlacements()));
        var total = byLocation.total();
        return csv.row("total", total.enrolled(), total.participantsPlaced(), total.placementRate(), total.placements(),
                total.activePlacements()).toString();
    }

    public static String of(MonthlySeries series) {
        Csv csv = Csv.withHeader("month", "enrolled", "participantsPlaced", "placementRate", "activePlacements", "spendCents");
        series.months().forEach(month -> csv.row(month.month(), month.enrolled(), month.participantsPlaced(), month.placementRate(),
                month.activePlacements(), month.spendCents()));
        return csv.toString();
    }
}
