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
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.reporting.domain.MicrodataExportEvent;
import nl.werkdesk.testing.ContractSchemas;
import org.junit.jupiter.api.Test;

/** What werkdesk.programme.v1 carries: the ledger's events as stored, and an export's account as the contract's record. */
class ProgrammePublicationTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final UUID EVENT = UUID.fromString("0b6a3f52-8f0e-4d57-9d0c-2f1f7d3c5a10");

    @Test
    void publishesAnExportsAccountFieldForFieldAsTheContractsRecord() throws Exception {
        UUID export = UUID.randomUUID();
        MicrodataExportEvent.MicrodataExported stored = new MicrodataExportEvent.MicrodataExported(export, "dev-researcher",
                LocalDate.of(2025, 12, 1), Instant.parse("2025-12-01T09:30:00Z"), LocalDate.of(2025, 10, 16), null, 2, "csv", 120, 5, 7,
                List.of("enrolment-month-to-quarter"), 3, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        List<Publication.Published> published = ProgrammePublication.PUBLICATION.publish(EVENT, stored);
        assertEquals(1, published.size());
        assertEquals(EVENT, published.get(0).id(), "the stored event's id");
        assertEquals(new ProgrammeEvent.MicrodataExported(export, "dev-researcher", LocalDate.of(2025, 12, 1),
                Instant.parse("2025-12-01T09:30:00Z"), LocalDate.of(2025, 10, 16), null, 2, "csv", 120, 5, 7,
                List.of("enrolment-month-to-quarter"), 3, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                published.get(0).event());
        assertEquals("nl.werkdesk.programme.microdata-exported", published.get(0).type().cloudEventType());
        ContractSchemas.assertValid(published.get(0).type(), JSON.writeValueAsString(published.get(0).event()));
    }

    @Test
    void publishesTheLedgersEventsAsTheyAreStored() {
        ProgrammeEvent.ExpenditureBooked booked = new ProgrammeEvent.ExpenditureBooked(UUID.randomUUID(), UUID.randomUUID(),
                ExpenditureCategory.TRAINING, 1_000, null, LocalDate.of(2025, 3, 1));
        assertEquals(List.of(booked), ProgrammePublication.PUBLICATION.publish(EVENT, booked).stream().map(Publication.Published::event).toList());
    }
}
