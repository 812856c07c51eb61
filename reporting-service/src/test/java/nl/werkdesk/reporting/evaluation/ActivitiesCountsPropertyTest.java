package nl.werkdesk.reporting.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroup;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroups;
import nl.werkdesk.reporting.metrics.MetricsQueries;
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

        Set<LocalDate> dates = new TreeSet<>(cohort.dates);
        for (LocalDate day = ActivityEarningsCohort.FIRST; !day.isAfter(ActivityEarningsCohort.LAST); day = day.plusDays(4)) {
            dates.add(day);
        }
        List<String> locations = new ArrayList<>(List.of(cohort.west.location, cohort.east.location));
        locations.add(null);
        List<Integer> phaseNumbers = new ArrayList<>(phases.numbers());
        phaseNumbers.add(null);
        int compared = 0;
        for (LocalDate asOf : dates) {
            for (String location : locations) {
                for (Integer phase : phaseNumbers) {
                    Scope scope = Scope.of(location, phase, null, null, asOf, phases);
                    assertTrue(MetricsQueries.counted(scope));
                    Suppression suppression = evaluation.suppression(compared % 2 == 0);
                    String where = "as of " + asOf + ", location " + location + ", phase " + phase + ", " + suppression;
                    ActivityGroups direct = onContext(() -> evaluation.directActivities(scope, suppression));
                    ActivityGroups counted = onContext(() -> evaluation.activities(scope, suppression));
                    // A count in a breakdown has no equality of its own: the responses are equal when their JSON and CSV are.
                    assertEquals(json.writeValueAsString(direct), json.writeValueAsString(counted), where);
                    assertEquals(EvaluationCsv.of(direct), EvaluationCsv.of(counted), where);
                    compared++;
                }
            }
        }
        // Not a vacuous comparison: every group of the cohort's own locations has members, placed or not, at the end.
        for (String location : List.of(cohort.west.location, cohort.east.location)) {
            ActivityGroups last = onContext(() -> evaluation.activities(Scope.of(location, null, null, null, ActivityEarningsCohort.LAST, phases),
                    evaluation.suppression(false)));
            assertTrue(last.placed() > 0 && last.placed() < last.participants(), last.toString());
            for (ActivityGroup group : last.groups()) {
                assertTrue((Long) group.participants().json() > 0, last.toString());
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }

    private static <T> T onContext(Supplier<Uni<T>> query) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(query));
    }
}
