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
import nl.werkdesk.reporting.ReportingModule;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Earnings;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.metrics.Suppression;
import org.junit.jupiter.api.Test;

/**
 * The earnings figure with its work read from the day counts equals the figure recounted from the facts (the direct path,
 * kept as the oracle), as whole responses (JSON and CSV), monthly series included: for a random cohort
 * (ActivityEarningsCohort: changes of terms, two on one day and some before the start, placements ended or not, several per
 * participant, work before the registration), in every scope, as of every fourth day and every event's date, with and
 * without the analyst's suppression, with the configured longest series and with one of three months.
 */
@QuarkusTest
class EarningsCountsPropertyTest {

    static final long SEED = 20261208L;
    static final int PARTICIPANTS = 40;
    static final int SHORT_SERIES = 3;

    @Inject
    Evaluation evaluation;
    @Inject
    Phases phases;
    @Inject
    ObjectMapper json;
    @Inject
    ReportingModule.Config config;

    @Test
    void earningsFromTheDayCountsEqualTheEarningsRecountedFromTheFactsInEveryScopeAsOfEveryDate() throws Throwable {
        ActivityEarningsCohort cohort = new ActivityEarningsCohort(new Random(SEED), PARTICIPANTS);
        cohort.publish();

        cohort.compareInEveryScope(phases, LAST.plusMonths(3), at -> {
            Suppression suppression = evaluation.suppression(at.analyst());
            int maxMonths = at.index() % 3 == 0 ? SHORT_SERIES : config.maxMonths();
            String where = at.where() + ", " + suppression + ", " + maxMonths + " months";
            Earnings direct = onContext(() -> evaluation.directEarnings(at.scope(), suppression, maxMonths));
            Earnings counted = onContext(() -> evaluation.earnings(at.scope(), suppression, maxMonths));
            assertEquals(json.writeValueAsString(direct), json.writeValueAsString(counted), where);
            assertEquals(EvaluationCsv.of(direct), EvaluationCsv.of(counted), where);
        });
        // Not a vacuous comparison: the cohort's own locations earned, worked and spent, over a series longer than the short one.
        for (String location : List.of(cohort.west.location, cohort.east.location)) {
            Earnings last = onContext(() -> evaluation.earnings(Scope.of(location, null, null, null, LAST, phases),
                    evaluation.suppression(false)));
            assertTrue(last.placements() > 3 && last.daysInWork() > 0 && last.grossWagesCents() > 0 && last.spendToDateCents() > 0
                    && last.months().size() > SHORT_SERIES, last.toString());
        }
    }
}
