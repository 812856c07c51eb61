package nl.werkdesk.reporting.metrics;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.eventsourcing.http.InvalidParameter;
import nl.werkdesk.reporting.ReportingModule;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.metrics.MetricsQueries.LocationRow;
import nl.werkdesk.reporting.metrics.MetricsQueries.Money;
import nl.werkdesk.reporting.metrics.MetricsQueries.Totals;
import nl.werkdesk.reporting.metrics.MetricsResponses.Filters;
import nl.werkdesk.reporting.metrics.MetricsResponses.Funnel;
import nl.werkdesk.reporting.metrics.MetricsResponses.FunnelStage;
import nl.werkdesk.reporting.metrics.MetricsResponses.LocationFigures;
import nl.werkdesk.reporting.metrics.MetricsResponses.MonthFigures;
import nl.werkdesk.reporting.metrics.MetricsResponses.MonthlySeries;
import nl.werkdesk.reporting.metrics.MetricsResponses.PhaseResponse;
import nl.werkdesk.reporting.metrics.MetricsResponses.PlacementsByLocation;
import nl.werkdesk.reporting.metrics.MetricsResponses.PlacementsBySector;
import nl.werkdesk.reporting.metrics.MetricsResponses.ScopeResponse;
import nl.werkdesk.reporting.metrics.MetricsResponses.SectorPlacements;
import nl.werkdesk.reporting.metrics.MetricsResponses.Summary;
import nl.werkdesk.reporting.view.JsonNames;

/** The metrics of a scope as responses: queries, derived figures (rates, medians, cost per placement), suppression. */
@ApplicationScoped
public class Metrics {

    private final MetricsQueries queries;
    private final Phases phases;
    private final ReportingModule.Config config;

    Metrics(MetricsQueries queries, Phases phases, ReportingModule.Config config) {
        this.queries = queries;
        this.phases = phases;
        this.config = config;
    }

    public Suppression suppression(boolean analyst) {
        return new Suppression(config.suppressionThreshold(), analyst);
    }

    public Uni<Summary> summary(Scope scope, Suppression suppression) {
        return queries.totals(scope).chain(totals -> queries.money(scope).map(money -> summary(scope, suppression, totals, money)));
    }

    private static Summary summary(Scope scope, Suppression suppression, Totals totals, Money money) {
        // A location has no budget of its own, and no cost per placement unless money was spent there: none, never zero.
        AbsentReason budgetAbsent = scope.location() == null ? null : AbsentReason.PROGRAMME_WIDE;
        AbsentReason costAbsent = totals.placed() == 0 ? AbsentReason.NO_PARTICIPANTS_PLACED
                : money.spendCents() == 0 ? AbsentReason.NO_EXPENDITURE_ATTRIBUTED : null;
        return new Summary(ScopeResponse.of(scope, suppression), totals.enrolled(), totals.intakesCompleted(), totals.withActivity(),
                totals.twvsRequested(), totals.twvsGranted(), totals.twvsRefused(), days(totals.medianTwvLeadTimeDays()),
                totals.placed(), Suppression.rate(totals.placed(), totals.enrolled()), totals.activePlacements(),
                totals.sustainedPlacements(), totals.endedByCoaRelocation(), days(totals.medianDaysIntakeToFirstPlacement()),
                budgetAbsent == null ? money.budgetCents() : null, budgetAbsent, money.spendCents(),
                costAbsent == null ? divideRounded(money.spendCents(), totals.placed()) : null, costAbsent);
    }

    public Uni<Funnel> funnel(Scope scope, Suppression suppression) {
        return queries.funnel(scope).map(counts -> {
            long enrolled = counts.enrolled();
            List<FunnelStage> stages = List.of(
                    stage("enrolled", enrolled, enrolled),
                    stage("intake", counts.intakesCompleted(), enrolled),
                    stage("activity", counts.withActivity(), enrolled),
                    stage("twv-requested", counts.participantsWithTwvRequested(), enrolled),
                    stage("twv-granted", counts.participantsWithTwvGranted(), enrolled),
                    stage("placed", counts.placed(), enrolled),
                    stage("sustained", counts.participantsSustained(), enrolled));
            return new Funnel(ScopeResponse.of(scope, suppression), stages);
        });
    }

