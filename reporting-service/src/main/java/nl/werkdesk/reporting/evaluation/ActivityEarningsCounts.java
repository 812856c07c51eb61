package nl.werkdesk.reporting.evaluation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import nl.werkdesk.reporting.evaluation.ActivitiesFigure.ActivityCounts;
import nl.werkdesk.reporting.evaluation.ActivitiesFigure.Tally;
import nl.werkdesk.reporting.evaluation.EarningsFigure.Work;
import nl.werkdesk.reporting.metrics.MetricsQueries;
import nl.werkdesk.reporting.metrics.MetricsQueries.Sql;
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

    private static final List<String> EARNINGS_KINDS = List.of("earn:placements", "earn:days", "earn:days-at", "earn:hours", "earn:hours-at",
            "earn:wages", "earn:wages-at", "earn:wages-early", "earn:wages-early-at");
    private static final String MONTH_OF_AS_OF = "CAST(date_trunc('month', CAST(:asOf AS date)) AS date)";
    /**
     * Per month (asOf's month: its days up to asOf), kind and value, the earnings' counts of the scope (%1$s: its location and
     * phase). A sum per month, not per day: the figure as of a month's last day needs only the months up to it.
     */
    private static final String EARNINGS = """
            , earnings AS (
              SELECT s.on_month, s.kind, s.value, s.n FROM scope_month_counts s JOIN live ON s.generation = live.generation
               WHERE s.on_month < %2$s AND s.kind IN (%3$s) %1$s
              UNION ALL
              SELECT %2$s, s.kind, s.value, s.n FROM scope_day_counts s JOIN live ON s.generation = live.generation
               WHERE s.on_day >= %2$s AND s.on_day <= :asOf AND s.kind IN (%3$s) %1$s)
            SELECT on_month, kind, value, sum(n) FROM earnings GROUP BY on_month, kind, value""".formatted("%1$s", MONTH_OF_AS_OF,
            MetricsQueries.kindList(EARNINGS_KINDS));

    private final MetricsQueries queries;

    ActivityEarningsCounts(MetricsQueries queries) {
        this.queries = queries;
    }

    public Uni<ActivityCounts> activities(Scope scope) {
        return queries.counts(scope, ACTIVITY_KINDS).map(counts -> new ActivityCounts(tally(counts, GROUPS.get(0)),
                tally(counts, GROUPS.get(1)), tally(counts, GROUPS.get(2)), tally(counts, GROUPS.get(3)), tally(counts, GROUPS.get(4))));
    }

    /** The work of the scope's placements as of its date. */
    public Uni<Work> earnings(Scope scope) {
        // participantsOf for WITH live and the scope's parameters: its cohort goes unread here, so PostgreSQL never runs it.
        Sql sql = MetricsQueries.participantsOf(scope).append(EARNINGS.formatted(MetricsQueries.countsWhere(scope)));
        if (scope.phase() != null) {
            sql.bind("phase", scope.phase());
        }
        return sql.list().map(rows -> work(rows.stream().map(row -> new Counted(YearMonth.from(date(row[0])), (String) row[1],
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue())).toList(), scope.asOf()));
    }

    /**
     * The first enrolment or booking of the scope, where the monthly series starts: the metrics' (from the counts of
     * enrolments, ScopeCountsPropertyTest holds it to the recount), not a scan of the cohort.
     */
    public Uni<LocalDate> firstDate(Scope scope) {
        return queries.firstDate(scope);
    }

    /** The same recounted from the facts. */
    public Uni<LocalDate> directFirstDate(Scope scope) {
        return queries.directFirstDate(scope);
    }

    /** A sum of a kind's counts in a month, per value. */
    private record Counted(YearMonth month, String kind, long value, long n) {
    }

    /**
     * A period of work with rate r from day a to day b is +r (kind) and +r x a (kind-at) on day a, the opposite on day b: as of
     * a day t, (t + 1) x sum(kind) - sum(kind-at) over the counts up to t. The wages through a month's day add the work of the
     * participants registered after that day and by asOf (wages-early, valued with the registration).
     */
    private static Work work(List<Counted> counts, LocalDate asOf) {
        long day = asOf.toEpochDay();
        return new Work(sum(counts, "earn:placements"), grown(counts, "earn:days", day), grown(counts, "earn:hours", day),
                grown(counts, "earn:wages", day), through -> {
                    long on = through.toEpochDay();
                    YearMonth month = YearMonth.from(through);
                    List<Counted> upTo = counts.stream().filter(counted -> !counted.month().isAfter(month)).toList();
                    List<Counted> early = upTo.stream().filter(counted -> counted.value() > on && counted.value() <= day).toList();
                    return Math.addExact(grown(upTo, "earn:wages", on), grown(early, "earn:wages-early", on));
                });
    }

    private static long grown(List<Counted> counts, String kind, long day) {
        return Math.subtractExact(Math.multiplyExact(day + 1, sum(counts, kind)), sum(counts, kind + "-at"));
    }

    private static long sum(List<Counted> counts, String kind) {
        return counts.stream().filter(counted -> counted.kind().equals(kind)).mapToLong(Counted::n).reduce(0, Math::addExact);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    }

    private static Tally tally(ScopeCounts counts, String group) {
        return new Tally(counts.count("act:" + group), counts.count("act:" + group + ":placed"));
    }
}
