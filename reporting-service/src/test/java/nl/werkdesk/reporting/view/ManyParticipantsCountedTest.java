package nl.werkdesk.reporting.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.werkdesk.reporting.PilotScenario;
import nl.werkdesk.reporting.TestResources;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The two counts of many participants at once, the evaluation's pending ones and a whole generation's fill, are planned
 * for their ids on every call (migration V2026_12_08_20), even on a connection whose PL/pgSQL plan cache would take a
 * generic plan: one made for a few ids and for the tables as they were, which a burst turns into minutes. Each test
 * sets the worst the cache can do (plan_cache_mode = force_generic_plan), has auto_explain send every plan as a notice,
 * runs the count in a transaction it rolls back, and looks at the plans of the statements given the ids. Needs the test
 * server's superuser (LOAD 'auto_explain').
 */
@QuarkusTest
class ManyParticipantsCountedTest {

    /** The statements that compute the ids' contributions: both counts pass them on as the argument {@code ids}. */
    private static final Pattern GIVEN_THE_IDS = Pattern.compile("_contributions(_of)?\\(gen, ids\\)");
    /** How a plan made for any ids shows them: a parameter, where a plan for these ids shows the array itself. */
    private static final String ANY_IDS = "ANY ($";

    @Test
    void countsPendingParticipantsWithPlansForThemWhateverTheConnectionHasCached() throws Exception {
        new PilotScenario().withPlacedParticipants(3, "2025-03-03", "2025-04-01");

        List<String> plans = plansOf("INSERT INTO evaluation_pending (generation, participant_id)"
                + " SELECT generation, participant_id FROM participant_facts f JOIN projection_state s ON s.id = 1"
                + " AND f.generation = s.live_generation", "SELECT evaluation_count_pending()");

        assertPlannedForTheIds(plans, 1);
    }

    @Test
    void fillsAGenerationWithPlansForItsIdsWhateverTheConnectionHasCached() throws Exception {
        new PilotScenario().withPlacedParticipants(3, "2025-03-03", "2025-04-01");

        List<String> plans = plansOf("SELECT reporting_fill(live_generation) FROM projection_state WHERE id = 1");

        assertPlannedForTheIds(plans, 2);
    }

    /**
     * Runs the statements in one transaction, rolled back, on a connection that takes generic plans and has auto_explain
     * send every plan as a notice; returns the plans of the last statement.
     */
    private static List<String> plansOf(String... statements) throws SQLException {
        try (Connection db = PostgresServer.shared().connect(TestResources.DATABASE); Statement sql = db.createStatement()) {
            sql.execute("LOAD 'auto_explain'");
            sql.execute("SET auto_explain.log_min_duration = 0");
            sql.execute("SET auto_explain.log_nested_statements = on");
            sql.execute("SET auto_explain.log_level = notice");
            sql.execute("SET plan_cache_mode = force_generic_plan");
            db.setAutoCommit(false);
            for (String statement : statements) {
                sql.execute(statement);
            }
            List<String> plans = notices(sql);
            db.rollback();
            return plans;
        }
    }

    private static List<String> notices(Statement sql) throws SQLException {
        List<String> notices = new ArrayList<>();
        for (SQLWarning notice = sql.getWarnings(); notice != null; notice = notice.getNextWarning()) {
            notices.add(notice.getMessage());
        }
        return notices;
    }

    /** The statements given the ids: as many as the count has, each planned for the ids themselves. */
    private static void assertPlannedForTheIds(List<String> plans, int statements) {
        List<String> givenTheIds = plans.stream().filter(plan -> GIVEN_THE_IDS.matcher(plan).find()).toList();
        assertEquals(statements, givenTheIds.size(), "plans of the statements given the ids");
        givenTheIds.forEach(plan -> {
            assertTrue(plan.contains("participant_id = ANY ("), "the plan filters by the ids: " + plan);
            assertFalse(plan.contains(ANY_IDS), "a plan for any ids: " + plan);
        });
    }
}
