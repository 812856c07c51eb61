package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.evaluation.EvaluationFacts.days;
import static nl.werkdesk.reporting.evaluation.EvaluationFacts.onOrBefore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
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

    public static TwvBurden compute(List<Permit> permits, List<Placement> placements, LocalDate asOf, Suppression suppression,
                                    EvaluationScope scope) {
        List<Permit> requests = permits.stream().filter(permit -> onOrBefore(permit.requestedOn(), asOf)).toList();
        Map<String, Long> outcomes = zeroes(OUTCOMES);
        Map<String, Long> closedWithoutDecision = zeroes(CLOSED_WITHOUT_DECISION);
        for (Permit request : requests) {
            outcomes.merge(outcome(request, asOf), 1L, Long::sum);
            closedWithoutDecision(request, asOf).ifPresent(closure -> closedWithoutDecision.merge(closure, 1L, Long::sum));
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

        List<Long> waits = new ArrayList<>();
        BigDecimal notEarned = BigDecimal.ZERO;
        for (Placement placement : placements) {
            if (!onOrBefore(placement.startedOn(), asOf) || placement.permitRequestedOn() == null) {
                continue;
            }
            long waited = days(placement.permitRequestedOn(), placement.startedOn());
            waits.add(waited);
            Terms atStart = placement.termsOn(placement.startedOn());
            if (atStart != null) {
                notEarned = notEarned.add(BigDecimal.valueOf(waited * atStart.hoursPerWeek() * atStart.hourlyWageCents()));
            }
        }
        return new TwvBurden(scope, requests.size(),
                counts(outcomes, suppression), counts(closedWithoutDecision, suppression),
                leadTimes(requests, request -> true, asOf, null),
                leadTimes(requests, Permit::viaIntermediary, asOf, suppression),
                leadTimes(requests, request -> !request.viaIntermediary(), asOf, suppression),
                byWeek(requests, asOf, suppression),
                new Waiting(waits.size(), waits.stream().mapToLong(Long::longValue).sum(), Statistics.median(waits)),
                notEarned.divide(BigDecimal.valueOf(DAYS_PER_WEEK), 0, RoundingMode.HALF_UP).longValueExact(),
                Share.of(notPlaced.size(), refusedOrWithdrawn.size()));
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
    private static List<LeadTimeWeek> byWeek(List<Permit> requests, LocalDate asOf, Suppression suppression) {
        TreeMap<Integer, long[]> weeks = new TreeMap<>();
        for (Permit request : requests) {
            Long days = leadTime(request, asOf);
            if (days != null) {
                weeks.computeIfAbsent((int) (days / DAYS_PER_WEEK), week -> new long[2])[request.viaIntermediary() ? 0 : 1]++;
            }
        }
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

    /** Lead times of the requests decided by UWV on or before asOf; {@code suppression} null for the total, which is exact. */
    private static LeadTimes leadTimes(List<Permit> requests, Predicate<Permit> member, LocalDate asOf, Suppression suppression) {
        List<Long> leadTimes = new ArrayList<>();
        for (Permit request : requests) {
            Long days = leadTime(request, asOf);
            if (days != null && member.test(request)) {
                leadTimes.add(days);
            }
        }
        long late = leadTimes.stream().filter(days -> days > DECISION_TERM_DAYS).count();
        Count decisions = suppression == null ? Count.exact(leadTimes.size()) : suppression.count(leadTimes.size());
        Count decidedLate = suppression == null ? Count.exact(late) : suppression.count(late);
        if (decisions.suppressed()) {
            return new LeadTimes(decisions, null, null, decidedLate, null);
        }
        return new LeadTimes(decisions, Statistics.median(leadTimes), Statistics.percentile90(leadTimes), decidedLate,
                decidedLate.suppressed() ? null : Statistics.share(late, leadTimes.size()));
    }
}
