package nl.werkdesk.reporting.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Kaplan-Meier estimate of a survival curve from observed times in days, each an event or a censoring. At each
 * day t with events or censorings: at risk n(t) = those whose time is >= t, events d(t), censored c(t); S(t) = the
 * product over event days u <= t of (1 - d(u)/n(u)). On one day events count before censorings: those censored on t
 * are still at risk on t.
 */
public final class KaplanMeier {

    /** One observed time: the day it ended, and whether it ended in the event (else it was censored then). */
    public record Observation(int day, boolean event) {
    }

    /** One day with events or censorings, and S(t) after it. */
    public record Step(int day, long atRisk, long events, long censored, Fraction survival) {
    }

    private final List<Step> steps;
    private final List<Observation> observations;

    private KaplanMeier(List<Step> steps, List<Observation> observations) {
        this.steps = steps;
        this.observations = observations;
    }

    public static KaplanMeier of(Collection<Observation> observations) {
        TreeMap<Integer, long[]> byDay = new TreeMap<>();
        for (Observation observation : observations) {
            if (observation.day() < 0) {
                throw new IllegalArgumentException("a time cannot be negative: " + observation.day());
            }
            byDay.computeIfAbsent(observation.day(), day -> new long[2])[observation.event() ? 0 : 1]++;
        }
        List<Step> steps = new ArrayList<>(byDay.size());
        long atRisk = observations.size();
        Fraction survival = Fraction.ONE;
        for (var day : byDay.entrySet()) {
            long events = day.getValue()[0];
            long censored = day.getValue()[1];
            if (events > 0) {
                survival = survival.times(Fraction.of(atRisk - events, atRisk));
            }
            steps.add(new Step(day.getKey(), atRisk, events, censored, survival));
            atRisk -= events + censored;
        }
        return new KaplanMeier(List.copyOf(steps), List.copyOf(observations));
    }

    public List<Step> steps() {
        return steps;
    }

    /** S(day); empty where that day lies beyond the longest observed time (and without observations). */
    public Optional<Fraction> survivalAt(int day) {
        if (steps.isEmpty() || day > steps.get(steps.size() - 1).day()) {
            return Optional.empty();
        }
        Fraction survival = Fraction.ONE;
        for (Step step : steps) {
            if (step.day() > day) {
                break;
            }
            survival = step.survival();
        }
        return Optional.of(survival);
    }

    /** The smallest t with S(t) <= 0.5; empty if S never gets there. */
    public Optional<Integer> median() {
        return steps.stream().filter(step -> step.survival().compareTo(Fraction.HALF) <= 0).map(Step::day).findFirst();
    }

    /** Observations that ended in the event on or before the day. */
    public long eventsThrough(int day) {
        return observations.stream().filter(o -> o.event() && o.day() <= day).count();
    }

    /** Observations censored on or before the day. */
    public long censoredThrough(int day) {
        return observations.stream().filter(o -> !o.event() && o.day() <= day).count();
    }

    public long size() {
        return observations.size();
    }

    public long events() {
        return observations.stream().filter(Observation::event).count();
    }
}
