package nl.werkdesk.reporting.evaluation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import nl.werkdesk.reporting.ReportingModule;
import nl.werkdesk.reporting.evaluation.ActivitiesFigure.ActivityCounts;
import nl.werkdesk.reporting.evaluation.EarningsFigure.Work;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Money;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Participant;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Permit;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Placement;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Spending;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Terms;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.ActivityGroups;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Earnings;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EvaluationScope;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.PlacementRetention;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Spend;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TimeToFirstPlacement;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TwvBurden;
import nl.werkdesk.reporting.metrics.MetricsQueries;
import nl.werkdesk.reporting.metrics.MetricsQueries.Sql;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.metrics.Suppression;
import nl.werkdesk.reporting.view.EvaluationCounting;

/**
 * The evaluation figures of a scope: the scope's facts read from the live generation (participants, placements,
 * permits or money, each in one query, with the scope as the metrics have it), then computed in plain Java by one class
 * per figure. Every query runs in the caller's session.
 */
@ApplicationScoped
public class Evaluation {

    private static final String FIRST_PLACEMENTS = """
            , first_placements AS (
              SELECT pl.participant_id, min(pl.started_on) AS started_on
                FROM placement_facts pl JOIN live ON pl.generation = live.generation
                JOIN cohort c ON c.participant_id = pl.participant_id
               GROUP BY pl.participant_id)""";
    private static final String PARTICIPANTS = """
            SELECT c.intake_completed_on, f.started_on, c.left_on, c.left_reason, c.first_application_training_on,
                   c.first_cv_help_on, c.first_job_fair_on
              FROM cohort c LEFT JOIN first_placements f ON f.participant_id = c.participant_id
             WHERE c.intake_completed_on <= :asOf""";
    /** One row per placement and terms, ordered by placement. */
    private static final String PLACEMENTS = """
            SELECT pl.placement_id, pl.started_on, pl.ended_on, pl.end_reason, pf.requested_on,
                   t.effective_on, t.sequence, t.hours_per_week, t.hourly_wage_cents
              FROM placement_facts pl JOIN live ON pl.generation = live.generation
              JOIN cohort c ON c.participant_id = pl.participant_id
              LEFT JOIN permit_facts pf ON pf.generation = live.generation AND pf.permit_id = pl.permit_id
              LEFT JOIN placement_terms_facts t ON t.generation = live.generation AND t.placement_id = pl.placement_id
             WHERE pl.started_on <= :asOf
             ORDER BY pl.placement_id""";
    private static final String PERMITS = """
            SELECT pf.participant_id, pf.requested_on, pf.via_intermediary, pf.granted_on, pf.refused_on, pf.withdrawn_on,
                   pf.declined_on, pf.no_longer_required_on, pf.reception_ended_on, f.started_on
              FROM permit_facts pf JOIN live ON pf.generation = live.generation
              JOIN cohort c ON c.participant_id = pf.participant_id
              LEFT JOIN first_placements f ON f.participant_id = pf.participant_id
             WHERE pf.requested_on <= :asOf""";
    /** Every dated amount of the scope. */
    private static final String MONEY = """
            SELECT booked_on, amount_cents FROM bookings UNION ALL SELECT corrected_on, amount_cents FROM corrections""";

    /** Every dated amount of the scope, by category. */
    private static final String SPENDING = """
            SELECT booked_on, category, amount_cents FROM bookings UNION ALL SELECT corrected_on, category, amount_cents FROM corrections""";
    /** The budget allocated to the phases of the scope (%s: the condition on them) by asOf. */
    private static final String ALLOCATIONS = """
            SELECT a.allocated_on, a.amount_cents FROM budget_allocation_facts a JOIN live ON a.generation = live.generation
             WHERE a.allocated_on <= :asOf %s""";

    private final ReportingModule.Config config;
    private final MetricsQueries queries;
    private final ActivityEarningsCounts activityEarningsCounts;
    private final EvaluationCounting counting;

    Evaluation(ReportingModule.Config config, MetricsQueries queries, ActivityEarningsCounts activityEarningsCounts,
               EvaluationCounting counting) {
        this.config = config;
        this.queries = queries;
        this.activityEarningsCounts = activityEarningsCounts;
        this.counting = counting;
    }

    public Suppression suppression(boolean analyst) {
        return new Suppression(config.suppressionThreshold(), analyst);
    }

