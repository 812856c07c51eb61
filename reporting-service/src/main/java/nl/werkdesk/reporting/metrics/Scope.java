package nl.werkdesk.reporting.metrics;

import java.time.LocalDate;
import java.util.List;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.domain.Phases.Period;

/**
 * What a metric is asked about. A participant belongs to the location where they enrolled and to the phase of
 * their enrolment date; {@code from}/{@code to} narrow the enrolment dates further (the cohort). Money is scoped
 * alike by the booking's location and date; budget, which is allocated per phase and never per location, counts
 * the phases that overlap the cohort's dates. Every figure is "as of" {@code asOf}: only facts whose business date
 * is on or before it count.
 *
 * @param location     null: every location
 * @param phase        null: every phase
 * @param cohort       the enrolment (and booking) dates in scope: the phase's dates and from/to together
 * @param budgetPhases the phases whose budget counts; null: every phase
 */
public record Scope(String location, Integer phase, LocalDate from, LocalDate to, LocalDate asOf, Period cohort,
                    List<Integer> budgetPhases) {

    public static Scope of(String location, Integer phase, LocalDate from, LocalDate to, LocalDate asOf, Phases phases) {
        Period cohort = new Period(from, to);
        List<Integer> budgetPhases = null;
        if (phase != null) {
            cohort = cohort.intersect(phases.number(phase).orElseThrow().period());
        }
        if (phase != null || from != null || to != null) {
            budgetPhases = phases.overlapping(cohort).stream().map(Phases.Phase::number).toList();
        }
        return new Scope(location, phase, from, to, asOf, cohort, budgetPhases);
    }

}