    private static FunnelStage stage(String name, long participants, long enrolled) {
        return new FunnelStage(name, participants, Suppression.rate(participants, enrolled));
    }

    public Uni<PlacementsBySector> placementsBySector(Scope scope, Suppression suppression) {
        return queries.placementsBySector(scope).map(counts -> {
            List<SectorPlacements> sectors = new ArrayList<>();
            for (Sector sector : Sector.values()) {
                sectors.add(new SectorPlacements(sector, suppression.count(counts.getOrDefault(JsonNames.of(sector), 0L))));
            }
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return new PlacementsBySector(ScopeResponse.of(scope, suppression), sectors, total);
        });
    }

    public Uni<PlacementsByLocation> placementsByLocation(Scope scope, Suppression suppression) {
        return queries.byLocation(scope).map(rows -> {
            List<LocationFigures> locations = rows.stream().map(row -> figures(row, suppression)).toList();
            LocationRow total = new LocationRow(null, rows.stream().mapToLong(LocationRow::enrolled).sum(),
                    rows.stream().mapToLong(LocationRow::placed).sum(), rows.stream().mapToLong(LocationRow::placements).sum(),
                    rows.stream().mapToLong(LocationRow::activePlacements).sum());
            return new PlacementsByLocation(ScopeResponse.of(scope, suppression), locations, figures(total, new Suppression(0, false)));
        });
    }

    private static LocationFigures figures(LocationRow row, Suppression suppression) {
        Count enrolled = suppression.count(row.enrolled());
        Count placed = suppression.count(row.placed());
        return new LocationFigures(row.location(), enrolled, placed, Suppression.rate(placed, enrolled),
                suppression.count(row.placements()), suppression.count(row.activePlacements()));
    }

    /**
     * Month by month from {@code from} (or the phase's start, or the first enrolment or booking in scope) until
     * {@code to} or asOf, whichever comes first; at most werkdesk.reporting.max-months months.
     */
    public Uni<MonthlySeries> monthly(Scope scope, Suppression suppression) {
        LocalDate end = scope.cohort().to() == null || scope.cohort().to().isAfter(scope.asOf()) ? scope.asOf() : scope.cohort().to();
        YearMonth last = YearMonth.from(end);
        Uni<LocalDate> start = scope.cohort().from() != null ? Uni.createFrom().item(scope.cohort().from()) : queries.firstDate(scope);
        return start.chain(first -> {
            if (first == null || first.isAfter(end)) {
                return Uni.createFrom().item(List.<MetricsQueries.MonthRow>of());
            }
            YearMonth firstMonth = YearMonth.from(first);
            if (ChronoUnit.MONTHS.between(firstMonth, last) >= config.maxMonths()) {
                if (scope.from() != null) {
                    throw new InvalidParameter("from", "starts a series longer than " + config.maxMonths() + " months");
                }
                firstMonth = last.minusMonths(config.maxMonths() - 1L);
            }
            return queries.monthly(scope, firstMonth, last);
        }).map(rows -> new MonthlySeries(ScopeResponse.of(scope, suppression), rows.stream().map(row -> {
            Count enrolled = suppression.count(row.enrolled());
            Count placed = suppression.count(row.placed());
            return new MonthFigures(row.month().toString(), enrolled, placed, Suppression.rate(placed, enrolled),
                    suppression.count(row.activePlacements()), row.spendCents());
        }).toList()));
    }

    public Uni<Filters> filters() {
        return queries.locations().map(locations -> new Filters(locations,
                phases.all().stream().map(phase -> new PhaseResponse(phase.number(), phase.startsOn(), phase.endsOn())).toList(),
                config.suppressionThreshold()));
    }

    /** Rounds half up to whole cents: integer arithmetic, no floating point near money. */
    public static long divideRounded(long amount, long by) {
        return BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(by), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static BigDecimal days(Double median) {
        return median == null ? null : BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP);
    }

    /** Checks a phase number from a request against the configuration. */
    public Integer phase(Integer number) {
        if (number != null && phases.number(number).isEmpty()) {
            throw new InvalidParameter("phase", "must be one of the pilot's phases " + phases.numbers());
        }
        return number;
    }

    public Phases phases() {
        return phases;
    }
}