    /** From the day counts for a scope without from/to ({@link MetricsQueries#counted}), else recounted from the facts. */
    public Uni<TimeToFirstPlacement> timeToFirstPlacement(Scope scope, Suppression suppression) {
        if (!MetricsQueries.counted(scope)) {
            return directTimeToFirstPlacement(scope, suppression);
        }
        return counted(() -> queries.counts(scope, TimeToFirstPlacementFigure.KINDS).map(counts -> TimeToFirstPlacementFigure.compute(counts,
                scope.asOf(), suppression, EvaluationScope.of(scope, suppression))));
    }

    /** Recounted from the participants' facts: for from/to cohorts, and the oracle of the counts. */
    public Uni<TimeToFirstPlacement> directTimeToFirstPlacement(Scope scope, Suppression suppression) {
        return participants(scope).map(participants -> TimeToFirstPlacementFigure.compute(participants, scope.asOf(), suppression,
                EvaluationScope.of(scope, suppression)));
    }

    /** From the day counts for a scope without from/to ({@link MetricsQueries#counted}), else recounted from the facts. */
    public Uni<PlacementRetention> placementRetention(Scope scope, Suppression suppression) {
        if (!MetricsQueries.counted(scope)) {
            return directPlacementRetention(scope, suppression);
        }
        return counted(() -> queries.counts(scope, PlacementRetentionFigure.KINDS).map(counts -> PlacementRetentionFigure.compute(counts,
                scope.asOf(), suppression, EvaluationScope.of(scope, suppression))));
    }

    /** Recounted from the placements' facts: for from/to cohorts, and the oracle of the counts. */
    public Uni<PlacementRetention> directPlacementRetention(Scope scope, Suppression suppression) {
        return placements(scope).map(placements -> PlacementRetentionFigure.compute(placements, scope.asOf(), suppression,
                EvaluationScope.of(scope, suppression)));
    }

    /** From the day counts for every scope without from/to, else recounted from the facts. */
    public Uni<ActivityGroups> activities(Scope scope, Suppression suppression) {
        return MetricsQueries.counted(scope) ? counted(() -> activities(activityEarningsCounts.activities(scope), scope, suppression))
                : directActivities(scope, suppression);
    }

    /** Recounted from the facts: for from/to cohorts, and the oracle of the day counts. */
    public Uni<ActivityGroups> directActivities(Scope scope, Suppression suppression) {
        return activities(participants(scope).map(participants -> ActivitiesFigure.tally(participants, scope.asOf())), scope, suppression);
    }

    /** A figure read from the day counts once the participants pending for them are counted: it counts every processed event. */
    private <T> Uni<T> counted(Supplier<Uni<T>> read) {
        return counting.countPending().chain(() -> read.get());
    }

    private static Uni<ActivityGroups> activities(Uni<ActivityCounts> counts, Scope scope, Suppression suppression) {
        return counts.map(tally -> ActivitiesFigure.compute(tally, suppression, EvaluationScope.of(scope, suppression)));
    }

    /** From the day counts for every scope without from/to (TwvCounts), else recounted from the facts. */
    public Uni<TwvBurden> twvBurden(Scope scope, Suppression suppression) {
        if (!MetricsQueries.counted(scope)) {
            return directTwvBurden(scope, suppression);
        }
        return counted(() -> queries.counts(scope, TwvCounts.KINDS)
                .map(counts -> TwvBurdenFigure.compute(TwvCounts.input(counts), suppression, EvaluationScope.of(scope, suppression))));
    }

    /** The TWV burden recounted from the facts: for from/to cohorts, and the oracle of the counts. */
    public Uni<TwvBurden> directTwvBurden(Scope scope, Suppression suppression) {
        return permits(scope).chain(permits -> placements(scope).map(placements -> TwvBurdenFigure.compute(permits, placements,
                scope.asOf(), suppression, EvaluationScope.of(scope, suppression))));
    }

    /** The work from the day counts for every scope without from/to, else recounted from the facts; the money from its facts. */
    public Uni<Earnings> earnings(Scope scope, Suppression suppression) {
        return earnings(scope, suppression, config.maxMonths());
    }

