package nl.werkdesk.reporting.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pilot's phases, each from its start until the day before the next one starts (the last one open-ended).
 * A participant belongs to the phase of their enrolment date. Configuration, not code: phases are added as
 * the pilot goes on.
 */
public record Phases(List<Phase> all) {

    /** One phase: {@code endsOn} is null for the phase that is still running. */
    public record Phase(int number, LocalDate startsOn, LocalDate endsOn) {

        public boolean contains(LocalDate date) {
            return !date.isBefore(startsOn) && (endsOn == null || !date.isAfter(endsOn));
        }

        public Period period() {
            return new Period(startsOn, endsOn);
        }
    }

    /** A range of dates, both ends inclusive, either end open (null). */
    public record Period(LocalDate from, LocalDate to) {

        public static final Period ALWAYS = new Period(null, null);

        public boolean isEmpty() {
            return from != null && to != null && from.isAfter(to);
        }

        public Period intersect(Period other) {
            return new Period(later(from, other.from), earlier(to, other.to));
        }

        public boolean overlaps(Period other) {
            return !intersect(other).isEmpty();
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
        }

        private static LocalDate earlier(LocalDate a, LocalDate b) {
            return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
        }
    }

    /** Phases from their numbers and start dates, in any order; each ends the day before the next starts. */
    public static Phases starting(List<Phase> starts) {
        List<Phase> sorted = new ArrayList<>(starts);
        sorted.sort(Comparator.comparing(Phase::startsOn));
        List<Phase> phases = new ArrayList<>(sorted.size());
        Set<Integer> numbers = new TreeSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Phase phase = sorted.get(i);
            if (!numbers.add(phase.number())) {
                throw new IllegalArgumentException("phase " + phase.number() + " is configured twice");
            }
            LocalDate endsOn = i + 1 < sorted.size() ? sorted.get(i + 1).startsOn().minusDays(1) : null;
            phases.add(new Phase(phase.number(), phase.startsOn(), endsOn));
        }
        return new Phases(List.copyOf(phases));
    }

    public Optional<Phase> number(int number) {
        return all.stream().filter(phase -> phase.number() == number).findFirst();
    }

    public Optional<Phase> on(LocalDate date) {
        return all.stream().filter(phase -> phase.contains(date)).findFirst();
    }

    public Set<Integer> numbers() {
        Set<Integer> numbers = new TreeSet<>();
        all.forEach(phase -> numbers.add(phase.number()));
        return numbers;
    }

    /** The phases that share at least one day with the period. */
    public List<Phase> overlapping(Period period) {
        return all.stream().filter(phase -> phase.period().overlaps(period)).toList();
    }
}
