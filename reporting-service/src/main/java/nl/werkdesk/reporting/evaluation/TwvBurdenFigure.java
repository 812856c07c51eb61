package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.evaluation.EvaluationFacts.days;
import static nl.werkdesk.reporting.evaluation.EvaluationFacts.onOrBefore;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Permit;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Placement;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Terms;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EvaluationScope;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.LeadTimeWeek;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.LeadTimes;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.OutcomeCount;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Share;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.TwvBurden;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Waiting;
import nl.werkdesk.reporting.metrics.Count;
import nl.werkdesk.reporting.metrics.Suppression;

/** TWV burden: outcomes, lead times, waiting before work and the wages it cost, as domain.md defines them. */
public final class TwvBurdenFigure {

    /** UWV's legal term to decide: 5 weeks. */
    static final int DECISION_TERM_DAYS = 35;
    private static final long DAYS_PER_WEEK = 7;
    /** The outcomes domain.md names: pending is every request not granted, refused or withdrawn by asOf. */
    static final List<String> OUTCOMES = List.of("granted", "refused", "withdrawn", "pending");
    /** How a pending request can have closed without UWV's decision: shown beside the outcomes, not instead of pending. */
    static final List<String> CLOSED_WITHOUT_DECISION = List.of("declined", "no-longer-required", "ended-with-reception");

    private TwvBurdenFigure() {
    }

    /**
     * What the figure is computed from as of asOf, whichever path built it: the facts reduced by {@link #input}, or the day
     * counts (TwvCounts). Per outcome and way of closing, the requests; the lead times (days: how many requests) with and
     * without an intermediary; the waits before work (days: how many placements); the sum of days waited x hours per week x
     * hourly wage cents at the start; the participants with a request refused or withdrawn, and those of them not placed.
     */
    public record Input(Map<String, Long> outcomes, Map<String, Long> closedWithoutDecision,
                        SortedMap<Long, Long> leadTimesWithIntermediary, SortedMap<Long, Long> leadTimesWithoutIntermediary,
                        SortedMap<Long, Long> waits, BigInteger weeklyWagesNotEarned, long refusedOrWithdrawn,
                        long refusedOrWithdrawnNotPlaced) {
    }

    public static TwvBurden compute(List<Permit> permits, List<Placement> placements, LocalDate asOf, Suppression suppression,
                                    EvaluationScope scope) {
        return compute(input(permits, placements, asOf), suppression, scope);
    }

    /** The facts of a scope reduced to the figure's input as of asOf. */
    static Input input(List<Permit> permits, List<Placement> placements, LocalDate asOf) {
        List<Permit> requests = permits.stream().filter(permit -> onOrBefore(permit.requestedOn(), asOf)).toList();
        Map<String, Long> outcomes = zeroes(OUTCOMES);
        Map<String, Long> closedWithoutDecision = zeroes(CLOSED_WITHOUT_DECISION);
        SortedMap<Long, Long> withIntermediary = new TreeMap<>();
        SortedMap<Long, Long> withoutIntermediary = new TreeMap<>();
        for (Permit request : requests) {
            outcomes.merge(outcome(request, asOf), 1L, Long::sum);
            closedWithoutDecision(request, asOf).ifPresent(closure -> closedWithoutDecision.merge(closure, 1L, Long::sum));
            Long days = leadTime(request, asOf);
            if (days != null) {
                (request.viaIntermediary() ? withIntermediary : withoutIntermediary).merge(days, 1L, Long::sum);
            }
        }

        Set<UUID> refusedOrWithdrawn = new HashSet<>();
        Set<UUID> notPlaced = new HashSet<>();
        for (Permit request : requests) {
            if (onOrBefore(request.refusedOn(), asOf) || onOrBefore(request.withdrawnOn(), asOf)) {
                refusedOrWithdrawn.add(request.participantId());
                if (!onOrBefore(request.firstPlacementOn(), asOf)) {
                    notPlaced.add(request.participantId());
                }
            }
        }

        SortedMap<Long, Long> waits = new TreeMap<>();
        BigInteger notEarned = BigInteger.ZERO;
        for (Placement placement : placements) {
            if (!onOrBefore(placement.startedOn(), asOf) || placement.permitRequestedOn() == null) {
                continue;
            }
            long waited = days(placement.permitRequestedOn(), placement.startedOn());
            waits.merge(waited, 1L, Long::sum);
            Terms atStart = placement.termsOn(placement.startedOn());
            if (atStart != null) {
                notEarned = notEarned.add(BigInteger.valueOf(waited).multiply(BigInteger.valueOf(atStart.hoursPerWeek()))
                        .multiply(BigInteger.valueOf(atStart.hourlyWageCents())));
            }
        }
        return new Input(outcomes, closedWithoutDecision, withIntermediary, withoutIntermediary, waits, notEarned,
                refusedOrWithdrawn.size(), notPlaced.size());
    }

