package nl.werkdesk.reporting.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.werkdesk.contracts.Sector;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the metrics API answers. Aggregates only: never a participant id or personal data. */
public final class MetricsResponses {

    private MetricsResponses() {
    }

    @Schema(name = "MetricsScope", description = "The scope the figures are about, as asked (absent filters: everything)")
    public record ScopeResponse(
            @Schema(nullable = true, description = "Enrolment location of the participants; bookings at that location") String location,
            @Schema(nullable = true, description = "Pilot phase of the enrolment date") Integer phase,
            @Schema(nullable = true, description = "Enrolments (and bookings) from this date") LocalDate from,
            @Schema(nullable = true, description = "Enrolments (and bookings) until this date") LocalDate to,
            @Schema(description = "Only facts whose business date is on or before this date count") LocalDate asOf,
            @Schema(description = "True when counts from 1 to the threshold are suppressed in breakdowns (analysts)") boolean suppressed) {

        static ScopeResponse of(Scope scope, Suppression suppression) {
            return new ScopeResponse(scope.location(), scope.phase(), scope.from(), scope.to(), scope.asOf(), suppression.applies());
        }
    }

    @Schema(name = "MetricsSummary", description = "The headline figures of a scope, as of a date. Totals: never suppressed.")
    public record Summary(
            ScopeResponse scope,
            @Schema(description = "Participants enrolled") long enrolled,
            @Schema(description = "Participants whose intake was completed") long intakesCompleted,
            @Schema(description = "Participants with at least one activity: application training, CV help, a job fair or meeting an employer there")
            long participantsWithActivity,
            @Schema(description = "TWVs requested") long twvsRequested,
            @Schema(description = "TWVs granted by UWV") long twvsGranted,
            @Schema(description = "TWVs refused by UWV") long twvsRefused,
            @Schema(nullable = true, description = "Median days from request to UWV's decision (granted or refused); null without decisions")
            BigDecimal medianTwvLeadTimeDays,
            @Schema(description = "Participants with at least one placement started") long participantsPlaced,
            @Schema(nullable = true, description = "participantsPlaced / enrolled, a fraction with four decimals; null without enrolments")
            BigDecimal placementRate,
            @Schema(description = "Placements started and not (yet) ended") long activePlacements,
            @Schema(description = "Placements that lasted 26 weeks") long sustainedPlacements,
            @Schema(description = "Placements that ended because COA relocated the participant") long placementsEndedByCoaRelocation,
            @Schema(nullable = true, description = "Median days from the intake to the participant's first placement; null without placements after an intake")
            BigDecimal medianDaysFromIntakeToFirstPlacement,
            @Schema(description = "Budget allocated to the phases of the scope, in euro cents. Null in a location scope: budget is "
                    + "programme-wide (budgetAbsentReason says so)", nullable = true)
            Long budgetCents,
            @Schema(description = "Why budgetCents is null: programme-wide in a location scope; null when budgetCents is given",
                    nullable = true)
            AbsentReason budgetAbsentReason,
            @Schema(description = "Expenditure booked in scope, after corrections made on or before asOf, in euro cents")
            long spendToDateCents,
            @Schema(description = "spendToDateCents / participantsPlaced, rounded half up to whole cents. Null, with "
                    + "costPerPlacementAbsentReason, before the first placement or when no expenditure is attributed to the scope "
                    + "(a location where nothing was booked): never zero in their place", nullable = true)
            Long costPerPlacementCents,
            @Schema(description = "Why costPerPlacementCents is null: no-participants-placed or no-expenditure-attributed; null "
                    + "when costPerPlacementCents is given", nullable = true)
            AbsentReason costPerPlacementAbsentReason) {
    }

    @Schema(name = "MetricsFunnel", description = "Participants of the scope at each stage of the journey, as of a date. Totals: never suppressed.")
    public record Funnel(ScopeResponse scope, List<FunnelStage> stages) {
    }

    @Schema(name = "FunnelStage")
    public record FunnelStage(
            @Schema(enumeration = {"enrolled", "intake", "activity", "twv-requested", "twv-granted", "placed", "sustained"})
            String stage,
            @Schema(description = "Participants who reached this stage") long participants,
            @Schema(nullable = true, description = "participants / enrolled, four decimals; null without enrolments") BigDecimal shareOfEnrolled) {
    }

    @Schema(name = "PlacementsBySector", description = "Placements started, by the employer's sector, as of a date")
    public record PlacementsBySector(ScopeResponse scope, List<SectorPlacements> sectors,
                                     @Schema(description = "All placements started in scope: exact") long total) {
    }

    @Schema(name = "SectorPlacements")
    public record SectorPlacements(Sector sector, Count placements) {
    }

    @Schema(name = "PlacementsByLocation", description = "Enrolments and placements by enrolment location, as of a date")
    public record PlacementsByLocation(ScopeResponse scope, List<LocationFigures> locations,
                                       @Schema(description = "All locations together: exact") LocationFigures total) {
    }

    @Schema(name = "LocationFigures")
    public record LocationFigures(
            @Schema(nullable = true, description = "Enrolment location; null in the total") String location,
            Count enrolled,
            Count participantsPlaced,
            @Schema(nullable = true, description = "participantsPlaced / enrolled, four decimals; null when either count is suppressed or nobody enrolled")
            BigDecimal placementRate,
            @Schema(description = "Placements started") Count placements,
            Count activePlacements) {
    }

    @Schema(name = "MonthlySeries", description = "The scope month by month: stocks at each month's end (or asOf), spend within the month")
    public record MonthlySeries(ScopeResponse scope, List<MonthFigures> months) {
    }

    @Schema(name = "MonthFigures")
    public record MonthFigures(
            @Schema(description = "The month, yyyy-mm", examples = "2025-10", pattern = "^[0-9]{4}-[0-9]{2}$") String month,
            @Schema(description = "Participants enrolled by the month's end") Count enrolled,
            @Schema(description = "Participants placed by the month's end") Count participantsPlaced,
            @Schema(nullable = true, description = "participantsPlaced / enrolled at the month's end; null when either count is suppressed")
            BigDecimal placementRate,
            @Schema(description = "Placements active at the month's end") Count activePlacements,
            @Schema(description = "Expenditure booked within the month, after corrections made on or before asOf, in euro cents")
            long spendCents) {
    }

    @Schema(name = "MetricsFilters", description = "The values the metrics can be filtered by")
    public record Filters(
            @Schema(description = "Locations where participants enrolled") List<String> locations,
            List<PhaseResponse> phases,
            @Schema(description = "Counts from 1 below this number are suppressed for analysts in breakdowns") int suppressionThreshold) {
    }

    @Schema(name = "Phase")
    public record PhaseResponse(int number, LocalDate startsOn, @Schema(nullable = true, description = "Null while the phase runs") LocalDate endsOn) {
    }
}
