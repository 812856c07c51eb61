package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.evaluation.EvaluationFacts.days;
import static nl.werkdesk.reporting.evaluation.EvaluationFacts.onOrBefore;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Participant;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EvaluationScope;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.KaplanMeierFigure;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.LeavingReasonCount;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Share;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Step;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TimeToFirstPlacement;
import nl.werkdesk.reporting.metrics.ScopeCounts;
import nl.werkdesk.reporting.metrics.Suppression;
import nl.werkdesk.reporting.view.JsonNames;

/**
 * Time to first placement (Kaplan-Meier), as domain.md defines it: from the participants' facts, or from the day counts
 * survival_contributions keeps of them (V2026_12_07_20), both reduced to the curve's counts per day and the leavers by reason.
 */
public final class TimeToFirstPlacementFigure {

    static final int EARLY_DAY = 90;
    static final int LATE_DAY = 180;

    /** Placed: value = the day of the first placement. */
    static final String PLACED = "ttfp:placed";
    /** Left before a placement, censored then: value = the day of leaving. */
    static final String LEFT = "ttfp:left";
    /** Left before a placement, per reason ("ttfp:left:" and its JSON name): value 0. */
    static final String LEFT_FOR = "ttfp:left:";
    /** Neither placed nor left, censored at asOf: value = the intake date as an epoch day. */
    static final String WAITING = "ttfp:waiting";
    static final List<String> KINDS = Stream.concat(Stream.of(PLACED, LEFT, WAITING),
            Arrays.stream(LeaveReason.values()).map(reason -> LEFT_FOR + JsonNames.of(reason))).toList();

    private TimeToFirstPlacementFigure() {
    }

    public static TimeToFirstPlacement compute(List<Participant> participants, LocalDate asOf, Suppression suppression, EvaluationScope scope) {
        KaplanMeier.Counts curve = new KaplanMeier.Counts();
        long censoredAtLeaving = 0;
        Map<String, Long> leftByReason = new TreeMap<>();
        for (Participant participant : participants) {
            if (!onOrBefore(participant.intakeOn(), asOf)) {
                continue;
            }
            if (onOrBefore(participant.firstPlacementOn(), asOf)) {
                // A placement that started before the intake counts as day 0.
                curve.add(Math.max(0, days(participant.intakeOn(), participant.firstPlacementOn())), true, 1);
                continue;
            }
            boolean left = onOrBefore(participant.leftOn(), asOf);
            LocalDate censoredOn = left ? participant.leftOn() : asOf;
            curve.add(Math.max(0, days(participant.intakeOn(), censoredOn)), false, 1);
            if (left) {
                censoredAtLeaving++;
                leftByReason.merge(participant.leftReason(), 1L, Long::sum);
            }
        }
        return of(curve.curve(), censoredAtLeaving, leftByReason, suppression, scope);
    }

    /** The figure from the scope's counts of {@link #KINDS} as of asOf. */
    public static TimeToFirstPlacement compute(ScopeCounts counts, LocalDate asOf, Suppression suppression, EvaluationScope scope) {
        KaplanMeier.Counts curve = new KaplanMeier.Counts();
        histogram(counts, PLACED).forEach((day, n) -> curve.add(day, true, n));
        histogram(counts, LEFT).forEach((day, n) -> curve.add(day, false, n));
        histogram(counts, WAITING).forEach((intake, n) -> curve.add(Math.toIntExact(asOf.toEpochDay() - intake), false, n));
        Map<String, Long> leftByReason = new TreeMap<>();
        for (LeaveReason reason : LeaveReason.values()) {
            leftByReason.put(JsonNames.of(reason), counts.count(LEFT_FOR + JsonNames.of(reason)));
        }
        return of(curve.curve(), counts.count(LEFT), leftByReason, suppression, scope);
    }

    private static Map<Integer, Long> histogram(ScopeCounts counts, String kind) {
        return counts.byKind().getOrDefault(kind, new TreeMap<>());
    }

    private static TimeToFirstPlacement of(KaplanMeier curve, long censoredAtLeaving, Map<String, Long> leftByReason,
                                           Suppression suppression, EvaluationScope scope) {
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
