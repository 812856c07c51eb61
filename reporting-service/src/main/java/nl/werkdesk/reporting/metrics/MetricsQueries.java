package nl.werkdesk.reporting.metrics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.eventsourcing.SessionSql;

/**
 * The metrics as SQL over the facts of the live generation. "As of" is a condition on the facts' business dates,
 * never a replay. Every query runs in the caller's session.
 *
 * <p>A scope without from/to (programme, location, phase, or both) is read from the day counts the database keeps as the
 * facts arrive (scope_day_counts and scope_month_counts, see the migration V2026_12_07_10 and docs/decisions.md): a sum
 * over a few thousand rows rather than a recount of the cohort. The direct queries stay for from/to cohorts, and they are
 * what the counts are tested against ({@code ScopeCountsPropertyTest}).
 */
@ApplicationScoped
public class MetricsQueries {

    /** Participant, permit and placement figures of a scope as of its date. */
    public record Totals(long enrolled, long intakesCompleted, long withActivity, long twvsRequested, long twvsGranted,
                         long twvsRefused, Double medianTwvLeadTimeDays, long participantsWithTwvRequested,
                         long participantsWithTwvGranted, long placed, long activePlacements, long sustainedPlacements,
                         long participantsSustained, long endedByCoaRelocation, Double medianDaysIntakeToFirstPlacement) {
    }

    /** The funnel's stages: participants enrolled, with an intake, an activity, a TWV requested, granted, placed, sustained. */
    public record FunnelCounts(long enrolled, long intakesCompleted, long withActivity, long participantsWithTwvRequested,
                               long participantsWithTwvGranted, long placed, long participantsSustained) {

        static FunnelCounts of(Totals totals) {
            return new FunnelCounts(totals.enrolled(), totals.intakesCompleted(), totals.withActivity(),
                    totals.participantsWithTwvRequested(), totals.participantsWithTwvGranted(), totals.placed(),
                    totals.participantsSustained());
        }
    }

    public record Money(long budgetCents, long spendCents) {
    }

    public record LocationRow(String location, long enrolled, long placed, long placements, long activePlacements) {
    }

    public record MonthRow(YearMonth month, long enrolled, long placed, long activePlacements, long spendCents) {
    }

    /** The events of a topic that established facts, dated on or before a date, and the latest of their dates. */
    public record TopicEvents(String topic, long events, LocalDate latest) {
    }

    /** What a count's kind may be named (checked before it is written into the SQL). */
    private static final Pattern KIND = Pattern.compile("[a-z0-9:-]+");
    public static final String LIVE = "live AS (SELECT live_generation AS generation FROM projection_state WHERE id = 1)";
    private static final String PLACEMENTS_OF_COHORT = """
            placements AS (
              SELECT pl.placement_id, pl.participant_id, pl.sector, pl.started_on, pl.ended_on, pl.end_reason, pl.sustained_on,
                     pl.sustained_withdrawn_on, c.registered_on
                FROM placement_facts pl JOIN live ON pl.generation = live.generation
                JOIN cohort c ON c.participant_id = pl.participant_id
               WHERE pl.started_on <= :asOf)""";

    /** The months of a series, each with its first day and the day its figures are taken: its last, or asOf in asOf's month. */
    private static final String MONTHS = """
            , months AS (
              SELECT CAST(m AS date) AS month_start,
                     LEAST(CAST(m + interval '1 month' - interval '1 day' AS date), CAST(:asOf AS date)) AS month_end
                FROM generate_series(CAST(:firstMonth AS date), CAST(:lastMonth AS date), interval '1 month') AS m)""";