    public static TwvBurden compute(Input input, Suppression suppression, EvaluationScope scope) {
        SortedMap<Long, Long> all = new TreeMap<>(input.leadTimesWithIntermediary());
        input.leadTimesWithoutIntermediary().forEach((days, requests) -> all.merge(days, requests, Long::sum));
        long waited = input.waits().entrySet().stream().mapToLong(wait -> Math.multiplyExact(wait.getKey(), wait.getValue())).sum();
        return new TwvBurden(scope, input.outcomes().values().stream().mapToLong(Long::longValue).sum(),
                counts(input.outcomes(), suppression), counts(input.closedWithoutDecision(), suppression),
                leadTimes(all, null),
                leadTimes(input.leadTimesWithIntermediary(), suppression),
                leadTimes(input.leadTimesWithoutIntermediary(), suppression),
                byWeek(input.leadTimesWithIntermediary(), input.leadTimesWithoutIntermediary(), suppression),
                new Waiting(Statistics.count(input.waits()), waited, Statistics.median(input.waits())),
                new BigDecimal(input.weeklyWagesNotEarned()).divide(BigDecimal.valueOf(DAYS_PER_WEEK), 0, RoundingMode.HALF_UP)
                        .longValueExact(),
                Share.of(input.refusedOrWithdrawnNotPlaced(), input.refusedOrWithdrawn()));
    }

    /** The outcome by asOf; one granted and ended later stays granted. */
    static String outcome(Permit request, LocalDate asOf) {
        if (onOrBefore(request.grantedOn(), asOf)) {
            return "granted";
        }
        if (onOrBefore(request.refusedOn(), asOf)) {
            return "refused";
        }
        if (onOrBefore(request.withdrawnOn(), asOf)) {
            return "withdrawn";
        }
        return "pending";
    }

    /** For a pending request: how it closed without UWV's decision by asOf, if it did. */
    static Optional<String> closedWithoutDecision(Permit request, LocalDate asOf) {
        if (!outcome(request, asOf).equals("pending")) {
            return Optional.empty();
        }
        if (onOrBefore(request.declinedOn(), asOf)) {
            return Optional.of("declined");
        }
        if (onOrBefore(request.noLongerRequiredOn(), asOf)) {
            return Optional.of("no-longer-required");
        }
        return onOrBefore(request.receptionEndedOn(), asOf) ? Optional.of("ended-with-reception") : Optional.empty();
    }

    private static Map<String, Long> zeroes(List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        return counts;
    }

    private static List<OutcomeCount> counts(Map<String, Long> counts, Suppression suppression) {
        return counts.entrySet().stream().map(count -> new OutcomeCount(count.getKey(), suppression.count(count.getValue()))).toList();
    }

    /** Weeks of lead time, from week 0 to the longest, counted with and without an intermediary. */
    private static List<LeadTimeWeek> byWeek(SortedMap<Long, Long> withIntermediary, SortedMap<Long, Long> withoutIntermediary,
                                             Suppression suppression) {
        TreeMap<Integer, long[]> weeks = new TreeMap<>();
        withIntermediary.forEach((days, requests) -> weeks.computeIfAbsent((int) (days / DAYS_PER_WEEK), week -> new long[2])[0] += requests);
        withoutIntermediary.forEach((days, requests) -> weeks.computeIfAbsent((int) (days / DAYS_PER_WEEK), week -> new long[2])[1] += requests);
        List<LeadTimeWeek> byWeek = new ArrayList<>();
        int longest = weeks.isEmpty() ? -1 : weeks.lastKey();
        for (int week = 0; week <= longest; week++) {
            long[] counts = weeks.getOrDefault(week, new long[2]);
            byWeek.add(new LeadTimeWeek((int) (week * DAYS_PER_WEEK), (int) (week * DAYS_PER_WEEK + DAYS_PER_WEEK - 1),
                    suppression.count(counts[0]), suppression.count(counts[1])));
        }
        return byWeek;
    }

    /** UWV's decision date - the request date, for a decision on or before asOf; null otherwise. */
    private static Long leadTime(Permit request, LocalDate asOf) {
        LocalDate decidedOn = onOrBefore(request.grantedOn(), asOf) ? request.grantedOn()
                : onOrBefore(request.refusedOn(), asOf) ? request.refusedOn() : null;
        return decidedOn == null ? null : (long) days(request.requestedOn(), decidedOn);
    }

    /** Lead times (days: how many requests) of decisions; {@code suppression} null for the total, which is exact. */
    private static LeadTimes leadTimes(SortedMap<Long, Long> leadTimes, Suppression suppression) {
        long count = Statistics.count(leadTimes);
        long late = Statistics.count(leadTimes.tailMap((long) DECISION_TERM_DAYS + 1));
        Count decisions = suppression == null ? Count.exact(count) : suppression.count(count);
        Count decidedLate = suppression == null ? Count.exact(late) : suppression.count(late);
        if (decisions.suppressed()) {
            return new LeadTimes(decisions, null, null, decidedLate, null);
        }
        return new LeadTimes(decisions, Statistics.median(leadTimes), Statistics.percentile90(leadTimes), decidedLate,
                decidedLate.suppressed() ? null : Statistics.share(late, count));
    }
}
