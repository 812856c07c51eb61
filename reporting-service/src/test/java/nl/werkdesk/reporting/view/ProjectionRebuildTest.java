package nl.werkdesk.reporting.view;

import static nl.werkdesk.reporting.Api.EVALUATION_FIGURES;
import static nl.werkdesk.reporting.Api.REBUILDS;
import static nl.werkdesk.reporting.Api.as;
import static nl.werkdesk.reporting.Api.evaluation;
import static nl.werkdesk.reporting.Api.metric;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.EvaluationCohort;
import nl.werkdesk.reporting.Events;
import nl.werkdesk.reporting.PilotScenario;
import nl.werkdesk.reporting.TestResources;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * A rebuild reads every topic from the beginning into a new generation while the service keeps answering, shows its
 * progress, switches the metrics over, and ends with exactly the facts the live consumers built event by event,
 * events that arrive during the rebuild included: every metric, every evaluation figure and the report (its provenance
 * included) stay the same.
 */
@QuarkusTest
class ProjectionRebuildTest {

    static final List<String> FACT_TABLES = ProjectionRebuilder.FACT_TABLES;
    /** Far beyond what the generation sequence reaches in a test run. */
    static final int STUCK_GENERATION = 900_001;
    static final List<String> METRICS = List.of("summary", "funnel", "placements-by-sector", "placements-by-location", "monthly");

    @Test
    void rebuildsEveryProjectionFromTheTopicsIntoTheSameFactsAndMetrics() throws SQLException {
        PilotScenario pilot = new PilotScenario().publish();
        EvaluationCohort cohort = new EvaluationCohort().publish();
        // CV help twice for one participant (not registered, so counted nowhere), the later first, back to back: two upserts
        // of one row in one poll of the rebuild, which must keep the earlier date as the live consumers did.
        UUID twice = UUID.randomUUID();
        Events.publishAndAwait(new ActivityCompleted(twice, ActivityType.CV_HELP, LocalDate.parse("2025-03-20")),
                new ActivityCompleted(twice, ActivityType.CV_HELP, LocalDate.parse("2025-03-10")));
        Map<String, Object> cohortScope = Map.of("location", cohort.location, "asOf", "2025-10-31");
        Map<String, Map<String, Object>> evaluationBefore = new HashMap<>();
        EVALUATION_FIGURES.forEach(name -> evaluationBefore.put(name, evaluation(Roles.FINANCE, name, cohortScope).getMap("")));
        // The latecomer enrols on 2025-10-30, so every metric as of the day before must come out exactly as before.
        Map<String, Object> dayBefore = Map.of("location", pilot.location, "asOf", "2025-10-29");
        Map<String, Map<String, Object>> metricsBefore = new HashMap<>();
        METRICS.forEach(name -> metricsBefore.put(name, metric(Roles.FINANCE, name, dayBefore).getMap("")));
        Map<String, Object> reportScope = Map.of("location", cohort.location, "asOf", "2025-10-29");
        byte[] reportBefore = report(reportScope);
        byte[] everywhereBefore = report(Map.of("asOf", "2025-10-29"));
        int liveBefore = liveGeneration();
        Set<String> factsBefore = facts(liveBefore);
        Set<String> countsBefore = counts(liveBefore);

        Response started = as(Roles.OPERATOR).post(REBUILDS).then().statusCode(202)
                .header("Location", containsString(REBUILDS + "/")).body("status", equalTo("running")).extract().response();
        int generation = started.path("generation");
        // Arrives while the rebuild reads the topics: the live consumers write it into both generations.
        UUID latecomer = UUID.randomUUID();
        UUID latecomerEvent = Events.publish(pilot.registered(latecomer, "2025-10-30"));
        Events.awaitProcessed(latecomerEvent);

        await().atMost(Events.PROCESSED).until(() -> "completed".equals(as(Roles.OPERATOR).get(REBUILDS + "/" + generation).path("status")));
        JsonPath rebuild = as(Roles.OPERATOR).get(REBUILDS + "/" + generation).then().statusCode(200).extract().jsonPath();
        assertTrue(rebuild.getBoolean("live"));
        assertEquals(100, rebuild.getInt("percentDone"));
        assertTrue(rebuild.getLong("targetOffsets") > 0 && rebuild.getLong("consumedOffsets") == rebuild.getLong("targetOffsets"));
        assertTrue(rebuild.getLong("eventsApplied") > 30, "the pilot's events at least");
        assertEquals("test-operator", rebuild.getString("requestedBy"));
        // Where its time went: the replay's parts as it went, the switch's once it switched.
        assertTrue(rebuild.getLong("durations.kafkaPollMillis") >= 0 && rebuild.getLong("durations.factWritesMillis") >= 0);
        assertTrue(rebuild.get("durations.olderGenerationsDeletedMillis") != null && rebuild.get("durations.countsFilledMillis") != null,
                "the switch's parts are recorded");
        assertEquals("2025-03-10", text("SELECT CAST(first_cv_help_on AS text) FROM participant_facts WHERE generation = " + generation
                + " AND participant_id = '" + twice + "'"), "the earlier of two upserts of one row in a poll");
        as(Roles.OPERATOR).get(REBUILDS).then().statusCode(200).body("liveGeneration", equalTo(generation))
                .body("buildingGeneration", equalTo(null)).body("rebuilds[0].generation", equalTo(generation));
        assertTrue(liveBefore < generation);

        Set<String> factsAfter = facts(generation);
        assertTrue(factsAfter.removeIf(row -> row.contains(latecomer.toString()) || row.contains(latecomerEvent.toString())),
                "the latecomer is in the new generation");
        assertEquals(Set.of(), difference(factsBefore, factsAfter), "incremental facts the rebuild did not make");
        assertEquals(Set.of(), difference(factsAfter, factsBefore), "rebuilt facts the live consumers did not make");
        assertEquals(0, count("SELECT count(*) FROM participant_facts WHERE generation <> " + generation), "older generations removed");

        // The day counts the metrics are read from: those the rebuild summed are those the live trigger kept, but for the latecomer's.
        Set<String> countsAfter = counts(generation);
        assertTrue(countsBefore.size() > 10, "counted before");
        assertEquals(Set.of(), difference(countsBefore, countsAfter), "day counts kept live that the rebuild did not make");
        assertEquals(Set.of(), difference(countsAfter, countsBefore), "day counts the rebuild made that were not kept live");
        assertEquals(0, count("SELECT count(*) FROM scope_day_counts WHERE generation <> " + generation), "older counts removed");
        METRICS.forEach(name -> assertEquals(metricsBefore.get(name), metric(Roles.FINANCE, name, dayBefore).getMap(""), name));
        EVALUATION_FIGURES.forEach(name -> assertEquals(evaluationBefore.get(name), evaluation(Roles.FINANCE, name, cohortScope).getMap(""), name));
        assertTrue(count("SELECT count(*) FROM placement_terms_facts WHERE generation = " + generation) > 0, "placement terms rebuilt");
        assertArrayEquals(reportBefore, report(reportScope), "the same report, byte for byte");
        assertArrayEquals(everywhereBefore, report(Map.of("asOf", "2025-10-29")), "its provenance included");
        assertTrue(count("SELECT count(*) FROM event_facts WHERE generation = " + generation) > 30, "the events the figures rest on");
        assertEquals(7, metric(Roles.FINANCE, "summary", Map.of("location", pilot.location, "asOf", "2025-10-31")).getInt("enrolled"));
    }