    private static final String TOTALS = """
            , permits AS (
              SELECT pf.participant_id, pf.requested_on, pf.granted_on, pf.refused_on
                FROM permit_facts pf JOIN live ON pf.generation = live.generation
                JOIN cohort c ON c.participant_id = pf.participant_id),
            first_placements AS (SELECT participant_id, min(started_on) AS started_on FROM placements GROUP BY participant_id)
            SELECT
              (SELECT count(*) FROM cohort),
              (SELECT count(*) FROM cohort WHERE intake_completed_on <= :asOf),
              (SELECT count(*) FROM cohort WHERE first_activity_on <= :asOf),
              (SELECT count(*) FROM permits WHERE requested_on <= :asOf),
              (SELECT count(*) FROM permits WHERE granted_on <= :asOf),
              (SELECT count(*) FROM permits WHERE refused_on <= :asOf),
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY coalesce(granted_on, refused_on) - requested_on)
                 FROM permits WHERE requested_on IS NOT NULL AND coalesce(granted_on, refused_on) <= :asOf),
              (SELECT count(DISTINCT participant_id) FROM permits WHERE requested_on <= :asOf),
              (SELECT count(DISTINCT participant_id) FROM permits WHERE granted_on <= :asOf),
              (SELECT count(*) FROM first_placements),
              (SELECT count(*) FROM placements WHERE ended_on IS NULL OR ended_on > :asOf),
              -- sustained: the milestone reached by then and not withdrawn by then (placement-service publishes a withdrawal)
              (SELECT count(*) FROM placements
                WHERE sustained_on <= :asOf AND (sustained_withdrawn_on IS NULL OR sustained_withdrawn_on > :asOf)),
              (SELECT count(DISTINCT participant_id) FROM placements
                WHERE sustained_on <= :asOf AND (sustained_withdrawn_on IS NULL OR sustained_withdrawn_on > :asOf)),
              (SELECT count(*) FROM placements WHERE end_reason = 'relocated-by-coa' AND ended_on <= :asOf),
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY f.started_on - c.intake_completed_on)
                 FROM first_placements f JOIN cohort c ON c.participant_id = f.participant_id
                WHERE c.intake_completed_on <= :asOf)""";

    /**
     * Per kind and value, the sum of the counts of a scope on or before its date: the months before the date's month, then
     * the days of its month. %1$s narrows to the scope's location and phase.
     */
    private static final String COUNTS = """
            counts AS (
              SELECT s.location, s.kind, s.value, s.n FROM scope_month_counts s JOIN live ON s.generation = live.generation
               WHERE s.on_month < CAST(date_trunc('month', CAST(:asOf AS date)) AS date) %1$s
              UNION ALL
              SELECT s.location, s.kind, s.value, s.n FROM scope_day_counts s JOIN live ON s.generation = live.generation
               WHERE s.on_day >= CAST(date_trunc('month', CAST(:asOf AS date)) AS date) AND s.on_day <= :asOf %1$s)""";
    private static final String COUNTS_BY_KIND = """
            SELECT kind, value, sum(n) FROM counts GROUP BY kind, value""";
    private static final String COUNTS_BY_LOCATION = """
            SELECT location, sum(n) FILTER (WHERE kind = 'enrolled'), coalesce(sum(n) FILTER (WHERE kind = 'placed'), 0),
                   coalesce(sum(n) FILTER (WHERE kind = 'placements-started'), 0),
                   coalesce(sum(n) FILTER (WHERE kind = 'placements-started'), 0) - coalesce(sum(n) FILTER (WHERE kind = 'placements-ended'), 0)
              FROM counts
             GROUP BY location HAVING sum(n) FILTER (WHERE kind = 'enrolled') > 0 ORDER BY location""";

    private static final String BY_SECTOR = """
            SELECT sector, count(*) FROM placements WHERE sector IS NOT NULL GROUP BY sector""";

    /** The cohort has one row per participant: with the placements counted per participant first, no count is DISTINCT. */
    private static final String BY_LOCATION = """
            SELECT c.location, count(*), count(p.participant_id), coalesce(sum(p.placements), 0), coalesce(sum(p.active), 0)
              FROM cohort c LEFT JOIN (SELECT participant_id, count(*) AS placements,
                                              count(*) FILTER (WHERE ended_on IS NULL OR ended_on > :asOf) AS active
                                         FROM placements GROUP BY participant_id) AS p ON p.participant_id = c.participant_id
             GROUP BY c.location ORDER BY c.location""";

    private static final String MONEY = """
            SELECT (SELECT coalesce(sum(a.amount_cents), 0) FROM budget_allocation_facts a JOIN live ON a.generation = live.generation
                     WHERE a.allocated_on <= :asOf %s),
                   (SELECT coalesce(sum(amount_cents), 0) FROM bookings)
                   + (SELECT coalesce(sum(amount_cents), 0) FROM corrections)""";

