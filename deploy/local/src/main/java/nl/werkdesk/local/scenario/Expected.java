package nl.werkdesk.local.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pilot figures a plan must produce as of a date, computed from the plan alone: reporting-service's summary is
 * compared with these once every event has reached it. Named as in GET /api/v1/metrics/summary.
 */
public record Expected(LocalDate asOf, long enrolled, long intakesCompleted, long participantsWithActivity,
        long twvsRequested, long twvsGranted, long twvsRefused, Double medianTwvLeadTimeDays, long participantsPlaced,
        long activePlacements, long sustainedPlacements, long placementsEndedByCoaRelocation,
        Double medianDaysFromIntakeToFirstPlacement, long budgetCents, long spendToDateCents, Long costPerPlacementCents) {

    /** The 26-week milestone, as placement-service counts it (werkdesk.placement.sustained-after). */
    static final Period SUSTAINED_AFTER = Period.ofWeeks(26);

    public static Expected of(Plan plan, LocalDate asOf) {
        long enrolled = 0;
        long intakes = 0;
        long withActivity = 0;
        long requested = 0;
        long granted = 0;
        long refused = 0;
        long placed = 0;
        long active = 0;
        long sustained = 0;
        long coa = 0;
        List<Long> leadTimes = new ArrayList<>();
        List<Long> intakeToPlacement = new ArrayList<>();
        for (Plan.Participant p : plan.participants()) {
            if (p.registeredOn().isAfter(asOf)) {
                continue;
            }
            enrolled++;
            if (onOrBefore(p.intakeOn(), asOf)) {
                intakes++;
            }
            if (p.activities().stream().anyMatch(a -> !a.completedOn().isAfter(asOf))) {
                withActivity++;
            }
            for (Plan.Twv twv : p.twvs()) {
                if (twv.requestedOn().isAfter(asOf)) {
                    continue;
                }
                requested++;
                if (onOrBefore(twv.decidedOn(), asOf)) {
                    if (twv.granted()) {
                        granted++;
                    } else {
                        refused++;
                    }
                    leadTimes.add(ChronoUnit.DAYS.between(twv.requestedOn(), twv.decidedOn()));
                }
            }
            Plan.Placement placement = p.placement();
            if (placement != null && !placement.startedOn().isAfter(asOf)) {
                placed++;
                intakeToPlacement.add(ChronoUnit.DAYS.between(p.intakeOn(), placement.startedOn()));
                boolean ended = onOrBefore(placement.endedOn(), asOf);
                if (!ended) {
                    active++;
                }
                LocalDate dueOn = placement.startedOn().plus(SUSTAINED_AFTER);
                if (!dueOn.isAfter(asOf) && (placement.endedOn() == null || !placement.endedOn().isBefore(dueOn))) {
                    sustained++;
                }
                if (ended && "relocated-by-coa".equals(placement.endReason())) {
                    coa++;
                }
            }
        }
        long budget = plan.budget().stream().filter(b -> !b.allocatedOn().isAfter(asOf)).mapToLong(Plan.Budget::amountCents).sum();
        long spend = plan.bookings().stream().filter(b -> !b.bookedOn().isAfter(asOf)).mapToLong(Plan.Booking::amountCents).sum();
        Long cost = placed == 0 ? null
                : BigDecimal.valueOf(spend).divide(BigDecimal.valueOf(placed), 0, RoundingMode.HALF_UP).longValueExact();
        return new Expected(asOf, enrolled, intakes, withActivity, requested, granted, refused, median(leadTimes), placed, active,
                sustained, coa, median(intakeToPlacement), budget, spend, cost);
    }

    /** The figures as a map in the summary's field names, for comparing and printing. */
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("enrolled", enrolled);
        figures.put("intakesCompleted", intakesCompleted);
        figures.put("participantsWithActivity", participantsWithActivity);
        figures.put("twvsRequested", twvsRequested);
        figures.put("twvsGranted", twvsGranted);
        figures.put("twvsRefused", twvsRefused);
        figures.put("medianTwvLeadTimeDays", medianTwvLeadTimeDays);
        figures.put("participantsPlaced", participantsPlaced);
        figures.put("activePlacements", activePlacements);
        figures.put("sustainedPlacements", sustainedPlacements);
        figures.put("placementsEndedByCoaRelocation", placementsEndedByCoaRelocation);
        figures.put("medianDaysFromIntakeToFirstPlacement", medianDaysFromIntakeToFirstPlacement);
        figures.put("budgetCents", budgetCents);
        figures.put("spendToDateCents", spendToDateCents);
        figures.put("costPerPlacementCents", costPerPlacementCents);
        return figures;
    }

    private static boolean onOrBefore(LocalDate date, LocalDate asOf) {
        return date != null && !date.isAfter(asOf);
    }

    private static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
