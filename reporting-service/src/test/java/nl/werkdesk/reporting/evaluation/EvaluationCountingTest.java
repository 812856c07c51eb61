package nl.werkdesk.reporting.evaluation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;
import nl.werkdesk.reporting.Events;
import nl.werkdesk.reporting.PilotScenario;
import nl.werkdesk.reporting.TestResources;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.PlacementRetention;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.view.EvaluationCounting;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * A consumer's commit counts the metrics' kinds of its participants and leaves the evaluation's pending; they are counted
 * in the background, and by a read of an evaluation figure before it reads, so the figure counts every processed event.
 */
@QuarkusTest
class EvaluationCountingTest {

    static final LocalDate AS_OF = LocalDate.parse("2025-12-31");
    private static final String METRICS_CONTRIBUTIONS = """
            SELECT count(*) FROM participant_contributions c JOIN projection_state s ON s.id = 1 AND c.generation = s.live_generation
             WHERE c.location = ?""";
    private static final String EVALUATION_CONTRIBUTIONS = """
            SELECT count(*) FROM evaluation_contributions c JOIN projection_state s ON s.id = 1 AND c.generation = s.live_generation
             WHERE c.location = ?""";
    private static final String PENDING = """
            SELECT count(DISTINCT p.participant_id) FROM evaluation_pending p
              JOIN projection_state s ON s.id = 1 AND p.generation = s.live_generation
              JOIN participant_facts f ON f.generation = p.generation AND f.participant_id = p.participant_id
             WHERE f.location = ?""";

    @Inject
    Evaluation evaluation;
    @Inject
    Phases phases;
    @Inject
    Scheduler scheduler;

    @Test
    void aCommitLeavesTheEvaluationsKindsPendingAndAReadOfAFigureCountsThemFirst() throws Throwable {
        scheduler.pause(EvaluationCounting.IDENTITY);
        try {
            PilotScenario place = new PilotScenario().withPlacedParticipants(3, "2025-03-03", "2025-04-01");
            assertTrue(count(METRICS_CONTRIBUTIONS, place.location) > 0, "the metrics' kinds counted at the commit");
            assertEquals(0, count(EVALUATION_CONTRIBUTIONS, place.location));
            assertEquals(3, count(PENDING, place.location));

            Scope scope = Scope.of(place.location, null, null, null, AS_OF, phases);
            PlacementRetention counted = onContext(() -> evaluation.placementRetention(scope, evaluation.suppression(false)));

            assertEquals(3, counted.placements());
            assertEquals(onContext(() -> evaluation.directPlacementRetention(scope, evaluation.suppression(false))), counted);
            assertEquals(0, count(PENDING, place.location));
            assertTrue(count(EVALUATION_CONTRIBUTIONS, place.location) > 0);
        } finally {
            scheduler.resume(EvaluationCounting.IDENTITY);
        }
    }

    @Test
    void theEvaluationsKindsAreCountedInTheBackgroundWithoutARead() throws Exception {
        PilotScenario place = new PilotScenario().withPlacedParticipants(2, "2025-03-03", "2025-04-01");

        await().atMost(Events.PROCESSED).pollInterval(Duration.ofMillis(200))
                .until(() -> count(PENDING, place.location) == 0 && count(EVALUATION_CONTRIBUTIONS, place.location) > 0);
    }

    private static long count(String query, String location) throws Exception {
        try (Connection db = PostgresServer.shared().connect(TestResources.DATABASE);
             PreparedStatement statement = db.prepareStatement(query)) {
            statement.setString(1, location);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static <T> T onContext(Supplier<Uni<T>> query) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(query));
    }
}
