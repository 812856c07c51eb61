package nl.werkdesk.employer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.werkdesk.employer.domain.MinimumWages.MinimumWage;
import org.junit.jupiter.api.Test;

class MinimumWagesTest {

    static final MinimumWage JAN_2025 = new MinimumWage(LocalDate.of(2025, 1, 1), 1406);
    static final MinimumWage JULY_2025 = new MinimumWage(LocalDate.of(2025, 7, 1), 1440);

    @Test
    void findsTheRateInForceOnADateUntilTheNextOneStarts() {
        MinimumWages wages = new MinimumWages(List.of(JULY_2025, JAN_2025));
        assertEquals(Optional.of(JAN_2025), wages.inForceOn(LocalDate.of(2025, 6, 30)));
        assertEquals(Optional.of(JULY_2025), wages.inForceOn(LocalDate.of(2025, 7, 1)));
        assertEquals(Optional.of(JULY_2025), wages.inForceOn(LocalDate.of(2030, 1, 1)));
        assertTrue(wages.inForceOn(LocalDate.of(2024, 12, 31)).isEmpty());
        assertEquals(Optional.of(LocalDate.of(2025, 6, 30)), wages.validUntil(JAN_2025));
        assertTrue(wages.validUntil(JULY_2025).isEmpty());
        assertEquals("14.06", JAN_2025.inEuros());
    }

    @Test
    void refusesATableWithTwoRatesOnOneDayNoRatesOrANonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new MinimumWages(List.of(JAN_2025, new MinimumWage(JAN_2025.validFrom(), 1500))));
        assertThrows(IllegalArgumentException.class, () -> new MinimumWages(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MinimumWages(List.of(new MinimumWage(JAN_2025.validFrom(), 0))));
    }
}
