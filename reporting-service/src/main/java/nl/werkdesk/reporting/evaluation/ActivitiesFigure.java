package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.evaluation.EvaluationFacts.onOrBefore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Participant;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroup;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroups;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EvaluationScope;
import nl.werkdesk.reporting.metrics.Count;
import nl.werkdesk.reporting.metrics.Suppression;

/** Activities and placement: placement rates per activity group with 95% Wilson intervals, as domain.md defines them. */
public final class ActivitiesFigure {

    public static final String INTERPRETATION = "association, not effect: participants choose their activities";
    static final BigDecimal CONFIDENCE_LEVEL = new BigDecimal("0.95");

    private ActivitiesFigure() {
    }

    /** A participant with the cut-off applied: exposed to each kind or not, and placed by asOf or not. */
    private record Exposure(boolean training, boolean cvHelp, boolean jobFair, boolean placed) {

        boolean any() {
            return training || cvHelp || jobFair;
        }
    }

    public static ActivityGroups compute(List<Participant> participants, LocalDate asOf, Suppression suppression, EvaluationScope scope) {
        List<Exposure> population = participants.stream().filter(p -> onOrBefore(p.intakeOn(), asOf)).map(p -> {
            boolean placed = onOrBefore(p.firstPlacementOn(), asOf);
            LocalDate cutOff = placed ? p.firstPlacementOn() : asOf;
            return new Exposure(onOrBefore(p.applicationTrainingOn(), cutOff), onOrBefore(p.cvHelpOn(), cutOff),
                    onOrBefore(p.jobFairOn(), cutOff), placed);
        }).toList();
        List<ActivityGroup> groups = List.of(
                group("application-training", population, Exposure::training, suppression),
                group("cv-help", population, Exposure::cvHelp, suppression),
                group("job-fair", population, Exposure::jobFair, suppression),
                group("any-activity", population, Exposure::any, suppression),
                group("no-activity", population, exposure -> !exposure.any(), suppression));
        return new ActivityGroups(scope, INTERPRETATION, population.size(), population.stream().filter(Exposure::placed).count(),
                CONFIDENCE_LEVEL, Statistics.Z_95, groups);
    }

    private static ActivityGroup group(String name, List<Exposure> population, Predicate<Exposure> member, Suppression suppression) {
        long participants = population.stream().filter(member).count();
        long placed = population.stream().filter(member).filter(Exposure::placed).count();
        Count shownParticipants = suppression.count(participants);
        Count shownPlaced = suppression.count(placed);
        if (shownParticipants.suppressed() || shownPlaced.suppressed() || participants == 0) {
            return new ActivityGroup(name, shownParticipants, shownPlaced, null, null, null);
        }
        Statistics.Interval interval = Statistics.wilson(placed, participants);
        return new ActivityGroup(name, shownParticipants, shownPlaced, Statistics.share(placed, participants), interval.lower(),
                interval.upper());
    }
}
