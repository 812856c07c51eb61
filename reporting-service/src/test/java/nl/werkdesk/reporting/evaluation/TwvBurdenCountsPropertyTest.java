package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.CountsCohort.LAST;
import static nl.werkdesk.reporting.CountsCohort.onContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.permit.DeclineReason;
import nl.werkdesk.contracts.permit.EndReason;
import nl.werkdesk.contracts.permit.PermitEvent.TwvEnded;
import nl.werkdesk.contracts.permit.PermitEvent.TwvGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvNoLongerRequired;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRefused;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequestDeclined;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequested;
import nl.werkdesk.contracts.permit.PermitEvent.TwvWithdrawn;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementChanged;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.reporting.CountsCohort;
import nl.werkdesk.reporting.Events;
import nl.werkdesk.reporting.PilotScenario;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.OutcomeCount;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TwvBurden;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.metrics.Suppression;
import org.junit.jupiter.api.Test;

/**
 * The TWV burden served from the day counts equals the TWV burden recounted from the facts (the direct path, kept as the
 * oracle), as whole responses: for random cohorts (seeded) at two locations across the phases, their events published in a
 * random order with some published twice. Requests with and without the intermediary, granted (some after more than 35
 * days), refused, withdrawn, declined, no longer required, ended with reception, several of these on one request and several
 * requests per participant; placements on a TWV and without one, terms changed on the start day and later; facts dated before
 * the registration and participants never registered. As of every fourth day and every event's date, in every scope, for
 * analysts (suppressed) and not.
 */
@QuarkusTest
class TwvBurdenCountsPropertyTest {

    static final long SEED = 20261207L;
    static final int PARTICIPANTS = 40;

    @Inject
    Evaluation evaluation;
    @Inject
    Phases phases;

    @Test
    void twvBurdenFromTheDayCountsEqualsTheTwvBurdenRecountedFromTheFactsInEveryScopeAsOfEveryDate() throws Throwable {
        Cohort cohort = new Cohort(new Random(SEED));
        cohort.publish();

        cohort.compareInEveryScope(phases, LAST, at -> {
            for (boolean analyst : List.of(true, false)) {
                Suppression suppression = evaluation.suppression(analyst);
                // As JSON, which is what the endpoint serves (a Count has no equals of its own).
                assertEquals(Events.json(onContext(() -> evaluation.directTwvBurden(at.scope(), suppression))),
                        Events.json(onContext(() -> evaluation.twvBurden(at.scope(), suppression))), at.where() + ", analyst " + analyst);
            }
        });

        // Not a vacuous comparison: every part of the figure has something in it at the end.
        Scope west = Scope.of(cohort.west.location, null, null, null, LAST, phases);
        TwvBurden figure = onContext(() -> evaluation.twvBurden(west, evaluation.suppression(false)));
        for (OutcomeCount outcome : figure.outcomes()) {
            assertTrue(!outcome.requests().text().equals("0"), outcome.toString());
        }
        for (OutcomeCount closed : figure.pendingClosedWithoutDecision()) {
            assertTrue(!closed.requests().text().equals("0"), closed.toString());
        }
        assertTrue(!figure.leadTimeWithIntermediary().decisions().text().equals("0")
                && !figure.leadTimeWithoutIntermediary().decisions().text().equals("0")
                && !figure.leadTime().decidedAfter35Days().text().equals("0"), figure.toString());
        assertTrue(figure.waitingBeforeWork().placements() > 0 && figure.wagesNotEarnedWhileWaitingCents() > 0, figure.toString());
        assertTrue(figure.notPlacedAfterRefusalOrWithdrawal().count() > 0
                && figure.notPlacedAfterRefusalOrWithdrawal().count() < figure.notPlacedAfterRefusalOrWithdrawal().of(), figure.toString());
    }

    /** Random participants with TWV requests of every outcome and placements on them or not. */
    private static final class Cohort extends CountsCohort {

        Cohort(Random random) {
            super(random);
            participants(PARTICIPANTS, this::participant);
        }

        void participant(PilotScenario place) {
            UUID id = UUID.randomUUID();
            LocalDate registered = day(FIRST, LAST.minusDays(90));
            // Now and then a participant whose registration never arrives: their facts count nowhere.
            if (random.nextInt(10) != 0) {
                add(place.registered(id, registered.toString()));
            }
            // Now and then facts dated before the registration: they count from the registration.
            LocalDate from = random.nextInt(3) == 0 ? registered.minusDays(90) : registered;
            add(new IntakeCompleted(id, day(from, from.plusDays(10)), Set.of(Sector.HORECA), LanguageLevel.A1, LanguageLevel.A1, List.of()));
            for (int i = random.nextInt(4); i > 0; i--) {
                request(place, id, day(from, from.plusDays(120)));
            }
            if (random.nextInt(3) == 0) {
                placement(place, id, null, day(from, from.plusDays(150)));
            }
        }

        /** A request and what became of it: mostly one outcome, now and then more (the figure's precedence decides). */
        void request(PilotScenario place, UUID participant, LocalDate requested) {
            UUID permit = UUID.randomUUID();
            add(new TwvRequested(permit, participant, employer, vacancy, 1_500, 32, requested.plusDays(30), requested, random.nextBoolean()));
            int outcomes = random.nextInt(8) == 0 ? 2 : 1;
            for (int i = 0; i < outcomes; i++) {
                LocalDate on = day(requested, requested.plusDays(random.nextBoolean() ? 30 : 80));
                switch (random.nextInt(10)) {
                    case 0, 1, 2 -> {
                        add(new TwvGranted(permit, participant, employer, vacancy, on, on, LAST.plusYears(1)));
                        if (random.nextInt(3) != 0) {
                            placement(place, participant, permit, day(on, on.plusDays(20)));
                        }
                    }
                    case 3, 4 -> add(new TwvRefused(permit, participant, on, RefusalReason.OTHER));
                    case 5 -> add(new TwvWithdrawn(permit, participant, on));
                    case 6 -> add(new TwvRequestDeclined(permit, participant, on, DeclineReason.NOT_YET_ELIGIBLE, on.plusDays(60)));
                    case 7 -> add(new TwvNoLongerRequired(permit, participant, on));
                    case 8 -> add(new TwvEnded(permit, participant, on, EndReason.RECEPTION_ENDED));
                    default -> {
                        // still pending
                    }
                }
            }
        }

        /** A placement with its terms: now and then changed on the start day (in force at the start) or later (not). */
        void placement(PilotScenario place, UUID participant, UUID permit, LocalDate start) {
            UUID id = UUID.randomUUID();
            add(new PlacementStarted(id, participant, employer, vacancy, permit, Sector.HORECA, place.location, start,
                    8 + random.nextInt(33), 1_300 + random.nextInt(800), ContractType.FIXED_TERM));
            switch (random.nextInt(3)) {
                case 0 -> add(new PlacementChanged(id, participant, start, 8 + random.nextInt(33), 1_300 + random.nextInt(800)));
                case 1 -> add(new PlacementChanged(id, participant, day(start.plusDays(1), start.plusDays(60)), 20, 1_400));
                default -> {
                    // unchanged
                }
            }
        }
    }
}