    /**
     * One pass over the cohort and its placements, not one per month: per day, what starts counting on it (an enrolment, a
     * participant's first placement, a placement's start, its end; none before the registration, which the scope's facts
     * wait for), then each month's figures as the sums up to its end. Active at a month's end = started by then minus ended
     * by then, which is exactly "started and not ended after it".
     */
    private static final String MONTHLY = MONTHS + """
            ,
            days AS (
              SELECT on_day, sum(enrolled) AS enrolled, sum(placed) AS placed, sum(started) - sum(ended) AS active
                FROM (SELECT registered_on AS on_day, count(*) AS enrolled, 0 AS placed, 0 AS started, 0 AS ended FROM cohort GROUP BY 1
                      UNION ALL
                      SELECT on_day, 0, count(*), 0, 0
                        FROM (SELECT GREATEST(min(started_on), min(registered_on)) AS on_day FROM placements GROUP BY participant_id) AS f
                       GROUP BY 1
                      UNION ALL
                      SELECT GREATEST(started_on, registered_on), 0, 0, count(*), 0 FROM placements GROUP BY 1
                      UNION ALL
                      SELECT GREATEST(started_on, registered_on, ended_on), 0, 0, 0, count(*) FROM placements
                       WHERE ended_on IS NOT NULL GROUP BY 1) AS d
               GROUP BY on_day)
            SELECT to_char(month_start, 'YYYY-MM'),
              (SELECT coalesce(sum(enrolled), 0) FROM days WHERE on_day <= month_end),
              (SELECT coalesce(sum(placed), 0) FROM days WHERE on_day <= month_end),
              (SELECT coalesce(sum(active), 0) FROM days WHERE on_day <= month_end),
              (SELECT coalesce(sum(amount_cents), 0) FROM bookings b WHERE b.booked_on BETWEEN month_start AND month_end)
              + (SELECT coalesce(sum(amount_cents), 0) FROM corrections k WHERE k.booked_on BETWEEN month_start AND month_end)
              FROM months ORDER BY month_start""";

    /**
     * The monthly series from the counts: per month, the counts of its days (the months before asOf's, then the days of
     * asOf's month up to it), and each month's figures as the sums up to it.
     */
    private static final String COUNTED_MONTHLY = MONTHS + """
            ,
            per_month AS (
              SELECT s.on_month AS month_start, s.kind, sum(s.n) AS n FROM scope_month_counts s JOIN live ON s.generation = live.generation
               WHERE s.on_month < CAST(date_trunc('month', CAST(:asOf AS date)) AS date) AND s.kind IN (%2$s) %1$s
               GROUP BY s.on_month, s.kind
              UNION ALL
              SELECT CAST(date_trunc('month', CAST(:asOf AS date)) AS date), s.kind, sum(s.n) FROM scope_day_counts s
                JOIN live ON s.generation = live.generation
               WHERE s.on_day >= CAST(date_trunc('month', CAST(:asOf AS date)) AS date) AND s.on_day <= :asOf AND s.kind IN (%2$s) %1$s
               GROUP BY s.kind),
            running AS (
              SELECT m.month_start, m.month_end,
                     coalesce(sum(p.n) FILTER (WHERE p.kind = 'enrolled'), 0) AS enrolled,
                     coalesce(sum(p.n) FILTER (WHERE p.kind = 'placed'), 0) AS placed,
                     coalesce(sum(p.n) FILTER (WHERE p.kind = 'placements-started'), 0)
                       - coalesce(sum(p.n) FILTER (WHERE p.kind = 'placements-ended'), 0) AS active
                FROM months m LEFT JOIN per_month p ON p.month_start <= m.month_start
               GROUP BY m.month_start, m.month_end)
            SELECT to_char(month_start, 'YYYY-MM'), enrolled, placed, active,
              (SELECT coalesce(sum(amount_cents), 0) FROM bookings b WHERE b.booked_on BETWEEN month_start AND month_end)
              + (SELECT coalesce(sum(amount_cents), 0) FROM corrections k WHERE k.booked_on BETWEEN month_start AND month_end)
              FROM running ORDER BY month_start""";
    private static final List<String> LOCATION_KINDS = List.of("enrolled", "placed", "placements-started", "placements-ended");
    private static final String MONTHLY_KINDS = kindList(LOCATION_KINDS);
    /** The earliest day with an enrolment in scope on or before its date, from the counts. */
    private static final String COUNTED_FIRST_DATE = """
            SELECT LEAST((SELECT min(on_day) FROM (SELECT s.on_day FROM scope_day_counts s JOIN live ON s.generation = live.generation
                                                    WHERE s.kind = 'enrolled' AND s.on_day <= :asOf %1$s
                                                    GROUP BY s.on_day HAVING sum(s.n) > 0) AS enrolments),
                         (SELECT min(booked_on) FROM bookings))""";

    private static final String FIRST_DATE = """
            SELECT LEAST((SELECT min(registered_on) FROM cohort), (SELECT min(booked_on) FROM bookings))""";

