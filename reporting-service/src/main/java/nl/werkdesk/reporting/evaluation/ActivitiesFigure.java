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

    /** Participants of a group, and those of them placed by asOf. */
    public record Tally(long participants, long placed) {
    }

    /**
     * What the figure is computed from: the population (participants with an intake by asOf) and, per activity kind and for
     * any kind, those exposed; each with those placed. Reduced from the facts ({@link #tally}) or read from the day counts.
     */
    public record ActivityCounts(Tally population, Tally applicationTraining, Tally cvHelp, Tally jobFair, Tally anyActivity) {
    }

    /** A participant with the cut-off applied: exposed to each kind or not, and placed by asOf or not. */
    private record Exposure(boolean training, boolean cvHelp, boolean jobFair, boolean placed) {

        boolean any() {
            return training || cvHelp || jobFair;
        }
    }

    /** The counts of the participants as of asOf. */
    public static ActivityCounts tally(List<Participant> participants, LocalDate asOf) {
        List<Exposure> population = participants.stream().filter(p -> onOrBefore(p.intakeOn(), asOf)).map(p -> {
            boolean placed = onOrBefore(p.firstPlacementOn(), asOf);
            LocalDate cutOff = placed ? p.firstPlacementOn() : asOf;
            return new Exposure(onOrBefore(p.applicationTrainingOn(), cutOff), onOrBefore(p.cvHelpOn(), cutOff),
                    onOrBefore(p.jobFairOn(), cutOff), placed);
        }).toList();
        return new ActivityCounts(tally(population, exposure -> true), tally(population, Exposure::training), tally(population, Exposure::cvHelp),
                tally(population, Exposure::jobFair), tally(population, Exposure::any));
    }

    private static Tally tally(List<Exposure> population, Predicate<Exposure> member) {
        return new Tally(population.stream().filter(member).count(), population.stream().filter(member).filter(Exposure::placed).count());
    }

    public static ActivityGroups compute(ActivityCounts counts, Suppression suppression, EvaluationScope scope) {
        Tally population = counts.population();
        Tally none = new Tally(population.participants() - counts.anyActivity().participants(),
                population.placed() - counts.anyActivity().placed());
        List<ActivityGroup> groups = List.of(
                group("application-training", counts.applicationTraining(), suppression),
                group("cv-help", counts.cvHelp(), suppression),
                group("job-fair", counts.jobFair(), suppression),
                group("any-activity", counts.anyActivity(), suppression),
                group("no-activity", none, suppression));
        return new ActivityGroups(scope, INTERPRETATION, population.participants(), population.placed(), CONFIDENCE_LEVEL, Statistics.Z_95,
                groups);
    }

    private static ActivityGroup group(String name, Tally tally, Suppression suppression) {
        long participants = tally.participants();
        long placed = tally.placed();
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
