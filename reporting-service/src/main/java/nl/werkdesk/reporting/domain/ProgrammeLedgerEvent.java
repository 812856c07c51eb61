package nl.werkdesk.reporting.domain;

import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.programme.ExpenditureCategory;

/**
 * What happens to the programme ledger, as reporting-service stores it: the ledger's own vocabulary. Other services see
 * these events only as {@code ProgrammePublication} maps them onto werkdesk.programme.v1 (today field for field, under the
 * same names, so that the rows stored before this vocabulary read unchanged).
 */
public sealed interface ProgrammeLedgerEvent {

    UUID ledgerId();

    /** The business date of the event. */
    LocalDate occurredOn();

    /** Budget was allocated to a phase of the pilot. */
    record BudgetAllocated(UUID ledgerId, UUID allocationId, int phase, long amountCents, LocalDate allocatedOn)
            implements ProgrammeLedgerEvent {
        public LocalDate occurredOn() {
            return allocatedOn;
        }
    }

    /** Money was spent, at one location or programme-wide (location null). */
    record ExpenditureBooked(UUID ledgerId, UUID bookingId, ExpenditureCategory category, long amountCents, String location,
                             LocalDate bookedOn) implements ProgrammeLedgerEvent {
        public LocalDate occurredOn() {
            return bookedOn;
        }
    }

    /** A booking was corrected by a reversing amount (negative reduces spend), never by changing it. */
    record ExpenditureCorrected(UUID ledgerId, UUID correctionId, UUID bookingId, long amountCents, LocalDate correctedOn)
            implements ProgrammeLedgerEvent {
        public LocalDate occurredOn() {
            return correctedOn;
        }
    }
}
