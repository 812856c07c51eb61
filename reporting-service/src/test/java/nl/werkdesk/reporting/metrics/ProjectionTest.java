package nl.werkdesk.reporting.metrics;

import static nl.werkdesk.reporting.Api.metric;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustained;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustainedWithdrawn;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.Api;
import nl.werkdesk.reporting.Events;
import nl.werkdesk.reporting.PilotScenario;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.QueryPlanMisses;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The projections, fed through the real broker with other services' events (see {@link PilotScenario}), answer
 * every metric for a scope and as of a date; duplicates, out-of-order arrival and erasure change nothing.
 */
@QuarkusTest
class ProjectionTest {

    static PilotScenario pilot;

    @Inject
    Mutiny.SessionFactory sessions;

    @BeforeEach
    void publishThePilotOnce() {
        synchronized (ProjectionTest.class) {
            if (pilot == null) {
                pilot = new PilotScenario().publish();
            }
        }
    }

    Map<String, String> at(String asOf) {
        return Map.of("location", pilot.location, "asOf", asOf);
    }

    @Test
    void readsTheMetricsWithoutAddingAQueryPlanPerRequest() {
        List<String> metrics = List.of("summary", "funnel", "monthly", "placements-by-location", "placements-by-sector");
        metrics.forEach(name -> metric(Roles.ANALYST, name, at("2025-10-31")));
        assertEquals(0, QueryPlanMisses.during(sessions.getStatistics(), () -> metrics.forEach(name -> metric(Roles.ANALYST, name,
                at("2025-10-31")))), "query-plan cache misses over warm reads");
    }

    @Test
    void answersTheSummaryOfALocationAsOfADate() {
        JsonPath summary = metric(Roles.ANALYST, "summary", at("2025-10-31"));
        assertEquals(6, summary.getInt("enrolled"));
        assertEquals(5, summary.getInt("intakesCompleted"));
        assertEquals(2, summary.getInt("participantsWithActivity"));
        assertEquals(3, summary.getInt("twvsRequested"));
        assertEquals(2, summary.getInt("twvsGranted"));
        assertEquals(1, summary.getInt("twvsRefused"));
        assertEquals(35.0, summary.getDouble("medianTwvLeadTimeDays"));
        assertEquals(4, summary.getInt("participantsPlaced"));
        assertEquals(0.6667, summary.getDouble("placementRate"));
        assertEquals(3, summary.getInt("activePlacements"));
        assertEquals(1, summary.getInt("sustainedPlacements"));
        assertEquals(1, summary.getInt("placementsEndedByCoaRelocation"));
        assertEquals(38.5, summary.getDouble("medianDaysFromIntakeToFirstPlacement"));
        assertEquals(400_000, summary.getLong("spendToDateCents"));
        assertEquals(100_000, summary.getLong("costPerPlacementCents"));
        assertEquals(pilot.location, summary.getString("scope.location"));
        assertEquals("2025-10-31", summary.getString("scope.asOf"));
    }

    @Test
    void answersFromTheFactsOnOrBeforeTheAsOfDateOnly() {
        JsonPath june = metric(Roles.ANALYST, "summary", at("2025-06-30"));
        assertEquals(2, june.getInt("enrolled"));
        assertEquals(2, june.getInt("twvsGranted"));
        assertEquals(2, june.getInt("participantsPlaced"));
        assertEquals(1.0, june.getDouble("placementRate"));
        assertEquals(2, june.getInt("activePlacements"));
        assertEquals(0, june.getInt("sustainedPlacements"));
        assertEquals(0, june.getInt("placementsEndedByCoaRelocation"));
        assertEquals(86.5, june.getDouble("medianDaysFromIntakeToFirstPlacement"));
        assertEquals(300_000, june.getLong("spendToDateCents"));
        assertEquals(150_000, june.getLong("costPerPlacementCents"));

        JsonPath beforeTheCorrection = metric(Roles.ANALYST, "summary", at("2025-10-19"));
        assertEquals(500_000, beforeTheCorrection.getLong("spendToDateCents"));
        assertEquals(125_000, beforeTheCorrection.getLong("costPerPlacementCents"));

        JsonPath beforeAnything = metric(Roles.ANALYST, "summary", at("2025-01-31"));
        assertEquals(0, beforeAnything.getInt("enrolled"));
        assertNull(beforeAnything.get("placementRate"));
        assertNull(beforeAnything.get("costPerPlacementCents"));
        assertNull(beforeAnything.get("medianTwvLeadTimeDays"));
    }

