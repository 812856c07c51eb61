package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.evaluation.EvaluationFacts.days;
import static nl.werkdesk.reporting.evaluation.EvaluationFacts.onOrBefore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Placement;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EndReasonCount;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EvaluationScope;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.KaplanMeierFigure;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.PlacementRetention;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Step;
import nl.werkdesk.reporting.metrics.Suppression;
import nl.werkdesk.reporting.view.JsonNames;

/** Placement retention (Kaplan-Meier), as domain.md defines it. */
public final class PlacementRetentionFigure {

    static final int FOUR_WEEKS = 28;
    static final int THIRTEEN_WEEKS = 91;
    static final int TWENTY_SIX_WEEKS = 182;

    private PlacementRetentionFigure() {
    }

    public static PlacementRetention compute(List<Placement> placements, LocalDate asOf, Suppression suppression, EvaluationScope scope) {
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        Map<String, Long> endsByReason = new HashMap<>();
        for (Placement placement : placements) {
            if (!onOrBefore(placement.startedOn(), asOf)) {
                continue;
            }
            if (onOrBefore(placement.endedOn(), asOf)) {
                observations.add(new KaplanMeier.Observation(days(placement.startedOn(), placement.endedOn()), true));
                endsByReason.merge(placement.endReason(), 1L, Long::sum);
            } else {
                observations.add(new KaplanMeier.Observation(days(placement.startedOn(), asOf), false));
            }
        }
        KaplanMeier curve = KaplanMeier.of(observations);
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
