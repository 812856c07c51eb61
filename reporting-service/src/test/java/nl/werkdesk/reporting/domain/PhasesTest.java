package nl.werkdesk.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.werkdesk.reporting.domain.Phases.Period;
import nl.werkdesk.reporting.domain.Phases.Phase;
import org.junit.jupiter.api.Test;

class PhasesTest {

    static final Phases PILOT = Phases.starting(List.of(
            new Phase(2, LocalDate.of(2025, 8, 1), null),
            new Phase(1, LocalDate.of(2025, 1, 1), null)));

    @Test
    void endsEachPhaseTheDayBeforeTheNextStarts() {
        assertEquals(new Phase(1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 31)), PILOT.number(1).orElseThrow());
        assertEquals(new Phase(2, LocalDate.of(2025, 8, 1), null), PILOT.number(2).orElseThrow());
    }

    @Test
    void placesAnEnrolmentInThePhaseOfItsDate() {
        assertEquals(1, PILOT.on(LocalDate.of(2025, 7, 31)).orElseThrow().number());
        assertEquals(2, PILOT.on(LocalDate.of(2025, 8, 1)).orElseThrow().number());
        assertTrue(PILOT.on(LocalDate.of(2024, 12, 31)).isEmpty());
    }

    @Test
    void findsThePhasesAPeriodOverlaps() {
        assertEquals(List.of(1, 2), PILOT.overlapping(new Period(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 8, 1)))
                .stream().map(Phase::number).toList());
        assertEquals(List.of(2), PILOT.overlapping(new Period(LocalDate.of(2026, 1, 1), null)).stream().map(Phase::number).toList());
        assertTrue(PILOT.overlapping(new Period(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 8, 1))).isEmpty());
    }

    @Test
    void refusesAPhaseConfiguredTwice() {
        assertThrows(IllegalArgumentException.class, () -> Phases.starting(List.of(
                new Phase(1, LocalDate.of(2025, 1, 1), null), new Phase(1, LocalDate.of(2025, 8, 1), null))));
    }
}
