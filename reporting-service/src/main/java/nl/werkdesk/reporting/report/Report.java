package nl.werkdesk.reporting.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.evaluation.Evaluation;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroups;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Earnings;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.PlacementRetention;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Spend;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TimeToFirstPlacement;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TwvBurden;
import nl.werkdesk.reporting.metrics.Metrics;
import nl.werkdesk.reporting.metrics.MetricsQueries;
import nl.werkdesk.reporting.metrics.MetricsQueries.TopicEvents;
import nl.werkdesk.reporting.metrics.MetricsResponses.Funnel;
import nl.werkdesk.reporting.metrics.MetricsResponses.LocationFigures;
import nl.werkdesk.reporting.metrics.MetricsResponses.PlacementsByLocation;
import nl.werkdesk.reporting.metrics.MetricsResponses.Summary;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.metrics.Suppression;

/**
 * The pilot-end report's figures for a scope as of a date: every one of them from the metrics and the evaluation, computed by
 * the code that answers their endpoints, for an analyst (small counts suppressed); and the provenance. One query after the
 * other, in the caller's session.
 */
@ApplicationScoped
public class Report {

    /** The placements by location of one phase (null: every phase). */
    public record PhaseLocations(Integer phase, PlacementsByLocation figures) {
    }

    /** The time to first placement of one enrolment location. */
    public record LocationCurve(String location, TimeToFirstPlacement figure) {
    }

    public record Data(Scope scope, Suppression suppression, Summary summary, Funnel funnel, List<PhaseLocations> byLocationAndPhase,
                       TimeToFirstPlacement timeToFirstPlacement, List<LocationCurve> byLocation, PlacementRetention retention,
                       ActivityGroups activities, TwvBurden twvBurden, Earnings earnings, Spend spend, List<TopicEvents> provenance) {
    }

    private final Metrics metrics;
    private final MetricsQueries queries;
    private final Evaluation evaluation;
    private final Phases phases;

    Report(Metrics metrics, MetricsQueries queries, Evaluation evaluation, Phases phases) {
        this.metrics = metrics;
        this.queries = queries;
        this.evaluation = evaluation;
        this.phases = phases;
    }

    public Uni<Data> gather(Scope scope) {
        Suppression suppression = metrics.suppression(true);
        List<Integer> phaseNumbers = scope.phase() != null ? List.of(scope.phase()) : phases.all().stream().map(Phases.Phase::number).toList();
        Parts parts = new Parts();
        // One after the other: the queries share the request's session, which runs one at a time.
        return metrics.summary(scope, suppression).invoke(summary -> parts.summary = summary)
                .chain(() -> metrics.funnel(scope, suppression)).invoke(funnel -> parts.funnel = funnel)
                .chain(() -> byPhase(scope, phaseNumbers, suppression)).invoke(byPhase -> parts.byPhase = byPhase)
                .chain(() -> evaluation.timeToFirstPlacement(scope, suppression)).invoke(figure -> parts.firstJob = figure)
                .chain(() -> byLocation(scope, parts.byPhase.get(parts.byPhase.size() - 1).figures(), suppression))
                .invoke(curves -> parts.curves = curves)
                .chain(() -> evaluation.placementRetention(scope, suppression)).invoke(figure -> parts.retention = figure)
                .chain(() -> evaluation.activities(scope, suppression)).invoke(figure -> parts.activities = figure)
                .chain(() -> evaluation.twvBurden(scope, suppression)).invoke(figure -> parts.twv = figure)
                .chain(() -> evaluation.earnings(scope, suppression)).invoke(figure -> parts.earnings = figure)
                .chain(() -> evaluation.spend(scope, suppression)).invoke(figure -> parts.spend = figure)
                .chain(() -> queries.provenance(scope.asOf()))
                .map(provenance -> new Data(scope, suppression, parts.summary, parts.funnel, parts.byPhase, parts.firstJob, parts.curves,
                        parts.retention, parts.activities, parts.twv, parts.earnings, parts.spend, provenance));
    }

    /** The figures as they come in. */
    private static final class Parts {
        Summary summary;
        Funnel funnel;
        List<PhaseLocations> byPhase;
        TimeToFirstPlacement firstJob;
        List<LocationCurve> curves;
        PlacementRetention retention;
        ActivityGroups activities;
        TwvBurden twv;
        Earnings earnings;
        Spend spend;
    }

    /** Per phase, then every phase together (the last one, phase null). */
    private Uni<List<PhaseLocations>> byPhase(Scope scope, List<Integer> phaseNumbers, Suppression suppression) {
        Uni<List<PhaseLocations>> all = Uni.createFrom().item(new ArrayList<>());
        for (Integer phase : phaseNumbers) {
            Scope ofPhase = Scope.of(scope.location(), phase, scope.from(), scope.to(), scope.asOf(), phases);
            all = all.chain(list -> metrics.placementsByLocation(ofPhase, suppression).map(figures -> {
                list.add(new PhaseLocations(phase, figures));
                return list;
            }));
        }
        if (scope.phase() != null) {
            return all;
        }
        return all.chain(list -> metrics.placementsByLocation(scope, suppression).map(figures -> {
            list.add(new PhaseLocations(null, figures));
            return list;
        }));
    }

    /** The curve of each location enrolled in scope, in the order of the locations; none when the scope is one location. */
    private Uni<List<LocationCurve>> byLocation(Scope scope, PlacementsByLocation locations, Suppression suppression) {
        Uni<List<LocationCurve>> all = Uni.createFrom().item(new ArrayList<>());
        if (scope.location() != null) {
            return all;
        }
        for (LocationFigures location : locations.locations()) {
            Scope at = Scope.of(location.location(), scope.phase(), scope.from(), scope.to(), scope.asOf(), phases);
            all = all.chain(list -> evaluation.timeToFirstPlacement(at, suppression).map(figure -> {
                list.add(new LocationCurve(location.location(), figure));
                return list;
            }));
        }
        return all;
    }
}
