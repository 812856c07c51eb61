package nl.werkdesk.employer.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The statutory minimum wage (wettelijk minimumloon) as a dated table, oldest first: each rate is in force
 * from its date until the next one starts, so that a vacancy is judged by the rate of its opening date.
 */
public final class MinimumWages {

    /** The gross hourly minimum wage for adults, in euro cents, from a date on. */
    public record MinimumWage(LocalDate validFrom, long hourlyCents) {

        /** Euros as people write them: 14.06. */
        public String inEuros() {
            return String.format(java.util.Locale.ROOT, "%d.%02d", hourlyCents / 100, hourlyCents % 100);
        }
    }

    private final List<MinimumWage> rates;

    public MinimumWages(List<MinimumWage> rates) {
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("at least one statutory minimum wage is needed");
        }
        List<MinimumWage> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparing(MinimumWage::validFrom));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).validFrom().equals(sorted.get(i - 1).validFrom())) {
                throw new IllegalArgumentException("two statutory minimum wages start on " + sorted.get(i).validFrom());
            }
        }
        for (MinimumWage rate : sorted) {
            if (rate.hourlyCents() <= 0) {
                throw new IllegalArgumentException("the statutory minimum wage from " + rate.validFrom() + " must be positive");
            }
        }
        this.rates = List.copyOf(sorted);
    }

    public List<MinimumWage> all() {
        return rates;
    }

    /** The rate in force on a date; empty before the first known rate. */
    public Optional<MinimumWage> inForceOn(LocalDate date) {
        MinimumWage found = null;
        for (MinimumWage rate : rates) {
            if (!rate.validFrom().isAfter(date)) {
                found = rate;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The last day of a rate: the day before the next one starts; empty for the latest. */
    public Optional<LocalDate> validUntil(MinimumWage rate) {
        int index = rates.indexOf(rate);
        return index >= 0 && index + 1 < rates.size() ? Optional.of(rates.get(index + 1).validFrom().minusDays(1)) : Optional.empty();
    }
}
