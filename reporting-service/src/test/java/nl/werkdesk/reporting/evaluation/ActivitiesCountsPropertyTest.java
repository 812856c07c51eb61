package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.CountsCohort.LAST;
import static nl.werkdesk.reporting.CountsCohort.onContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Random;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroup;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroups;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.metrics.Suppression;
import org.junit.jupiter.api.Test;

/**
 * The activities figure served from the day counts equals the figure recounted from the facts (the direct path, kept as
 * the oracle), as whole responses: for a random cohort (ActivityEarningsCohort), in every scope, as of every fourth day and
 * every event's date, with and without the analyst's suppression.
 */
@QuarkusTest
class ActivitiesCountsPropertyTest {

    static final long SEED = 20261207L;
    static final int PARTICIPANTS = 40;

    @Inject
    Evaluation evaluation;
    @Inject
    Phases phases;
    @Inject
    ObjectMapper json;

    @Test
    void activitiesFromTheDayCountsEqualTheActivitiesRecountedFromTheFactsInEveryScopeAsOfEveryDate() throws Throwable {
        ActivityEarningsCohort cohort = new ActivityEarningsCohort(new Random(SEED), PARTICIPANTS);
        cohort.publish();

        cohort.compareInEveryScope(phases, LAST, at -> {
            Suppression suppression = evaluation.suppression(at.analyst());
            String where = at.where() + ", " + suppression;
            ActivityGroups direct = onContext(() -> evaluation.directActivities(at.scope(), suppression));
            ActivityGroups counted = onContext(() -> evaluation.activities(at.scope(), suppression));
            // A count in a breakdown has no equality of its own: the responses are equal when their JSON and CSV are.
            assertEquals(json.writeValueAsString(direct), json.writeValueAsString(counted), where);
            assertEquals(EvaluationCsv.of(direct), EvaluationCsv.of(counted), where);
        });
        // Not a vacuous comparison: every group of the cohort's own locations has members, placed or not, at the end.
        for (String location : List.of(cohort.west.location, cohort.east.location)) {
            ActivityGroups last = onContext(() -> evaluation.activities(Scope.of(location, null, null, null, LAST, phases),
                    evaluation.suppression(false)));
            assertTrue(last.placed() > 0 && last.placed() < last.participants(), last.toString());
            for (ActivityGroup group : last.groups()) {
                assertTrue((Long) group.participants().json() > 0, last.toString());
            }
        }
    }
}
