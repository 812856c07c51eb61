package nl.werkdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.werkdesk.local.scenario.Expected;
import nl.werkdesk.local.scenario.Plan;
import nl.werkdesk.local.scenario.Scenario;
import nl.werkdesk.local.scenario.ScenarioGenerator;

/** The pilot scenario as data plus a seed: the same plan every time, the reported figures, and only lawful steps. */
class ScenarioGeneratorTest {

    private static final Scenario PILOT = Scenario.readResource(Scenario.AMSTERDAM_PILOT);

    @Test
    void drawsTheSamePlanFromTheSameFileAndSeed() {
        assertEquals(ScenarioGenerator.plan(PILOT), ScenarioGenerator.plan(PILOT));
    }

    @Test
    void drawsAnotherPlanFromAnotherSeed() {
        Scenario reseeded = new Scenario(PILOT.name(), PILOT.title(), PILOT.seed() + 1, PILOT.asOf(), PILOT.budget(), PILOT.expenditure(),
                PILOT.employers(), PILOT.jobFairs(), PILOT.cohorts(), PILOT.twv(), PILOT.relocationDestinations(), PILOT.nationalities());
        assertNotEquals(ScenarioGenerator.plan(PILOT).participants(), ScenarioGenerator.plan(reseeded).participants());
    }

    @Test
    void reproducesThePilotAsReportedOnSixteenOctober2025() {
        Plan plan = ScenarioGenerator.plan(PILOT);
        Expected figures = Expected.of(plan, LocalDate.parse("2025-10-16"));

        Map<String, Long> enrolledByLocation = plan.participants().stream()
                .collect(Collectors.groupingBy(Plan.Participant::location, Collectors.counting()));
        assertEquals(Map.of("Willinklaan", 233L, "Kabelweg", 21L, "Provincialeweg", 16L), enrolledByLocation);
        assertEquals(270, figures.enrolled());
        assertEquals(241, figures.intakesCompleted());
        assertEquals(83, figures.participantsWithActivity());
        assertEquals(83, figures.participantsPlaced());
        assertEquals(110, figures.twvsRequested());
        assertEquals(75, figures.twvsGranted());
        assertEquals(28, figures.twvsRefused());
        double refusedShare = (double) figures.twvsRefused() / (figures.twvsGranted() + figures.twvsRefused());
        assertTrue(refusedShare >= 0.25 && refusedShare <= 0.30, "refused share " + refusedShare);
        assertEquals(4, figures.placementsEndedByCoaRelocation());
        assertEquals(74, figures.activePlacements());
        assertEquals(250_000_000L, figures.budgetCents());
        assertEquals(91_500_000L, figures.spendToDateCents());
        assertEquals(1_102_410L, figures.costPerPlacementCents(), "just over EUR 11,000 per participant placed");
        assertTrue(plan.participants().stream().filter(p -> p.placement() != null).allMatch(p -> p.location().equals("Willinklaan")));
        assertTrue(plan.participants().stream().filter(p -> !p.location().equals("Willinklaan"))
                .allMatch(p -> !p.registeredOn().isBefore(LocalDate.parse("2025-08-01"))), "phase 2 locations from August");
    }

    @Test
    void takesOnlyStepsTheServicesAllow() {
        Plan plan = ScenarioGenerator.plan(PILOT);
        LocalDate asOf = plan.asOf();
        Set<String> vNumbers = new HashSet<>();
        for (Plan.Participant p : plan.participants()) {
            String who = "participant " + p.index();
            assertTrue(vNumbers.add(p.vNumber()), who + ": V-number unique");
            assertFalse(p.asylumApplicationDate().isAfter(p.registeredOn()), who);
            assertTrue(p.dateOfBirth().plusYears(18).isBefore(p.registeredOn()), who + ": adult");
            LocalDate eligibleFrom = p.asylumApplicationDate().plusMonths(6);
            if (p.intakeOn() != null) {
                assertFalse(p.intakeOn().isBefore(p.registeredOn()), who + ": intake after registration");
                assertFalse(p.intakeOn().isAfter(asOf), who);
            }
            p.activities().forEach(a -> assertFalse(a.completedOn().isBefore(p.intakeOn()) || a.completedOn().isAfter(asOf), who));
            for (Plan.Twv twv : p.twvs()) {
                assertEquals("W", p.wDocumentType(), who + ": no TWV for a Dublin claimant");
                assertFalse(twv.startDate().isBefore(eligibleFrom), who + ": TWV starts once eligible");
                assertFalse(twv.startDate().isBefore(twv.requestedOn()), who);
                if (twv.decided()) {
                    assertFalse(twv.decidedOn().isBefore(twv.completedOn()) || twv.decidedOn().isAfter(asOf), who);
                }
                assertFalse(plan.vacancies().get(twv.vacancy()).openedOn().isAfter(twv.requestedOn()), who + ": vacancy open");
            }
            Plan.Placement placement = p.placement();
            if (placement != null) {
                assertFalse(placement.startedOn().isBefore(p.intakeOn()) || placement.startedOn().isAfter(asOf), who);
                if (p.residencePermitOn() == null) {
                    Plan.Twv granted = p.twvs().stream().filter(Plan.Twv::granted).findFirst().orElseThrow();
                    assertEquals(granted.vacancy(), placement.vacancy(), who + ": placed in the job of the TWV");
                    assertFalse(placement.startedOn().isBefore(granted.decidedOn()), who + ": placed on a granted TWV");
                    assertFalse(placement.startedOn().isBefore(eligibleFrom), who);
                } else {
                    assertTrue(p.twvs().isEmpty(), who + ": a status holder needs no TWV");
                    assertFalse(placement.startedOn().isBefore(p.residencePermitOn()), who);
                }
                if (placement.endedOn() != null) {
                    assertFalse(placement.endedOn().isBefore(placement.startedOn()) || placement.endedOn().isAfter(asOf), who);
                }
                LocalDate previous = placement.startedOn();
                for (Plan.Change change : placement.changes()) {
                    assertTrue(change.changedOn().isAfter(previous) && change.changedOn().isBefore(asOf), who + ": a change after the last");
                    assertTrue(placement.endedOn() == null || change.changedOn().isBefore(placement.endedOn()), who + ": changed before the end");
                    assertTrue(change.hoursPerWeek() >= 12 && change.hoursPerWeek() <= 40 && change.hourlyWageCents() >= 1440, who);
                    previous = change.changedOn();
                }
            }
        }
        plan.vacancies().forEach(v -> assertTrue(v.hourlyWageCents() >= 1440, "vacancy " + v.index() + " at or above the minimum wage"));
    }

