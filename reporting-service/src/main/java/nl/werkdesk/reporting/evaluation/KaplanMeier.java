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
 *
 * <p>The curve rests on nothing but the events and censorings per day ({@link Counts}): the figures recounted from the facts
 * add one observation at a time, the figures read from the day counts add the number of observations of a day at once.
 */
public final class KaplanMeier {

    /** One observed time: the day it ended, and whether it ended in the event (else it was censored then). */
    public record Observation(int day, boolean event) {
    }

    /** One day with events or censorings, and S(t) after it. */
    public record Step(int day, long atRisk, long events, long censored, Fraction survival) {
    }

    /** The events and censorings per day a curve is made of. */
    public static final class Counts {

        private final TreeMap<Integer, long[]> byDay = new TreeMap<>();

        /** Adds n observations of a time: events, or censorings. */
        public Counts add(int day, boolean event, long n) {
            if (day < 0) {
                throw new IllegalArgumentException("a time cannot be negative: " + day);
            }
            if (n < 0) {
                throw new IllegalArgumentException("a number of observations cannot be negative: " + n + " on day " + day);
            }
            if (n > 0) {
                byDay.computeIfAbsent(day, d -> new long[2])[event ? 0 : 1] += n;
            }
            return this;
        }

        public KaplanMeier curve() {
            long size = byDay.values().stream().mapToLong(counts -> counts[0] + counts[1]).sum();
            List<Step> steps = new ArrayList<>(byDay.size());
            long atRisk = size;
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
            return new KaplanMeier(List.copyOf(steps), size);
        }
    }

    private final List<Step> steps;
    private final long size;

    private KaplanMeier(List<Step> steps, long size) {
        this.steps = steps;
        this.size = size;
    }

    public static KaplanMeier of(Collection<Observation> observations) {
        Counts counts = new Counts();
        observations.forEach(observation -> counts.add(observation.day(), observation.event(), 1));
        return counts.curve();
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
        return steps.stream().filter(step -> step.day() <= day).mapToLong(Step::events).sum();
    }

    /** Observations censored on or before the day. */
    public long censoredThrough(int day) {
        return steps.stream().filter(step -> step.day() <= day).mapToLong(Step::censored).sum();
    }

    public long size() {
        return size;
    }

    public long events() {
        return steps.stream().mapToLong(Step::events).sum();
    }
}
