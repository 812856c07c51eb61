package nl.werkdesk.contracts.programme;

import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.Topics;

/**
 * The pilot's money, as published on werkdesk.programme.v1 (key: the ledger id): budget allocated per phase
 * and expenditure booked, in euro cents. A booking is never changed: a correction is an event of its own.
 */
public sealed interface ProgrammeEvent extends IntegrationEvent {

    EventCatalog CATALOG = EventCatalog.of("programme", Topics.PROGRAMME, "reporting-service", ProgrammeEvent.class);

    UUID ledgerId();

    /** Budget was allocated to a phase of the pilot. */
    record BudgetAllocated(UUID ledgerId, UUID allocationId, int phase, long amountCents, LocalDate allocatedOn)
            implements ProgrammeEvent {
        public LocalDate occurredOn() {
            return allocatedOn;
        }
    }

    /** Money was spent, at one location or programme-wide (location null). */
    record ExpenditureBooked(UUID ledgerId, UUID bookingId, ExpenditureCategory category, long amountCents, String location,
                             LocalDate bookedOn) implements ProgrammeEvent {
        public LocalDate occurredOn() {
            return bookedOn;
        }
    }

    /** A booking was corrected by a reversing amount (negative reduces spend), never by changing it. */
    record ExpenditureCorrected(UUID ledgerId, UUID correctionId, UUID bookingId, long amountCents, LocalDate correctedOn)
            implements ProgrammeEvent {
        public LocalDate occurredOn() {
            return correctedOn;
        }
    }
}
