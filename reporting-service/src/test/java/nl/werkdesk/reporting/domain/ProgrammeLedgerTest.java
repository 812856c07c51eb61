package nl.werkdesk.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.contracts.programme.ProgrammeEvent;
import nl.werkdesk.contracts.programme.ProgrammeEvent.BudgetAllocated;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureBooked;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureCorrected;
import nl.werkdesk.eventsourcing.core.DeciderScenario;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Command.AllocateBudget;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Command.BookExpenditure;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Command.CorrectExpenditure;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Ledger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProgrammeLedgerTest {

    static final UUID LEDGER = UUID.fromString("3f0b6a52-8f0e-4d57-9d0c-2f1f7d3c5a10");
    static final UUID ALLOCATION = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID BOOKING = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final UUID CORRECTION = UUID.fromString("00000000-0000-4000-8000-000000000003");
    static final UUID SECOND_CORRECTION = UUID.fromString("00000000-0000-4000-8000-000000000004");
    static final LocalDate JAN_6 = LocalDate.of(2025, 1, 6);
    static final LocalDate MARCH_31 = LocalDate.of(2025, 3, 31);
    static final LocalDate APRIL_15 = LocalDate.of(2025, 4, 15);
    static final ProgrammeLedger.Rules RULES = new ProgrammeLedger.Rules(LEDGER, Set.of(1, 2), Set.of("Willinklaan", "Kabelweg"));

    static final BudgetAllocated PHASE_ONE_BUDGET = new BudgetAllocated(LEDGER, ALLOCATION, 1, 75_000_000, JAN_6);
    static final ExpenditureBooked STAFF_AT_WILLINKLAAN = new ExpenditureBooked(LEDGER, BOOKING, ExpenditureCategory.WERKDESK_STAFF,
            1_250_000, "Willinklaan", MARCH_31);

    static DeciderScenario<ProgrammeLedger.Command, Ledger, ProgrammeEvent> ledger() {
        return DeciderScenario.with(ProgrammeLedger.decider(RULES));
    }

    @Nested
    class AllocatingBudget {

        @Test
        void allocatesBudgetToAPhaseOfThePilot() {
            ledger().given().when(new AllocateBudget(ALLOCATION, 1, 75_000_000, JAN_6)).then(PHASE_ONE_BUDGET);
        }

        @Test
        void rejectsAnAllocationOfNothing() {
            ledger().given().when(new AllocateBudget(ALLOCATION, 1, 0, JAN_6)).rejectedOn("amountCents", "must be more than zero");
        }

        @Test
        void rejectsAnAllocationToAPhaseThePilotDoesNotHave() {
            ledger().given().when(new AllocateBudget(ALLOCATION, 3, 100, JAN_6)).rejectedOn("phase", "is not a phase of the pilot");
        }
    }

    @Nested
    class BookingExpenditure {

        @Test
        void booksExpenditureAtALocation() {
            ledger().given(PHASE_ONE_BUDGET)
                    .when(new BookExpenditure(BOOKING, ExpenditureCategory.WERKDESK_STAFF, 1_250_000, "Willinklaan", MARCH_31))
                    .then(STAFF_AT_WILLINKLAAN);
        }

        @Test
        void booksAProgrammeWideCostWithoutALocation() {
            ledger().given()
                    .when(new BookExpenditure(BOOKING, ExpenditureCategory.TRAINING, 300_000, null, MARCH_31))
                    .then(new ExpenditureBooked(LEDGER, BOOKING, ExpenditureCategory.TRAINING, 300_000, null, MARCH_31));
        }

        @Test
        void rejectsABookingOfANegativeAmount() {
            ledger().given().when(new BookExpenditure(BOOKING, ExpenditureCategory.OTHER, -5, null, MARCH_31))
                    .rejectedOn("amountCents", "must be more than zero");
        }

        @Test
        void rejectsABookingAtALocationOutsideThePilot() {
            ledger().given().when(new BookExpenditure(BOOKING, ExpenditureCategory.OTHER, 500, "Utrecht", MARCH_31))
                    .rejectedOn("location", "must be one of the pilot's locations");
        }
    }

    @Nested
    class CorrectingABooking {

        @Test
        void correctsABookingByAReversingAmount() {
            ledger().given(STAFF_AT_WILLINKLAAN).when(new CorrectExpenditure(CORRECTION, BOOKING, -250_000, APRIL_15))
                    .then(new ExpenditureCorrected(LEDGER, CORRECTION, BOOKING, -250_000, APRIL_15));
        }

        @Test
        void correctsABookingUpwards() {
            ledger().given(STAFF_AT_WILLINKLAAN).when(new CorrectExpenditure(CORRECTION, BOOKING, 10_000, APRIL_15))
                    .then(new ExpenditureCorrected(LEDGER, CORRECTION, BOOKING, 10_000, APRIL_15));
        }

        @Test
        void reversesABookingCompletely() {
            ledger().given(STAFF_AT_WILLINKLAAN).when(new CorrectExpenditure(CORRECTION, BOOKING, -1_250_000, APRIL_15))
                    .then(new ExpenditureCorrected(LEDGER, CORRECTION, BOOKING, -1_250_000, APRIL_15));
        }

        @Test
        void rejectsACorrectionThatTakesTheBookingBelowZero() {
            ledger().given(STAFF_AT_WILLINKLAAN).when(new CorrectExpenditure(CORRECTION, BOOKING, -1_250_001, APRIL_15))
                    .rejectedOn("amountCents", "would take the booking below zero: it stands at 1250000 cents");
        }

        @Test
        void countsEarlierCorrectionsWhenJudgingTheFloor() {
            ledger().given(STAFF_AT_WILLINKLAAN, new ExpenditureCorrected(LEDGER, CORRECTION, BOOKING, -1_000_000, APRIL_15))
                    .when(new CorrectExpenditure(SECOND_CORRECTION, BOOKING, -250_001, APRIL_15))
                    .rejectedOn("amountCents", "it stands at 250000 cents");
        }

        @Test
        void rejectsACorrectionOfABookingTheLedgerDoesNotHave() {
            ledger().given(PHASE_ONE_BUDGET).when(new CorrectExpenditure(CORRECTION, BOOKING, -1, APRIL_15))
                    .rejectedOn("bookingId", "is not a booking of this ledger");
        }

        @Test
        void rejectsACorrectionOfNothing() {
            ledger().given(STAFF_AT_WILLINKLAAN).when(new CorrectExpenditure(CORRECTION, BOOKING, 0, APRIL_15))
                    .rejectedOn("amountCents", "must not be zero");
        }

        @Test
        void rejectsACorrectionDatedBeforeTheBooking() {
            ledger().given(STAFF_AT_WILLINKLAAN).when(new CorrectExpenditure(CORRECTION, BOOKING, -1, JAN_6))
                    .rejectedOn("correctedOn", "lies before the booking on 2025-03-31");
        }
    }

    @Test
    void keepsBudgetAndSpendAfterCorrectionsAndNamesTheLatestChange() {
        Ledger ledger = ledger().given(PHASE_ONE_BUDGET, STAFF_AT_WILLINKLAAN,
                new ExpenditureCorrected(LEDGER, CORRECTION, BOOKING, -250_000, APRIL_15)).state();
        assertEquals(75_000_000, ledger.budgetCents());
        assertEquals(1_000_000, ledger.spentCents());
        assertEquals(1_250_000, ledger.bookings().get(0).bookedCents());
        assertEquals(new ProgrammeLedger.Change("expenditure-corrected", CORRECTION), ledger.latestChange());
    }
}
