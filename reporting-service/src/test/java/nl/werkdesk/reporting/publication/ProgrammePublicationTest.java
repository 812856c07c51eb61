package nl.werkdesk.reporting.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.contracts.programme.ProgrammeEvent;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.reporting.domain.MicrodataExportEvent;
import nl.werkdesk.reporting.domain.ProgrammeLedgerEvent;
import nl.werkdesk.testing.ContractSchemas;
import org.junit.jupiter.api.Test;

/**
 * What werkdesk.programme.v1 carries: every stored event of the programme ledger and of an export's account as the contract's
 * record of the same name, field for field, with the stored event's id, and valid against its JSON Schema.
 */
class ProgrammePublicationTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final UUID EVENT = UUID.fromString("0b6a3f52-8f0e-4d57-9d0c-2f1f7d3c5a10");
    static final UUID LEDGER = UUID.fromString("3f0b6a52-8f0e-4d57-9d0c-2f1f7d3c5a10");
    static final UUID ALLOCATION = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID BOOKING = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final UUID CORRECTION = UUID.fromString("00000000-0000-4000-8000-000000000003");
    static final UUID EXPORT = UUID.fromString("00000000-0000-4000-8000-000000000004");
    static final LocalDate DAY = LocalDate.of(2025, 3, 31);
    static final String SHA_256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** An example of every stored event, and the contract's record it must be published as. */
    static final List<Object> STORED = List.of(
            new ProgrammeLedgerEvent.BudgetAllocated(LEDGER, ALLOCATION, 1, 75_000_000, DAY),
            new ProgrammeLedgerEvent.ExpenditureBooked(LEDGER, BOOKING, ExpenditureCategory.TRAINING, 300_000, null, DAY),
            new ProgrammeLedgerEvent.ExpenditureBooked(LEDGER, BOOKING, ExpenditureCategory.WERKDESK_STAFF, 1_250_000, "Willinklaan", DAY),
            new ProgrammeLedgerEvent.ExpenditureCorrected(LEDGER, CORRECTION, BOOKING, -250_000, DAY.plusDays(15)),
            new MicrodataExportEvent.MicrodataExported(EXPORT, "dev-researcher", LocalDate.of(2025, 12, 1),
                    Instant.parse("2025-12-01T09:30:00Z"), LocalDate.of(2025, 10, 16), null, 2, "csv", 120, 5, 7,
                    List.of("enrolment-month-to-quarter"), 3, SHA_256));
    static final List<ProgrammeEvent> PUBLISHED = List.of(
            new ProgrammeEvent.BudgetAllocated(LEDGER, ALLOCATION, 1, 75_000_000, DAY),
            new ProgrammeEvent.ExpenditureBooked(LEDGER, BOOKING, ExpenditureCategory.TRAINING, 300_000, null, DAY),
            new ProgrammeEvent.ExpenditureBooked(LEDGER, BOOKING, ExpenditureCategory.WERKDESK_STAFF, 1_250_000, "Willinklaan", DAY),
            new ProgrammeEvent.ExpenditureCorrected(LEDGER, CORRECTION, BOOKING, -250_000, DAY.plusDays(15)),
            new ProgrammeEvent.MicrodataExported(EXPORT, "dev-researcher", LocalDate.of(2025, 12, 1),
                    Instant.parse("2025-12-01T09:30:00Z"), LocalDate.of(2025, 10, 16), null, 2, "csv", 120, 5, 7,
                    List.of("enrolment-month-to-quarter"), 3, SHA_256));

    @Test
    void publishesEveryStoredEventAsTheContractsRecordOfTheSameNameThatItsSchemaAccepts() throws Exception {
        SealedTypes.assertEveryTypeHasAnExample(ProgrammeLedgerEvent.class, STORED);
        SealedTypes.assertEveryTypeHasAnExample(MicrodataExportEvent.class, STORED);
        for (int i = 0; i < STORED.size(); i++) {
            Object stored = STORED.get(i);
            List<Publication.Published> published = ProgrammePublication.PUBLICATION.publish(EVENT, stored);
            assertEquals(1, published.size(), stored.getClass().getSimpleName());
            assertEquals(EVENT, published.get(0).id(), "the stored event's id");
            assertEquals(PUBLISHED.get(i), published.get(0).event(), "field for field");
            assertEquals(stored.getClass().getSimpleName(), published.get(0).type().name());
            assertEquals(JSON.writeValueAsString(stored), JSON.writeValueAsString(published.get(0).event()),
                    "the same JSON as stored: rows stored before the ledger's own vocabulary read and publish alike");
            ContractSchemas.assertValid(published.get(0).type(), JSON.writeValueAsString(published.get(0).event()));
        }
        assertEquals("nl.werkdesk.programme.microdata-exported",
                ProgrammePublication.PUBLICATION.publish(EVENT, STORED.get(4)).get(0).type().cloudEventType());
    }
}
