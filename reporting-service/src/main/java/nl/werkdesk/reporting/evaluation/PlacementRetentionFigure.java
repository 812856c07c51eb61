package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.evaluation.EvaluationFacts.days;
import static nl.werkdesk.reporting.evaluation.EvaluationFacts.onOrBefore;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Placement;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EndReasonCount;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EvaluationScope;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.KaplanMeierFigure;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.PlacementRetention;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Step;
import nl.werkdesk.reporting.metrics.ScopeCounts;
import nl.werkdesk.reporting.metrics.Suppression;
import nl.werkdesk.reporting.view.JsonNames;

/**
 * Placement retention (Kaplan-Meier), as domain.md defines it: from the placements' facts, or from the day counts
 * survival_contributions keeps of them (V2026_12_07_20), both reduced to the curve's counts per day and the ends by reason.
 */
public final class PlacementRetentionFigure {

    static final int FOUR_WEEKS = 28;
    static final int THIRTEEN_WEEKS = 91;
    static final int TWENTY_SIX_WEEKS = 182;

    /** Ended: value = the days from the start to the end. */
    static final String ENDED = "retention:ended";
    /** Ended, per reason ("retention:ended:" and its JSON name): value 0. */
    static final String ENDED_FOR = "retention:ended:";
    /** Not ended, censored at asOf: value = the start date as an epoch day. */
    static final String RUNNING = "retention:running";
    static final List<String> KINDS = Stream.concat(Stream.of(ENDED, RUNNING),
            Arrays.stream(EndReason.values()).map(reason -> ENDED_FOR + JsonNames.of(reason))).toList();

    private PlacementRetentionFigure() {
    }

    public static PlacementRetention compute(List<Placement> placements, LocalDate asOf, Suppression suppression, EvaluationScope scope) {
        KaplanMeier.Counts curve = new KaplanMeier.Counts();
        Map<String, Long> endsByReason = new HashMap<>();
        for (Placement placement : placements) {
            if (!onOrBefore(placement.startedOn(), asOf)) {
                continue;
            }
            if (onOrBefore(placement.endedOn(), asOf)) {
                curve.add(days(placement.startedOn(), placement.endedOn()), true, 1);
                endsByReason.merge(placement.endReason(), 1L, Long::sum);
            } else {
                curve.add(days(placement.startedOn(), asOf), false, 1);
            }
        }
        return of(curve.curve(), endsByReason, suppression, scope);
    }

    /** The figure from the scope's counts of {@link #KINDS} as of asOf. */
    public static PlacementRetention compute(ScopeCounts counts, LocalDate asOf, Suppression suppression, EvaluationScope scope) {
        KaplanMeier.Counts curve = new KaplanMeier.Counts();
        counts.byKind().getOrDefault(ENDED, new TreeMap<>()).forEach((day, n) -> curve.add(day, true, n));
        counts.byKind().getOrDefault(RUNNING, new TreeMap<>())
                .forEach((started, n) -> curve.add(Math.toIntExact(asOf.toEpochDay() - started), false, n));
        Map<String, Long> endsByReason = new HashMap<>();
        for (EndReason reason : EndReason.values()) {
            endsByReason.put(JsonNames.of(reason), counts.count(ENDED_FOR + JsonNames.of(reason)));
        }
        return of(curve.curve(), endsByReason, suppression, scope);
    }

    private static PlacementRetention of(KaplanMeier curve, Map<String, Long> endsByReason, Suppression suppression, EvaluationScope scope) {
        List<EndReasonCount> reasons = Arrays.stream(EndReason.values())
                .map(reason -> new EndReasonCount(reason, suppression.count(endsByReason.getOrDefault(JsonNames.of(reason), 0L))))
                .toList();
        return new PlacementRetention(scope, curve.size(), curve.events(), curve.size() - curve.events(), retainedAt(curve, FOUR_WEEKS),
                retainedAt(curve, THIRTEEN_WEEKS), retainedAt(curve, TWENTY_SIX_WEEKS), reasons, Step.of(curve, suppression));
    }

    private static KaplanMeierFigure retainedAt(KaplanMeier curve, int day) {
        return new KaplanMeierFigure(day, curve.survivalAt(day).map(s -> s.rounded(Statistics.SHARE_SCALE)).orElse(null),
                curve.eventsThrough(day), curve.censoredThrough(day), curve.size());
    }
}
