package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.evaluation.EvaluationFacts.days;
import static nl.werkdesk.reporting.evaluation.EvaluationFacts.onOrBefore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Participant;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EvaluationScope;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.KaplanMeierFigure;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.LeavingReasonCount;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Share;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Step;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TimeToFirstPlacement;
import nl.werkdesk.reporting.metrics.Suppression;
import nl.werkdesk.reporting.view.JsonNames;

/** Time to first placement (Kaplan-Meier), as domain.md defines it. */
public final class TimeToFirstPlacementFigure {

    static final int EARLY_DAY = 90;
    static final int LATE_DAY = 180;

    private TimeToFirstPlacementFigure() {
    }

    public static TimeToFirstPlacement compute(List<Participant> participants, LocalDate asOf, Suppression suppression, EvaluationScope scope) {
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        long censoredAtLeaving = 0;
        Map<String, Long> leftByReason = new TreeMap<>();
        for (Participant participant : participants) {
            if (!onOrBefore(participant.intakeOn(), asOf)) {
                continue;
            }
            if (onOrBefore(participant.firstPlacementOn(), asOf)) {
                // A placement that started before the intake counts as day 0.
                observations.add(new KaplanMeier.Observation(Math.max(0, days(participant.intakeOn(), participant.firstPlacementOn())), true));
                continue;
            }
            boolean left = onOrBefore(participant.leftOn(), asOf);
            LocalDate censoredOn = left ? participant.leftOn() : asOf;
            observations.add(new KaplanMeier.Observation(Math.max(0, days(participant.intakeOn(), censoredOn)), false));
            if (left) {
                censoredAtLeaving++;
                leftByReason.merge(participant.leftReason(), 1L, Long::sum);
            }
        }
        KaplanMeier curve = KaplanMeier.of(observations);
        long placed = curve.events();
        List<LeavingReasonCount> reasons = Arrays.stream(LeaveReason.values())
                .map(reason -> new LeavingReasonCount(reason, suppression.count(leftByReason.getOrDefault(JsonNames.of(reason), 0L))))
                .toList();
        return new TimeToFirstPlacement(scope, curve.size(), placed, censoredAtLeaving, curve.size() - placed - censoredAtLeaving,
                reasons, curve.median().orElse(null), placedWithin(curve, EARLY_DAY), placedWithin(curve, LATE_DAY),
                Share.of(placed, curve.size()), Step.of(curve, suppression));
    }

    /** 1 - S(day). */
    private static KaplanMeierFigure placedWithin(KaplanMeier curve, int day) {
        return new KaplanMeierFigure(day, curve.survivalAt(day).map(s -> s.complement().rounded(Statistics.SHARE_SCALE)).orElse(null),
                curve.eventsThrough(day), curve.censoredThrough(day), curve.size());
    }
}
