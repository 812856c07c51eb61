package nl.werkdesk.reporting.evaluation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Stream;
import nl.werkdesk.reporting.evaluation.ActivitiesFigure.ActivityCounts;
import nl.werkdesk.reporting.evaluation.ActivitiesFigure.Tally;
import nl.werkdesk.reporting.metrics.MetricsQueries;
import nl.werkdesk.reporting.metrics.ScopeCounts;
import nl.werkdesk.reporting.metrics.Scope;

/**
 * The activities and earnings figures' inputs read from the day counts (kinds act:* and earn:*, written by
 * activity_earnings_contributions in the migration V2026_12_07_21): for every scope without from/to.
 */
@ApplicationScoped
public class ActivityEarningsCounts {

    /** The population and the activity groups counted per participant (no-activity is the population minus any-activity). */
    private static final List<String> GROUPS = List.of("population", "application-training", "cv-help", "job-fair", "any-activity");
    static final List<String> ACTIVITY_KINDS = GROUPS.stream().flatMap(group -> Stream.of("act:" + group, "act:" + group + ":placed")).toList();

    private final MetricsQueries queries;

    ActivityEarningsCounts(MetricsQueries queries) {
        this.queries = queries;
    }

    public Uni<ActivityCounts> activities(Scope scope) {
        return queries.counts(scope, ACTIVITY_KINDS).map(counts -> new ActivityCounts(tally(counts, GROUPS.get(0)),
                tally(counts, GROUPS.get(1)), tally(counts, GROUPS.get(2)), tally(counts, GROUPS.get(3)), tally(counts, GROUPS.get(4))));
    }

    private static Tally tally(ScopeCounts counts, String group) {
        return new Tally(counts.count("act:" + group), counts.count("act:" + group + ":placed"));
    }
}