    Uni<Earnings> earnings(Scope scope, Suppression suppression, int maxMonths) {
        return MetricsQueries.counted(scope)
                ? counted(() -> earnings(activityEarningsCounts.earnings(scope), activityEarningsCounts.firstDate(scope), scope, suppression,
                        maxMonths))
                : directEarnings(scope, suppression, maxMonths);
    }

    /** Recounted from the facts: for from/to cohorts, and the oracle of the day counts. */
    Uni<Earnings> directEarnings(Scope scope, Suppression suppression, int maxMonths) {
        return earnings(placements(scope).map(placements -> EarningsFigure.work(placements, scope.asOf())),
                activityEarningsCounts.directFirstDate(scope), scope, suppression, maxMonths);
    }

    /** With the first enrolment or booking of the scope (where the series starts) and every dated amount. */
    private static Uni<Earnings> earnings(Uni<Work> work, Uni<LocalDate> firstDate, Scope scope, Suppression suppression, int maxMonths) {
        Sql money = MetricsQueries.bindMoney(MetricsQueries.participantsOf(scope).append(", " + MetricsQueries.moneyCtes(scope)), scope)
                .append(MONEY);
        return work.chain(worked -> firstDate.chain(first -> money.list().map(rows -> {
            List<Money> amounts = rows.stream().map(row -> new Money(date(row[0]), ((Number) row[1]).longValue())).toList();
            return EarningsFigure.compute(worked, amounts, first, scope.asOf(), maxMonths, EvaluationScope.of(scope, suppression));
        })));
    }

    public Uni<Spend> spend(Scope scope, Suppression suppression) {
        Sql spending = MetricsQueries.bindMoney(MetricsQueries.participantsOf(scope).append(", " + MetricsQueries.moneyCtes(scope)), scope)
                .append(SPENDING);
        Sql allocations = MetricsQueries.participantsOf(scope).append(ALLOCATIONS.formatted(MetricsQueries.budgetPhases(scope)));
        // The series starts where the earnings' does (the first enrolment or booking), from the counts where the scope has them:
        // the minimum over the cohort read every participant of the scope.
        return queries.firstDate(scope).chain(first -> spending.list().chain(rows -> allocations.list().map(budget -> {
            List<Spending> amounts = rows.stream()
                    .map(row -> new Spending(date(row[0]), (String) row[1], ((Number) row[2]).longValue())).toList();
            List<Money> allocated = budget.stream().map(row -> new Money(date(row[0]), ((Number) row[1]).longValue())).toList();
            return SpendFigure.compute(amounts, allocated, first, scope.asOf(), config.maxMonths(), EvaluationScope.of(scope, suppression));
        })));
    }

    private Uni<List<Participant>> participants(Scope scope) {
        return MetricsQueries.participantsOf(scope).append(FIRST_PLACEMENTS).append(PARTICIPANTS).list()
                .map(rows -> rows.stream().map(row -> new Participant(date(row[0]), date(row[1]), date(row[2]), (String) row[3],
                        date(row[4]), date(row[5]), date(row[6]))).toList());
    }

    private Uni<List<Placement>> placements(Scope scope) {
        return MetricsQueries.participantsOf(scope).append(PLACEMENTS).list().map(rows -> {
            Map<Object, Object[]> placements = new LinkedHashMap<>();
            Map<Object, List<Terms>> terms = new LinkedHashMap<>();
            for (Object[] row : rows) {
                placements.putIfAbsent(row[0], row);
                List<Terms> of = terms.computeIfAbsent(row[0], id -> new ArrayList<>());
                if (row[5] != null) {
                    of.add(new Terms(date(row[5]), ((Number) row[6]).longValue(), ((Number) row[7]).intValue(), ((Number) row[8]).longValue()));
                }
            }
            return placements.entrySet().stream().map(entry -> {
                Object[] row = entry.getValue();
                return new Placement(date(row[1]), date(row[2]), (String) row[3], date(row[4]), terms.get(entry.getKey()));
            }).toList();
        });
    }

    private Uni<List<Permit>> permits(Scope scope) {
        return MetricsQueries.participantsOf(scope).append(FIRST_PLACEMENTS).append(PERMITS).list()
                .map(rows -> rows.stream().map(row -> new Permit((UUID) row[0], date(row[1]), Boolean.TRUE.equals(row[2]), date(row[3]),
                        date(row[4]), date(row[5]), date(row[6]), date(row[7]), date(row[8]), date(row[9]))).toList());
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    }
}
