package nl.werkdesk.contracts.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.Topics;

/**
 * What reporting-service publishes on werkdesk.programme.v1 (key: the stream id): the pilot's money, budget allocated per
 * phase and expenditure booked, in euro cents (the programme ledger's stream; a booking is never changed: a correction is
 * an event of its own); and the account of every export of the researcher's records (a stream per export).
 */
public sealed interface ProgrammeEvent extends IntegrationEvent {

    EventCatalog CATALOG = EventCatalog.of("programme", Topics.PROGRAMME, "reporting-service", ProgrammeEvent.class);

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

    /**
     * The researcher exported pseudonymised, k-anonymous records per participant, as the data-sharing agreement asks every
     * export to be accounted for: who (the token's subject), when, the scope (asOf, location, phase: null for all), the format,
     * the records, the k required and reached (null without records), the generalisations applied, the records suppressed,
     * and the SHA-256 of the file as sent. No record of the file itself.
     */
    record MicrodataExported(UUID exportId, String exportedBy, LocalDate exportedOn, Instant exportedAt, LocalDate asOf,
                             String location, Integer phase, String format, int rows, int k, Integer kReached,
                             List<String> generalisations, int rowsSuppressed, String sha256) implements ProgrammeEvent {
        public LocalDate occurredOn() {
            return exportedOn;
        }
    }
}