    private static final String PROVENANCE = """
            SELECT e.topic, count(*), max(e.occurred_on) FROM event_facts e JOIN live ON e.generation = live.generation
             WHERE e.occurred_on <= :asOf GROUP BY e.topic""";

    private static final String LOCATIONS = """
            SELECT DISTINCT p.location FROM participant_facts p JOIN live ON p.generation = live.generation
             WHERE p.registered_on IS NOT NULL ORDER BY p.location""";

    /** Whether the scope's figures come from the day counts: every scope but a from/to cohort. */
    public static boolean counted(Scope scope) {
        return scope.from() == null && scope.to() == null;
    }

    public Uni<Totals> totals(Scope scope) {
        return counted(scope) ? counts(scope).map(ScopeCounts::totals) : directTotals(scope);
    }

    /**
     * The funnel, from the day counts of its own kinds only: without the medians' histograms, 1,136 rows to sum instead of
     * 15,012 for the programme at the bench's 100,000 participants.
     */
    public Uni<FunnelCounts> funnel(Scope scope) {
        return counted(scope) ? counts(scope, ScopeCounts.FUNNEL_KINDS).map(counts -> FunnelCounts.of(counts.totals()))
                : directFunnel(scope);
    }

    public Uni<FunnelCounts> directFunnel(Scope scope) {
        return directTotals(scope).map(FunnelCounts::of);
    }

    /** The totals recounted from the facts: for from/to cohorts, and the oracle of the counts. */
    public Uni<Totals> directTotals(Scope scope) {
        Sql sql = participantsOf(scope).append(", " + PLACEMENTS_OF_COHORT).append(TOTALS);
        return sql.single().map(row -> new Totals(number(row[0]), number(row[1]), number(row[2]), number(row[3]), number(row[4]),
                number(row[5]), decimal(row[6]), number(row[7]), number(row[8]), number(row[9]), number(row[10]), number(row[11]),
                number(row[12]), number(row[13]), decimal(row[14])));
    }

    public Uni<Money> money(Scope scope) {
        Sql sql = moneyOf(scope).append(MONEY.formatted(budgetPhases(scope)));
        return sql.single().map(row -> new Money(number(row[0]), number(row[1])));
    }

    /** The condition on budget_allocation_facts a that keeps the allocations to the phases of the scope. */
    public static String budgetPhases(Scope scope) {
        return scope.budgetPhases() == null ? ""
                : scope.budgetPhases().isEmpty() ? "AND false"
                // Phase numbers come from the configuration, never from the request: safe to write into the SQL.
                : "AND a.phase IN (" + scope.budgetPhases().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    /** Per kind and value, the metrics' counts of the scope as of its date. */
    public Uni<ScopeCounts> counts(Scope scope) {
        return counts(scope, ScopeCounts.METRIC_KINDS);
    }

    /**
     * Per kind and value, the counts of these kinds of the scope as of its date: a figure reads only its own kinds (the
     * index by kind), however many other figures the counts keep.
     */
    public Uni<ScopeCounts> counts(Scope scope, Collection<String> kinds) {
        return countsOf(scope, COUNTS_BY_KIND, kinds).list().map(ScopeCounts::of);
    }

    public Uni<Map<String, Long>> placementsBySector(Scope scope) {
        return counted(scope) ? counts(scope, ScopeCounts.SECTOR_KINDS).map(ScopeCounts::bySector) : directPlacementsBySector(scope);
    }

    public Uni<Map<String, Long>> directPlacementsBySector(Scope scope) {
        Sql sql = participantsOf(scope).append(", " + PLACEMENTS_OF_COHORT).append(BY_SECTOR);
        return sql.list().map(rows -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            rows.forEach(row -> counts.put((String) row[0], number(row[1])));
            return counts;
        });
    }

    public Uni<List<LocationRow>> byLocation(Scope scope) {
        return counted(scope) ? locationRows(countsOf(scope, COUNTS_BY_LOCATION, LOCATION_KINDS)) : directByLocation(scope);
    }

    public Uni<List<LocationRow>> directByLocation(Scope scope) {
        return locationRows(participantsOf(scope).append(", " + PLACEMENTS_OF_COHORT).append(BY_LOCATION));
    }

    private static Uni<List<LocationRow>> locationRows(Sql sql) {
        return sql.list().map(rows -> rows.stream()
                .map(row -> new LocationRow((String) row[0], number(row[1]), number(row[2]), number(row[3]), number(row[4])))
                .toList());
    }

