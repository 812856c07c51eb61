package nl.werkdesk.reporting.metrics;

import static nl.werkdesk.reporting.CountsCohort.FIRST;
import static nl.werkdesk.reporting.CountsCohort.LAST;
import static nl.werkdesk.reporting.CountsCohort.onContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRefused;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequested;
import nl.werkdesk.contracts.permit.PermitEvent.TwvWithdrawn;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustained;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustainedWithdrawn;
import nl.werkdesk.reporting.CountsCohort;
import nl.werkdesk.reporting.Events;
import nl.werkdesk.reporting.PilotScenario;
import nl.werkdesk.reporting.TestResources;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.view.ScopeAggregates;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The figures served from the day counts equal the figures recounted from the facts (the direct queries, kept as the
 * oracle), field by field: for random cohorts (seeded) at two locations across both phases and before the first, their
 * events published in a random order with some published twice, facts dated before the registration, placements that end,
 * sustained milestones withdrawn; as of every fourth day across the range and every event's date, in every scope.
 */
@QuarkusTest
class ScopeCountsPropertyTest {

    static final long SEED = 20251207L;
    static final int PARTICIPANTS = 30;

    @Inject
    MetricsQueries queries;
    @Inject
    Phases phases;
    @Inject
    ScopeAggregates aggregates;

    @Test
    void figuresFromTheDayCountsEqualTheFiguresRecountedFromTheFactsInEveryScopeAsOfEveryDate() throws Throwable {
        Cohort cohort = new Cohort(new Random(SEED));
        cohort.publish();

        YearMonth first = YearMonth.from(FIRST);
        cohort.compareInEveryScope(phases, LAST, at -> {
            Scope scope = at.scope();
            assertEquals(onContext(() -> queries.directTotals(scope)), onContext(() -> queries.totals(scope)), at.where());
            assertEquals(onContext(() -> queries.directFunnel(scope)), onContext(() -> queries.funnel(scope)), at.where() + ", funnel");
            assertEquals(onContext(() -> queries.directPlacementsBySector(scope)), onContext(() -> queries.placementsBySector(scope)),
                    at.where() + ", by sector");
            assertEquals(onContext(() -> queries.directByLocation(scope)), onContext(() -> queries.byLocation(scope)),
                    at.where() + ", by location");
            if (at.index() % 4 == 0) {
                YearMonth until = YearMonth.from(scope.asOf());
                assertEquals(onContext(() -> queries.directFirstDate(scope)), onContext(() -> queries.firstDate(scope)), at.where() + ", first date");
                assertEquals(onContext(() -> queries.directMonthly(scope, first, until)), onContext(() -> queries.monthly(scope, first, until)),
                        at.where() + ", monthly");
            }
        });
        // Not a vacuous comparison: the cohort's own figures are there at the end.
        MetricsQueries.Totals west = onContext(() -> queries.totals(Scope.of(cohort.west.location, null, null, null, LAST, phases)));
        assertTrue(west.enrolled() > 5 && west.placed() > 0 && west.twvsRequested() > 0 && west.medianTwvLeadTimeDays() != null, west.toString());
    }

    /** Counts made with other phases than the configured ones are made again at start, and then agree again. */
    @Test
    void countsMadeWithOtherPhasesAreCountedAgainAtStart() throws Throwable {
        PilotScenario place = new PilotScenario();
        Phases.Phase second = phases.all().get(1);
        // Enrolled in the first days of phase 2: in phase 1 for counts made with a phase 2 that starts a month later.
        Events.publishAndAwait(place.registered(UUID.randomUUID(), second.startsOn().plusDays(3).toString()));
        Scope phaseTwo = Scope.of(place.location, second.number(), null, null, LAST, phases);
        try {
            execute("UPDATE reporting_phases SET starts_on = DATE '" + second.startsOn().plusMonths(1) + "' WHERE number = " + second.number());
            execute("SELECT reporting_fill(live_generation) FROM projection_state");
            assertEquals(0, onContext(() -> queries.totals(phaseTwo)).enrolled(), "counted with a phase 2 that starts a month later");
        } finally {
            assertTrue(aggregates.followPhases().await().indefinitely(), "the configured phases differ from the stored ones");
        }
        assertTrue(!aggregates.followPhases().await().indefinitely(), "and then no longer");
        assertEquals(1, onContext(() -> queries.totals(phaseTwo)).enrolled());
        assertEquals(onContext(() -> queries.directTotals(phaseTwo)), onContext(() -> queries.totals(phaseTwo)));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Random participants with intakes, activities, TWVs, placements (some starting before the registration is dated). */
    private static final class Cohort extends CountsCohort {

        Cohort(Random random) {
            super(random);
            participants(PARTICIPANTS, this::participant);
        }

        void participant(PilotScenario place) {
            UUID id = UUID.randomUUID();
            LocalDate registered = day(FIRST, LAST.minusDays(60));
            add(place.registered(id, registered.toString()));
            if (random.nextInt(6) == 0) {
                return;
            }
            // Now and then a fact dated before the registration: it counts from the registration.
            LocalDate from = random.nextInt(5) == 0 ? registered.minusDays(20) : registered;
            LocalDate intake = day(from, from.plusDays(20));
            add(new IntakeCompleted(id, intake, Set.of(Sector.HORECA), LanguageLevel.A1, LanguageLevel.A1, List.of()));
            for (int i = random.nextInt(3); i > 0; i--) {
                add(new ActivityCompleted(id, ActivityType.values()[random.nextInt(ActivityType.values().length)], day(intake, intake.plusDays(90))));
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                UUID permit = UUID.randomUUID();
                LocalDate requested = day(from, from.plusDays(120));
                add(new TwvRequested(permit, id, employer, vacancy, 1_500, 32, requested.plusDays(30), requested, random.nextBoolean()));
                LocalDate decided = day(requested, requested.plusDays(50));
                switch (random.nextInt(4)) {
                    case 0, 1 -> {
                        add(new TwvGranted(permit, id, employer, vacancy, decided, decided, LAST.plusYears(1)));
                        if (random.nextBoolean()) {
                            placement(place, id, permit, day(decided, decided.plusDays(20)));
                        }
                    }
                    case 2 -> add(new TwvRefused(permit, id, decided, RefusalReason.OTHER));
                    default -> add(new TwvWithdrawn(permit, id, decided));
                }
            }
            if (random.nextInt(3) == 0) {
                placement(place, id, null, day(from, from.plusDays(150)));
            }
        }

        void placement(PilotScenario place, UUID participant, UUID permit, LocalDate start) {
            UUID id = UUID.randomUUID();
            Sector sector = Sector.values()[random.nextInt(Sector.values().length)];
            add(new PlacementStarted(id, participant, employer, vacancy, permit, sector, place.location, start, 32, 1_500,
                    ContractType.FIXED_TERM));
            LocalDate sustained = start.plusWeeks(26);
            boolean ends = random.nextBoolean();
            LocalDate end = day(start, start.plusDays(300));
            if (!ends || end.isAfter(sustained)) {
                add(new PlacementSustained(id, participant, sustained));
                if (ends && random.nextBoolean()) {
                    add(new PlacementSustainedWithdrawn(id, participant, day(sustained, sustained.plusDays(30))));
                }
            }
            if (ends) {
                add(new PlacementEnded(id, participant, end, EndReason.values()[random.nextInt(EndReason.values().length)]));
            }
        }
    }
}
