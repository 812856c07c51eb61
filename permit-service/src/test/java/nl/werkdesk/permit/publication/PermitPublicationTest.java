package nl.werkdesk.permit.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.permit.DeclineReason;
import nl.werkdesk.contracts.permit.EndReason;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.permit.domain.Facts.Information;
import nl.werkdesk.permit.domain.PermitEvent;
import nl.werkdesk.testing.ContractSchemas;
import org.junit.jupiter.api.Test;

/**
 * Every step of a permit is published as the one event of werkdesk.permits.v1 of the same name, with the same JSON it
 * is stored with, that its JSON Schema accepts (and rows stored as those records read back unchanged); the screening's
 * wait is published as nothing.
 */
class PermitPublicationTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final UUID PERMIT = UUID.fromString("0b7e3a52-5d1c-4c3e-9a51-2f64c1d9e801");
    static final UUID PARTICIPANT = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    static final UUID EMPLOYER = UUID.fromString("a3c1f0e2-7b44-4e0b-8d2a-5e6f7a8b9c0d");
    static final UUID VACANCY = UUID.fromString("c9d8e7f6-1a2b-4c3d-8e4f-5a6b7c8d9e0f");
    static final UUID EVENT = UUID.fromString("7d1c2b3a-0000-4000-8000-000000000002");
    static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    static final List<PermitEvent> PUBLISHED = List.of(
            new PermitEvent.TwvRequested(PERMIT, PARTICIPANT, EMPLOYER, VACANCY, 1450, 32, DAY.plusDays(28), DAY, true),
            new PermitEvent.TwvRequestDeclined(PERMIT, PARTICIPANT, DAY, DeclineReason.NOT_YET_ELIGIBLE, DAY.plusDays(12)),
            new PermitEvent.TwvRequestDeclined(PERMIT, PARTICIPANT, DAY, DeclineReason.NOT_ELIGIBLE, null),
            new PermitEvent.TwvApplicationCompleted(PERMIT, PARTICIPANT, DAY, DAY.plusWeeks(5)),
            new PermitEvent.TwvGranted(PERMIT, PARTICIPANT, EMPLOYER, VACANCY, DAY, DAY, DAY.plusYears(1)),
            new PermitEvent.TwvRefused(PERMIT, PARTICIPANT, DAY, RefusalReason.WAGE_NOT_MARKET_RATE),
            new PermitEvent.TwvWithdrawn(PERMIT, PARTICIPANT, DAY),
            new PermitEvent.TwvExpired(PERMIT, PARTICIPANT, DAY),
            new PermitEvent.TwvNoLongerRequired(PERMIT, PARTICIPANT, DAY),
            new PermitEvent.TwvEnded(PERMIT, PARTICIPANT, DAY, EndReason.RECEPTION_ENDED));

    static final List<PermitEvent> UNPUBLISHED = List.of(
            new PermitEvent.ScreeningDeferred(PERMIT, PARTICIPANT, Set.of(Information.PARTICIPANT, Information.EMPLOYER), DAY),
            new PermitEvent.InformationReceived(PERMIT, PARTICIPANT, Set.of(Information.EMPLOYER), DAY));

    @Test
    void publishesEveryStepAsTheIntegrationEventOfTheSameNameWithTheSameJsonThatItsSchemaAccepts() throws Exception {
        SealedTypes.assertEveryTypeHasAnExample(PermitEvent.class, concat(PUBLISHED, UNPUBLISHED));
        for (PermitEvent event : PUBLISHED) {
            String name = event.getClass().getSimpleName();
            List<Publication.Published> published = PermitPublication.PUBLICATION.publish(EVENT, event);
            assertEquals(1, published.size(), name);
            assertEquals(EVENT, published.get(0).id(), "the stored event's id is the CloudEvent's id");
            assertEquals(name, published.get(0).type().name());
            String data = JSON.writeValueAsString(published.get(0).event());
            ContractSchemas.assertValid(published.get(0).type(), data);
            JsonNode stored = JSON.readTree(JSON.writeValueAsString(event));
            assertEquals(stored, JSON.readTree(data), name + ": published with the fields and values it is stored with");
            assertEquals(event.occurredOn(), published.get(0).event().occurredOn(), name + ": ce_time is its business date");
            // Rows stored while the contract records were the stored events hold this JSON: they read as the same event.
            assertEquals(event, JSON.readValue(data, event.getClass()), name + ": a row stored before reads unchanged");
        }
    }

    @Test
    void publishesTheScreeningsWaitAsNothing() {
        for (PermitEvent event : UNPUBLISHED) {
            assertEquals(List.of(), PermitPublication.PUBLICATION.publish(EVENT, event), event.getClass().getSimpleName());
        }
    }

    private static List<PermitEvent> concat(List<PermitEvent> a, List<PermitEvent> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