    @Test
    void givesTheEvaluationFiguresSomethingToShow() {
        Plan plan = ScenarioGenerator.plan(PILOT);
        List<Plan.Placement> placements = plan.participants().stream().map(Plan.Participant::placement).filter(Objects::nonNull).toList();
        long distinctTerms = placements.stream().map(p -> plan.vacancies().get(p.vacancy()))
                .map(v -> v.hoursPerWeek() + "h at " + v.hourlyWageCents()).distinct().count();
        assertTrue(distinctTerms > 20, "hours and wages differ between placements: " + distinctTerms);
        long changed = placements.stream().filter(p -> !p.changes().isEmpty()).count();
        assertTrue(changed >= 15 && changed < placements.size(), "some placements change hours: " + changed);

        List<Plan.Twv> viaIntermediary = plan.participants().stream().flatMap(p -> p.twvs().stream())
                .filter(t -> plan.employers().get(plan.vacancies().get(t.vacancy()).employer()).twvIntermediary()).toList();
        assertTrue(viaIntermediary.size() >= 20, "TWVs an intermediary handles: " + viaIntermediary.size());
        assertTrue(viaIntermediary.stream().filter(Plan.Twv::decided)
                .filter(t -> t.decidedOn().isAfter(t.requestedOn().plusDays(35))).count() >= 5, "some decided after 35 days");

        Set<Set<String>> mixes = plan.participants().stream().filter(p -> !p.activities().isEmpty())
                .map(p -> p.activities().stream().map(Plan.Activity::type).collect(Collectors.toSet())).collect(Collectors.toSet());
        assertTrue(mixes.size() >= 5, "activity mixes that differ: " + mixes);
    }

    @Test
    void scalesEveryCountToTheParticipantsAsked() {
        Expected figures = Expected.of(ScenarioGenerator.plan(PILOT, 2700), PILOT.asOf());

        assertEquals(2700, figures.enrolled());
        assertEquals(830, figures.participantsPlaced());
        assertEquals(915_000_000L, figures.spendToDateCents());
        assertEquals(1_102_410L, figures.costPerPlacementCents());
    }

    @Test
    void holdsMoreJobFairsForMoreParticipantsSoThatEachStaysThePilotsSize() {
        Plan pilot = ScenarioGenerator.plan(PILOT, PILOT.participants());
        Plan tenTimes = ScenarioGenerator.plan(PILOT, PILOT.participants() * 10);

        assertEquals(PILOT.jobFairs().size(), pilot.fairs().size());
        assertEquals(PILOT.jobFairs().size() * 10, tenTimes.fairs().size());
        assertTrue(largestFair(tenTimes) <= 2 * largestFair(pilot),
                "meetings per fair: " + largestFair(tenTimes) + " against the pilot's " + largestFair(pilot));
    }

    private static long largestFair(Plan plan) {
        return plan.participants().stream().flatMap(p -> p.activities().stream()).filter(a -> a.fair() != null)
                .collect(Collectors.groupingBy(Plan.Activity::fair, Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    @Test
    void saysWhichCountCannotBeMet() {
        Scenario.Cohort willinklaan = PILOT.cohorts().get(0);
        Scenario.Cohort impossible = new Scenario.Cohort(willinklaan.location(), 20, willinklaan.registeredFrom(),
                willinklaan.registeredUntil(), 20, 5, 0, 0, 30, 0, 0, 0, 0, Map.of());
        Scenario scenario = new Scenario(PILOT.name(), PILOT.title(), PILOT.seed(), PILOT.asOf(), PILOT.budget(), PILOT.expenditure(),
                PILOT.employers(), PILOT.jobFairs(), List.of(impossible), PILOT.twv(), PILOT.relocationDestinations(), PILOT.nationalities());

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> ScenarioGenerator.plan(scenario));
        assertTrue(failure.getMessage().contains("placedWithTwv"), failure.getMessage());
    }
}
