package nl.werkdesk.reporting.domain;

import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.AMOUNT_NOT_POSITIVE;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.BOOKING_BELOW_ZERO;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.CORRECTION_BEFORE_BOOKING;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.CORRECTION_OF_ZERO;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.NOT_A_PILOT_LOCATION;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.NOT_A_PILOT_PHASE;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.UNKNOWN_BOOKING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.DeciderScenario;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Command.AllocateBudget;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Command.BookExpenditure;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Command.CorrectExpenditure;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Ledger;
import nl.werkdesk.reporting.domain.ProgrammeLedgerEvent.BudgetAllocated;
import nl.werkdesk.reporting.domain.ProgrammeLedgerEvent.ExpenditureBooked;
import nl.werkdesk.reporting.domain.ProgrammeLedgerEvent.ExpenditureCorrected;
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

    static DeciderScenario<ProgrammeLedger.Command, Ledger, ProgrammeLedgerEvent> ledger() {
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
            ledger().given().when(new AllocateBudget(ALLOCATION, 1, 0, JAN_6)).rejectedOn("amountCents", AMOUNT_NOT_POSITIVE);
        }

        @Test
        void rejectsAnAllocationToAPhaseThePilotDoesNotHave() {
            ledger().given().when(new AllocateBudget(ALLOCATION, 3, 100, JAN_6)).rejectedOn("phase", NOT_A_PILOT_PHASE);
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
                    .rejectedOn("amountCents", AMOUNT_NOT_POSITIVE);
        }

        @Test
        void rejectsABookingAtALocationOutsideThePilot() {
            ledger().given().when(new BookExpenditure(BOOKING, ExpenditureCategory.OTHER, 500, "Utrecht", MARCH_31))
                    .rejectedOn("location", NOT_A_PILOT_LOCATION);
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
                    .rejectedOn("amountCents", BOOKING_BELOW_ZERO);
        }

        @Test
        void countsEarlierCorrectionsWhenJudgingTheFloor() {
            ledger().given(STAFF_AT_WILLINKLAAN, new ExpenditureCorrected(LEDGER, CORRECTION, BOOKING, -1_000_000, APRIL_15))
                    .when(new CorrectExpenditure(SECOND_CORRECTION, BOOKING, -250_001, APRIL_15))
                    .rejectedOn("amountCents", BOOKING_BELOW_ZERO);
        }

        @Test
        void rejectsACorrectionOfABookingTheLedgerDoesNotHave() {
            ledger().given(PHASE_ONE_BUDGET).when(new CorrectExpenditure(CORRECTION, BOOKING, -1, APRIL_15))
                    .rejectedOn("bookingId", UNKNOWN_BOOKING);
        }

        @Test
        void rejectsACorrectionOfNothing() {
            ledger().given(STAFF_AT_WILLINKLAAN).when(new CorrectExpenditure(CORRECTION, BOOKING, 0, APRIL_15))
                    .rejectedOn("amountCents", CORRECTION_OF_ZERO);
        }

        @Test
        void rejectsACorrectionDatedBeforeTheBooking() {
            ledger().given(STAFF_AT_WILLINKLAAN).when(new CorrectExpenditure(CORRECTION, BOOKING, -1, JAN_6))
                    .rejectedOn("correctedOn", CORRECTION_BEFORE_BOOKING);
        }
    }

    @Test
    void decidesEveryKindOfCommandAndFoldsEveryKindOfEvent() {
        List<ProgrammeLedger.Command> commands = List.of(new AllocateBudget(ALLOCATION, 1, 75_000_000, JAN_6),
                new BookExpenditure(BOOKING, ExpenditureCategory.WERKDESK_STAFF, 1_250_000, "Willinklaan", MARCH_31),
                new CorrectExpenditure(CORRECTION, BOOKING, -250_000, APRIL_15));
        SealedTypes.assertEveryTypeHasAnExample(ProgrammeLedger.Command.class, commands);
        Decider<ProgrammeLedger.Command, Ledger, ProgrammeLedgerEvent> decider = ProgrammeLedger.decider(RULES);
        List<ProgrammeLedgerEvent> events = new ArrayList<>();
        for (ProgrammeLedger.Command command : commands) {
            events.addAll(decider.decide(command, decider.replay(events)));
        }
        SealedTypes.assertEveryTypeHasAnExample(ProgrammeLedgerEvent.class, events);
        Ledger ledger = decider.replay(events);
        assertEquals(List.of(ALLOCATION), ledger.allocations().stream().map(ProgrammeLedger.Allocation::allocationId).toList());
        assertEquals(1_000_000, ledger.bookings().get(0).amountCents());
        assertEquals(new ProgrammeLedger.Change("expenditure-corrected", CORRECTION), ledger.latestChange());
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
