package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.CountsCohort.LAST;
import static nl.werkdesk.reporting.CountsCohort.onContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.reporting.CountsCohort;
import nl.werkdesk.reporting.PilotScenario;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.PlacementRetention;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TimeToFirstPlacement;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.metrics.Suppression;
import org.junit.jupiter.api.Test;

/**
 * The two Kaplan-Meier figures served from the day counts equal the figures recounted from the facts (the direct path,
 * kept as the oracle), as whole responses: for random cohorts (seeded) at two locations across the phases, their events
 * published in a random order with some published twice; intakes, placements and leaving dated before the registration,
 * placements before the intake (day 0), leaving before and after the first placement (and before the intake), several
 * placements per participant, ended or not; as of every fourth day across the range and every event's date, in every
 * scope, for analysts (suppressed) and others.
 */
@QuarkusTest
class SurvivalCountsPropertyTest {

    static final int PARTICIPANTS = 40;

    @Inject
    Evaluation evaluation;
    @Inject
    Phases phases;

    @Test
    void timeToFirstPlacementFromTheDayCountsEqualsTheFigureRecountedFromTheFactsInEveryScopeAsOfEveryDate() throws Throwable {
        Cohort cohort = new Cohort(new Random(20261207L));
        cohort.publish();
        List<TimeToFirstPlacement> last = assertEveryScopeAsOfEveryDate(cohort, evaluation::directTimeToFirstPlacement,
                evaluation::timeToFirstPlacement);
        // Not a vacuous comparison: the cohort's curve has events, leavers and participants still waiting at the end.
        assertTrue(last.stream().anyMatch(figure -> figure.placed() > 3 && figure.censoredAtLeaving() > 0 && figure.censoredAtAsOf() > 0
                && figure.steps().size() > 5), last.toString());
    }

    @Test
    void placementRetentionFromTheDayCountsEqualsTheFigureRecountedFromTheFactsInEveryScopeAsOfEveryDate() throws Throwable {
        Cohort cohort = new Cohort(new Random(20261208L));
        cohort.publish();
        List<PlacementRetention> last = assertEveryScopeAsOfEveryDate(cohort, evaluation::directPlacementRetention,
                evaluation::placementRetention);
        assertTrue(last.stream().anyMatch(figure -> figure.ended() > 3 && figure.censored() > 3 && figure.steps().size() > 5),
                last.toString());
    }

    /** Compares the two paths in every scope as of every date; returns the figures of the cohort's locations as of LAST. */
    private <T> List<T> assertEveryScopeAsOfEveryDate(Cohort cohort, BiFunction<Scope, Suppression, Uni<T>> direct,
                                                      BiFunction<Scope, Suppression, Uni<T>> counted) throws Throwable {
        cohort.compareInEveryScope(phases, LAST, at -> {
            Suppression suppression = evaluation.suppression(at.analyst());
            assertEquals(onContext(() -> direct.apply(at.scope(), suppression)), onContext(() -> counted.apply(at.scope(), suppression)),
                    at.where() + ", " + suppression);
        });
        List<T> last = new ArrayList<>();
        for (String location : List.of(cohort.west.location, cohort.east.location)) {
            Scope scope = Scope.of(location, null, null, null, LAST, phases);
            last.add(onContext(() -> counted.apply(scope, evaluation.suppression(false))));
        }
        return last;
    }

    /** Random participants with intakes, placements and leaving, at two locations. */
    private static final class Cohort extends CountsCohort {

        Cohort(Random random) {
            super(random);
            participants(PARTICIPANTS, this::participant);
        }

        void participant(PilotScenario place) {
            UUID id = UUID.randomUUID();
            LocalDate registered = day(FIRST, LAST.minusDays(60));
            add(place.registered(id, registered.toString()));
            // Now and then facts dated before the registration: they count from the registration.
            LocalDate from = random.nextInt(4) == 0 ? registered.minusDays(30) : registered;
            LocalDate intake = random.nextInt(6) == 0 ? null : day(from, from.plusDays(20));
            if (intake != null) {
                add(new IntakeCompleted(id, intake, Set.of(Sector.HORECA), LanguageLevel.A1, LanguageLevel.A1, List.of()));
            }
            // 0 to 3 placements, the first possibly before the intake (day 0).
            for (int i = random.nextInt(4) == 0 ? 0 : random.nextInt(4); i > 0; i--) {
                placement(place, id, day(from.minusDays(10), from.plusDays(200)));
            }
            // Leaving before or after the placements, or before the intake; or staying.
            if (random.nextInt(3) == 0) {
                add(new ParticipantLeftPilot(id, LeaveReason.values()[random.nextInt(LeaveReason.values().length)],
                        day(from.minusDays(5), from.plusDays(250))));
            }
        }

        void placement(PilotScenario place, UUID participant, LocalDate start) {
            UUID id = UUID.randomUUID();
            add(new PlacementStarted(id, participant, employer, vacancy, null, Sector.values()[random.nextInt(Sector.values().length)],
                    place.location, start, 32, 1_500, ContractType.FIXED_TERM));
            if (random.nextInt(3) > 0) {
                // Now and then on its first day (day 0).
                LocalDate end = random.nextInt(8) == 0 ? start : day(start, start.plusDays(300));
                add(new PlacementEnded(id, participant, end, EndReason.values()[random.nextInt(EndReason.values().length)]));
            }
        }
    }
}