    /** The earliest enrolment or booking in scope, where a series without a start of its own begins; null if none. */
    public Uni<LocalDate> firstDate(Scope scope) {
        return counted(scope) ? firstDateOf(bindMoney(new Sql("WITH " + LIVE + ", " + moneyCtes(scope), scopeParameters(scope))
                .append(COUNTED_FIRST_DATE.formatted(countsWhere(scope))), scope)) : directFirstDate(scope);
    }

    public Uni<LocalDate> directFirstDate(Scope scope) {
        return firstDateOf(participantsOf(scope).append(", " + moneyCtes(scope)).append(FIRST_DATE));
    }

    private static Uni<LocalDate> firstDateOf(Sql sql) {
        return sql.list().map(rows -> rows.isEmpty() ? null : date(rows.get(0)));
    }

    public Uni<List<MonthRow>> monthly(Scope scope, YearMonth first, YearMonth last) {
        if (!counted(scope)) {
            return directMonthly(scope, first, last);
        }
        Sql sql = bindMoney(new Sql("WITH " + LIVE + ", " + moneyCtes(scope), scopeParameters(scope))
                .append(COUNTED_MONTHLY.formatted(countsWhere(scope), MONTHLY_KINDS)), scope);
        return monthRows(sql.bind("firstMonth", first.atDay(1)).bind("lastMonth", last.atDay(1)));
    }

    public Uni<List<MonthRow>> directMonthly(Scope scope, YearMonth first, YearMonth last) {
        Sql sql = participantsOf(scope).append(", " + PLACEMENTS_OF_COHORT).append(", " + moneyCtes(scope)).append(MONTHLY)
                .bind("firstMonth", first.atDay(1)).bind("lastMonth", last.atDay(1));
        return monthRows(sql);
    }

    private static Uni<List<MonthRow>> monthRows(Sql sql) {
        return sql.list().map(rows -> rows.stream()
                .map(row -> new MonthRow(YearMonth.parse((String) row[0]), number(row[1]), number(row[2]), number(row[3]), number(row[4])))
                .toList());
    }

    /** The locations where participants enrolled, for the dashboard's filter. */
    public Uni<List<String>> locations() {
        return new Sql("WITH " + LIVE + " " + LOCATIONS, new LinkedHashMap<>()).list()
                .map(rows -> rows.stream().map(row -> (String) row[0]).toList());
    }