    @Test
    void scopesParticipantsByThePhaseAndPeriodOfTheirEnrolment() {
        JsonPath phaseOne = metric(Roles.ANALYST, "summary", Map.of("location", pilot.location, "phase", "1", "asOf", "2025-10-31"));
        assertEquals(2, phaseOne.getInt("enrolled"));
        assertEquals(2, phaseOne.getInt("participantsPlaced"));
        assertEquals(300_000 - 100_000, phaseOne.getLong("spendToDateCents"));

        JsonPath phaseTwo = metric(Roles.ANALYST, "summary", Map.of("location", pilot.location, "phase", "2", "asOf", "2025-10-31"));
        assertEquals(4, phaseTwo.getInt("enrolled"));
        assertEquals(2, phaseTwo.getInt("participantsPlaced"));
        assertEquals(0.5, phaseTwo.getDouble("placementRate"));
        assertEquals(200_000, phaseTwo.getLong("spendToDateCents"));

        JsonPath august = metric(Roles.ANALYST, "summary", Map.of("location", pilot.location, "from", "2025-08-01", "to", "2025-08-31",
                "asOf", "2025-10-31"));
        assertEquals(2, august.getInt("enrolled"));
        assertEquals(1, august.getInt("participantsPlaced"));
    }

    @Test
    void countsParticipantsAtEachStageOfTheFunnel() {
        JsonPath funnel = metric(Roles.ANALYST, "funnel", at("2025-10-31"));
        assertEquals(List.of("enrolled", "intake", "activity", "twv-requested", "twv-granted", "placed", "sustained"),
                funnel.getList("stages.stage"));
        assertEquals(List.of(6, 5, 2, 2, 2, 4, 1), funnel.getList("stages.participants"));
        assertEquals(0.6667f, funnel.getFloat("stages[5].shareOfEnrolled"));
    }

    @Test
    void suppressesSmallCountsByBreakdownForAnalystsButKeepsTotalsExact() {
        JsonPath analyst = metric(Roles.ANALYST, "placements-by-sector", at("2025-10-31"));
        assertEquals(List.of("horeca", "production", "logistics", "cleaning", "home-care", "other"), analyst.getList("sectors.sector"));
        assertEquals(List.of("<5", "<5", "<5", 0, 0, 0), analyst.getList("sectors.placements"));
        assertEquals(5, analyst.getInt("total"));
        assertTrue(analyst.getBoolean("scope.suppressed"));

        JsonPath finance = metric(Roles.FINANCE, "placements-by-sector", at("2025-10-31"));
        assertEquals(List.of(2, 2, 1, 0, 0, 0), finance.getList("sectors.placements"));

        JsonPath byLocation = metric(Roles.ANALYST, "placements-by-location", at("2025-10-31"));
        assertEquals(pilot.location, byLocation.getString("locations[0].location"));
        assertEquals(6, byLocation.getInt("locations[0].enrolled"));
        assertEquals("<5", byLocation.getString("locations[0].participantsPlaced"));
        assertNull(byLocation.get("locations[0].placementRate"), "a rate would give the suppressed count away");
        assertEquals(5, byLocation.getInt("locations[0].placements"));
        assertEquals("<5", byLocation.getString("locations[0].activePlacements"));
        assertEquals(4, byLocation.getInt("total.participantsPlaced"));
        assertEquals(0.6667f, byLocation.getFloat("total.placementRate"));
        assertEquals(3, byLocation.getInt("total.activePlacements"));
    }

