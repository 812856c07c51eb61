package nl.werkdesk.participant.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;

/**
 * The dated work eligibility policies, oldest first: each is in force from its date until the next one
 * starts, so that history is judged by the rule of its time.
 */
public final class WorkEligibilityPolicies {

    private final List<WorkEligibilityPolicy> policies;

    public WorkEligibilityPolicies(List<WorkEligibilityPolicy> policies) {
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one work eligibility policy is needed");
        }
        List<WorkEligibilityPolicy> sorted = new ArrayList<>(policies);
        sorted.sort(Comparator.comparing(WorkEligibilityPolicy::validFrom));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).validFrom().equals(sorted.get(i - 1).validFrom())) {
                throw new IllegalArgumentException("two work eligibility policies start on " + sorted.get(i).validFrom());
            }
        }
        this.policies = List.copyOf(sorted);
    }

    public List<WorkEligibilityPolicy> all() {
        return policies;
    }

    /** The policy in force on a date; empty before the first known policy. */
    public Optional<WorkEligibilityPolicy> inForceOn(LocalDate date) {
        WorkEligibilityPolicy found = null;
        for (WorkEligibilityPolicy policy : policies) {
            if (!policy.validFrom().isAfter(date)) {
                found = policy;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The first period in which the participant may work: from the first day any policy in force allows
     * it, until the W-document ends or a later policy takes the permission away. Null {@code from} with a
     * reason when no known policy ever allows it.
     */
    public WorkEligibility judge(EligibilityFacts facts, LocalDate registeredOn) {
        for (int i = 0; i < policies.size(); i++) {
            WorkEligibilityPolicy policy = policies.get(i);
            Optional<LocalDate> end = endOf(i);
            Optional<LocalDate> candidate = firstAllowedDay(policy, facts);
            if (candidate.isEmpty()) {
                continue;
            }
            LocalDate from = latest(candidate.get(), policy.validFrom());
            if (end.isPresent() && !from.isBefore(end.get()) || from.isAfter(facts.wDocumentValidUntil())) {
                continue;
            }
            return new WorkEligibility(from, until(i, facts), policy.id(), null);
        }
        WorkEligibilityPolicy then = inForceOn(registeredOn).orElse(policies.get(0));
        return new WorkEligibility(null, null, then.id(), whyNever(then, facts));
    }

    private LocalDate until(int fromPolicy, EligibilityFacts facts) {
        LocalDate until = facts.wDocumentValidUntil();
        for (int j = fromPolicy + 1; j < policies.size(); j++) {
            WorkEligibilityPolicy later = policies.get(j);
            if (later.validFrom().isAfter(until)) {
                break;
            }
            Optional<LocalDate> allowedFrom = firstAllowedDay(later, facts);
            if (allowedFrom.isEmpty() || allowedFrom.get().isAfter(later.validFrom())) {
                return later.validFrom().minusDays(1);
            }
        }
        return until;
    }

    /** Under one policy: the first day work is allowed, ignoring the policy's own dates; empty: never. */
    private static Optional<LocalDate> firstAllowedDay(WorkEligibilityPolicy policy, EligibilityFacts facts) {
        if (policy.dublinClaimantsExcluded() && facts.wDocumentType() == WDocumentType.W2) {
            return Optional.empty();
        }
        return policy.waitingPeriod(facts.track())
                .map(wait -> latest(facts.asylumApplicationDate().plus(wait), facts.adultOn()));
    }

    private static String whyNever(WorkEligibilityPolicy policy, EligibilityFacts facts) {
        if (policy.dublinClaimantsExcluded() && facts.wDocumentType() == WDocumentType.W2) {
            return "Dublin claimant (W2-document): not allowed to work";
        }
        if (policy.waitingPeriod(facts.track()).isEmpty()) {
            return "no access to paid work for the " + trackName(facts.track()) + " track";
        }
        return "the W-document ends on " + facts.wDocumentValidUntil() + ", before work would be allowed";
    }

    static String trackName(AsylumTrack track) {
        return track.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private Optional<LocalDate> endOf(int index) {
        return index + 1 < policies.size() ? Optional.of(policies.get(index + 1).validFrom()) : Optional.empty();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
