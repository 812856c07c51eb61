package nl.werkdesk.reporting.microdata;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The statutory minimum wage as a dated table (werkdesk.reporting.minimum-wages): each rate is in force from its date until
 * the next one starts. The same table employer-service judges vacancies by; no event carries the rate in force, so
 * reporting-service is configured with it too (docs/decisions.md).
 */
public record MinimumWages(List<Rate> rates) {

    /** The gross hourly minimum wage for adults, in euro cents, from a date on. */
    public record Rate(LocalDate validFrom, long hourlyCents) {
    }

    public MinimumWages {
        rates = rates.stream().sorted(Comparator.comparing(Rate::validFrom)).toList();
        for (int i = 0; i < rates.size(); i++) {
            if (rates.get(i).hourlyCents() <= 0) {
                throw new IllegalArgumentException("the minimum wage from " + rates.get(i).validFrom() + " must be positive");
            }
            if (i > 0 && rates.get(i).validFrom().equals(rates.get(i - 1).validFrom())) {
                throw new IllegalArgumentException("two minimum wages start on " + rates.get(i).validFrom());
            }
        }
    }

    /** The rate in force on a date; empty before the first known one. */
    public Optional<Rate> inForceOn(LocalDate date) {
        Rate found = null;
        for (Rate rate : rates) {
            if (!rate.validFrom().isAfter(date)) {
                found = rate;
            }
        }
        return Optional.ofNullable(found);
    }
}