    @Test
    void drawsTheMonthlySeriesFromTheFirstEnrolment() {
        JsonPath finance = metric(Roles.FINANCE, "monthly", at("2025-10-31"));
        assertEquals(List.of("2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10"),
                finance.getList("months.month"));
        assertEquals(List.of(2, 2, 2, 2, 2, 2, 4, 6, 6), finance.getList("months.enrolled"));
        assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 4, 4), finance.getList("months.participantsPlaced"));
        assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3, 3), finance.getList("months.activePlacements"));
        assertEquals(List.of(0, 200_000, 0, 0, 0, 0, 0, 200_000, 0), finance.getList("months.spendCents"));
        assertEquals(0.6667f, finance.getFloat("months[8].placementRate"));

        JsonPath analyst = metric(Roles.ANALYST, "monthly", at("2025-10-31"));
        assertEquals(List.of("<5", "<5", "<5", "<5", "<5", "<5", "<5", 6, 6), analyst.getList("months.enrolled"));
        assertNull(analyst.get("months[8].placementRate"));
    }

    @Test
    void countsAParticipantWhosePlacementArrivedBeforeTheirRegistration() {
        JsonPath september = metric(Roles.FINANCE, "summary", Map.of("location", pilot.location, "from", "2025-09-08",
                "to", "2025-09-08", "asOf", "2025-10-31"));
        assertEquals(1, september.getInt("enrolled"));
        assertEquals(1, september.getInt("participantsPlaced"));
        assertEquals(5.0, september.getDouble("medianDaysFromIntakeToFirstPlacement"));
    }

    @Test
    void countsAPlacementAsSustainedNoLongerOnceAnEndDatedBeforeTheMilestoneIsReported() {
        PilotScenario late = new PilotScenario();
        UUID participant = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        Events.publishAndAwait(late.registered(participant, "2025-01-06"), new PlacementStarted(placement, participant, UUID.randomUUID(),
                UUID.randomUUID(), null, Sector.CLEANING, late.location, Events.date("2025-02-03"), 32, 1_450, ContractType.TEMPORARY_VIA_AGENCY));
        Map<String, String> scope = Map.of("location", late.location, "asOf", "2025-12-31");
        Events.publishAndAwait(new PlacementSustained(placement, participant, Events.date("2025-08-04")));
        assertEquals(1, metric(Roles.FINANCE, "summary", scope).getInt("sustainedPlacements"));

        // As placement-service publishes a late end dated before the milestone: the end, then the milestone's withdrawal.
        Events.publishAndAwait(new PlacementEnded(placement, participant, Events.date("2025-07-01"), EndReason.DISMISSED),
                new PlacementSustainedWithdrawn(placement, participant, Events.date("2025-07-01")));
        JsonPath after = metric(Roles.FINANCE, "summary", scope);
        assertEquals(0, after.getInt("sustainedPlacements"), "it did not last 26 weeks after all");
        assertEquals(0, after.getInt("activePlacements"));
        assertEquals(1, after.getInt("participantsPlaced"));
    }

    @Test
    void changesNothingForADuplicateEvent() {
        JsonPath before = metric(Roles.FINANCE, "summary", at("2025-10-31"));
        Events.publish(pilot.p1Registered, pilot.p1RegisteredEventId);
        Events.publish(pilot.p1Registered);
        UUID marker = Events.publish(new nl.werkdesk.contracts.participant.ParticipantEvent.ActivityCompleted(pilot.p1,
                nl.werkdesk.contracts.participant.ActivityType.JOB_FAIR, Events.date("2025-11-03")));
        // Same participant, so same partition: the marker is processed after both copies.
        Events.awaitProcessed(marker);
        assertEquals(before.getMap(""), metric(Roles.FINANCE, "summary", at("2025-10-31")).getMap(""));
    }

    @Test
    void changesNoMetricWhenPersonalDataIsErased() {
        Map<String, Object> summary = metric(Roles.FINANCE, "summary", at("2025-10-31")).getMap("");
        Map<String, Object> funnel = metric(Roles.FINANCE, "funnel", at("2025-10-31")).getMap("");
        Map<String, Object> monthly = metric(Roles.FINANCE, "monthly", at("2025-10-31")).getMap("");
        Events.publishAndAwait(pilot.p5Erased);
        assertEquals(summary, metric(Roles.FINANCE, "summary", at("2025-10-31")).getMap(""));
        assertEquals(funnel, metric(Roles.FINANCE, "funnel", at("2025-10-31")).getMap(""));
        assertEquals(monthly, metric(Roles.FINANCE, "monthly", at("2025-10-31")).getMap(""));
    }

    @Test
    void answersCsvWithSemicolonsAndDecimalCommasWhenAskedFor() {
        String summary = Api.as(Roles.ANALYST).accept("text/csv").queryParams(at("2025-10-31")).get(Api.METRICS + "/summary")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("werkdesk-summary-2025-10-31.csv"))
                .extract().asString();
        assertTrue(summary.startsWith("\uFEFFmetric;value\r\n"), summary);
        assertTrue(summary.contains("\r\nenrolled;6\r\n"), summary);
        assertTrue(summary.contains("\r\nplacementRate;0,6667\r\n"), summary);
        assertTrue(summary.contains("\r\nmedianDaysFromIntakeToFirstPlacement;38,5\r\n"), summary);

        String bySector = Api.as(Roles.ANALYST).accept("text/csv").queryParams(at("2025-10-31")).get(Api.METRICS + "/placements-by-sector")
                .then().statusCode(200).extract().asString();
        assertEquals("\uFEFFsector;placements\r\nhoreca;<5\r\nproduction;<5\r\nlogistics;<5\r\ncleaning;0\r\nhome-care;0\r\nother;0\r\n"
                + "total;5\r\n", bySector);

        String monthly = Api.as(Roles.ANALYST).accept("text/csv").queryParams(at("2025-10-31")).get(Api.METRICS + "/monthly")
                .then().statusCode(200).extract().asString();
        assertTrue(monthly.contains("\r\n2025-10;6;<5;;<5;0\r\n"), monthly);

        Api.as(Roles.ANALYST).accept("application/json").queryParams(at("2025-10-31")).get(Api.METRICS + "/funnel")
                .then().statusCode(200).contentType("application/json").body("stages[0].participants", equalTo(6));
    }

    @Test
    void parksAnEventItCannotReadOnItsDeadLetterTopicAndGoesOn() {
        String key = UUID.randomUUID().toString();
        Events.publishRaw(Topics.PERMITS, key, "nl.werkdesk.permit.twv-granted", "{\"permitId\": 42}");
        var parked = new KafkaTopicReader().await(Topics.deadLetter("reporting-service"), record -> key.equals(record.key()), 1,
                Events.PROCESSED).get(0);
        // Parked on purpose (the reason, a sentence for the operator, names the type the data is not).
        assertEquals(PoisonMessage.class.getName(), KafkaTopicReader.header(parked, "dead-letter-exception-class-name"));
        assertTrue(KafkaTopicReader.header(parked, "dead-letter-reason").contains("TwvGranted"));
        assertEquals(Topics.PERMITS, KafkaTopicReader.header(parked, "dead-letter-topic"));
        assertEquals(6, metric(Roles.ANALYST, "summary", at("2025-10-31")).getInt("enrolled"));
    }

    @Test
    void neverAnswersWithAParticipantId() {
        for (String metric : List.of("summary", "funnel", "placements-by-sector", "placements-by-location", "monthly", "filters")) {
            Api.as(Roles.FINANCE).queryParams(at("2025-10-31")).get(Api.METRICS + "/" + metric).then().statusCode(200)
                    .body(not(containsString(pilot.p1.toString())))
                    .body(not(containsString(pilot.p6.toString())));
        }
        assertTrue(metric(Roles.ANALYST, "filters", Map.of()).getList("locations").contains(pilot.location));
    }
}