    @Test
    void refusesASecondRebuildWhileOneRunsAndReplacesOneThatStoppedReporting() throws SQLException {
        int stuck = STUCK_GENERATION;
        execute("INSERT INTO projection_rebuilds (generation, status, requested_by, started_at, heartbeat_at) "
                + "VALUES (" + stuck + ", 'running', 'test-operator', now(), now())");
        execute("UPDATE projection_state SET building_generation = " + stuck);

        as(Roles.OPERATOR).post(REBUILDS).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:nld:werkdesk:problem:rebuild-already-running"));

        execute("UPDATE projection_rebuilds SET heartbeat_at = now() - interval '1 hour' WHERE generation = " + stuck);
        as(Roles.OPERATOR).get(REBUILDS + "/" + stuck).then().statusCode(200).body("stalled", equalTo(true));
        int generation = as(Roles.OPERATOR).post(REBUILDS).then().statusCode(202).extract().path("generation");
        as(Roles.OPERATOR).get(REBUILDS + "/" + stuck).then().statusCode(200).body("status", equalTo("failed"))
                .body("failure", containsString("abandoned"));
        await().atMost(Events.PROCESSED).until(() -> "completed".equals(as(Roles.OPERATOR).get(REBUILDS + "/" + generation).path("status")));
        assertEquals(0, count("SELECT count(*) FROM participant_facts WHERE generation = " + stuck));
        as(Roles.OPERATOR).get(REBUILDS + "/" + (stuck + 1_000_000)).then().statusCode(404);
    }

    private static byte[] report(Map<String, Object> scope) {
        return as(Roles.ANALYST).accept("text/html").queryParams(scope).get("/api/v1/evaluation/report").then().statusCode(200)
                .extract().asByteArray();
    }

    /** Every fact row of a generation, without the generation: the content that must not depend on how it was built. */
    private static Set<String> facts(int generation) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE)) {
            for (String table : FACT_TABLES) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT (to_jsonb(t) - 'generation')::text FROM " + table + " t WHERE generation = ?")) {
                    query.setInt(1, generation);
                    try (ResultSet found = query.executeQuery()) {
                        while (found.next()) {
                            rows.add(table + " " + found.getString(1));
                        }
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The non-zero day and month counts of a generation before the latecomer's registration (2025-10-30), summed per key:
     * a count kept up by the trigger may linger at zero where a rebuild leaves no row.
     */
    private static Set<String> counts(int generation) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE)) {
            for (String sql : List.of(
                    "SELECT concat_ws(' ', 'day', kind, location, phase, on_day, value, n) FROM scope_day_counts"
                            + " WHERE generation = ? AND n <> 0 AND on_day < DATE '2025-10-30'",
                    "SELECT concat_ws(' ', 'month', kind, location, phase, on_month, value, n) FROM scope_month_counts"
                            + " WHERE generation = ? AND n <> 0 AND on_month < DATE '2025-10-01'")) {
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    query.setInt(1, generation);
                    try (ResultSet found = query.executeQuery()) {
                        while (found.next()) {
                            rows.add(found.getString(1));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static Set<String> difference(Set<String> these, Set<String> those) {
        Set<String> only = new TreeSet<>(these);
        only.removeAll(those);
        return only;
    }

    private static int liveGeneration() throws SQLException {
        return (int) count("SELECT live_generation FROM projection_state");
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE);
             Statement statement = connection.createStatement(); ResultSet found = statement.executeQuery(sql)) {
            found.next();
            return found.getLong(1);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE);
             Statement statement = connection.createStatement(); ResultSet found = statement.executeQuery(sql)) {
            found.next();
            return found.getString(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