    /**
     * Per topic (every topic of {@link Topics#ALL}, in that order), the events the live projections rest on that are dated on
     * or before {@code asOf}, and the latest of their business dates.
     */
    public Uni<List<TopicEvents>> provenance(LocalDate asOf) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", asOf);
        return new Sql("WITH " + LIVE + " " + PROVENANCE, parameters).list().map(rows -> Topics.ALL.stream().map(topic -> rows.stream()
                .filter(row -> topic.equals(row[0])).findFirst()
                .map(row -> new TopicEvents(topic, number(row[1]), date(new Object[] {row[2]})))
                .orElse(new TopicEvents(topic, 0, null))).toList());
    }

    /** WITH live, counts: the day counts of these kinds of the scope (location and phase) on or before its date, then {@code select}. */
    private static Sql countsOf(Scope scope, String select, Collection<String> kinds) {
        return new Sql("WITH " + LIVE + ", " + COUNTS.formatted(countsWhere(scope) + " AND s.kind IN (" + kindList(kinds) + ")") + " " + select,
                scopeParameters(scope));
    }

    /** Kinds as an SQL list. Kinds are names in the code, never from a request: checked, then safe to write into the SQL. */
    public static String kindList(Collection<String> kinds) {
        if (kinds.isEmpty() || !kinds.stream().allMatch(kind -> KIND.matcher(kind).matches())) {
            throw new IllegalArgumentException("not a list of count kinds: " + kinds);
        }
        return kinds.stream().map(kind -> "'" + kind + "'").collect(Collectors.joining(", "));
    }

    /** The condition on counts s that keeps the scope's location and phase. */
    public static String countsWhere(Scope scope) {
        return (scope.location() == null ? "" : " AND s.location = :location") + (scope.phase() == null ? "" : " AND s.phase = :phase");
    }

    /** asOf, location and phase of the scope, as the counts' conditions name them. */
    private static Map<String, Object> scopeParameters(Scope scope) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", scope.asOf());
        if (scope.location() != null) {
            parameters.put("location", scope.location());
        }
        if (scope.phase() != null) {
            parameters.put("phase", scope.phase());
        }
        return parameters;
    }

    /** WITH live, cohort: the participants of the scope enrolled on or before its date, with all their facts. */
    public static Sql participantsOf(Scope scope) {
        StringBuilder where = new StringBuilder("p.registered_on IS NOT NULL AND p.registered_on <= :asOf");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", scope.asOf());
        if (scope.location() != null) {
            where.append(" AND p.location = :location");
            parameters.put("location", scope.location());
        }
        if (scope.cohort().from() != null) {
            where.append(" AND p.registered_on >= :cohortFrom");
            parameters.put("cohortFrom", scope.cohort().from());
        }
        if (scope.cohort().to() != null) {
            where.append(" AND p.registered_on <= :cohortTo");
            parameters.put("cohortTo", scope.cohort().to());
        }
        return new Sql("WITH " + LIVE + ", cohort AS (SELECT p.* FROM participant_facts p JOIN live ON p.generation = live.generation"
                + " WHERE " + where + ")", parameters);
    }

    /** WITH live, bookings, corrections: the money of the scope, corrections counted on their own date. */
    private static Sql moneyOf(Scope scope) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", scope.asOf());
        Sql sql = new Sql("WITH " + LIVE + ", " + moneyCtes(scope) + " ", parameters);
        return bindMoney(sql, scope);
    }

    /**
     * The CTEs bookings (booking_id, amount_cents, booked_on, category) and corrections (amount_cents, corrected_on, booked_on,
     * category: the booking's) of the scope.
     */
    public static String moneyCtes(Scope scope) {
        StringBuilder where = new StringBuilder("b.booked_on <= :asOf");
        if (scope.location() != null) {
            where.append(" AND b.location = :location");
        }
        if (scope.cohort().from() != null) {
            where.append(" AND b.booked_on >= :cohortFrom");
        }
        if (scope.cohort().to() != null) {
            where.append(" AND b.booked_on <= :cohortTo");
        }
        return "bookings AS (SELECT b.booking_id, b.amount_cents, b.booked_on, b.category FROM expenditure_booking_facts b"
                + " JOIN live ON b.generation = live.generation WHERE " + where + "),"
                + " corrections AS (SELECT k.amount_cents, k.corrected_on, b.booked_on, b.category FROM expenditure_correction_facts k"
                + " JOIN live ON k.generation = live.generation JOIN bookings b ON b.booking_id = k.booking_id"
                + " WHERE k.corrected_on <= :asOf)";
    }

    /** Binds what {@link #moneyCtes} refers to. */
    public static Sql bindMoney(Sql sql, Scope scope) {
        if (scope.location() != null) {
            sql.bind("location", scope.location());
        }
        if (scope.cohort().from() != null) {
            sql.bind("cohortFrom", scope.cohort().from());
        }
        if (scope.cohort().to() != null) {
            sql.bind("cohortTo", scope.cohort().to());
        }
        return sql;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static LocalDate date(Object[] row) {
        Object single = row[0];
        if (single == null) {
            return null;
        }
        return single instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) single;
    }

    /** A native query being put together, with its named parameters. */
    public static final class Sql {

        private final StringBuilder text;
        private final Map<String, Object> parameters;

        Sql(String text, Map<String, Object> parameters) {
            this.text = new StringBuilder(text);
            this.parameters = parameters;
        }

        public Sql append(String more) {
            text.append(' ').append(more);
            return this;
        }

        public Sql bind(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        public Uni<Object[]> single() {
            return list().map(rows -> rows.get(0));
        }

        /**
         * The rows, each as its columns. Runs past Hibernate's query-plan cache, which never finds a native select's plan
         * (see {@link SessionSql}), so each named parameter the text uses becomes a positional one.
         */
        public Uni<List<Object[]>> list() {
            String query = text.toString();
            List<Object> values = new ArrayList<>();
            for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
                Matcher uses = USES.computeIfAbsent(parameter.getKey(),
                        name -> Pattern.compile("(?<![:\\w]):" + name + "(?!\\w)")).matcher(query);
                if (uses.find()) {
                    values.add(parameter.getValue());
                    query = uses.replaceAll("\\$" + values.size());
                }
            }
            String positional = query;
            return Panache.getSession().chain(session -> SessionSql.rows(session, positional, values.toArray()));
        }

        /** Where a named parameter stands in the text: {@code :name}, not a cast ({@code ::type}) nor a longer name. */
        private static final Map<String, Pattern> USES = new ConcurrentHashMap<>();
    }
}
