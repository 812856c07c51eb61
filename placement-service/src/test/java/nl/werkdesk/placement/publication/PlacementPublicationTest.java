package nl.werkdesk.placement.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.RiskReason;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.placement.domain.PlacementEvent;
import nl.werkdesk.testing.ContractSchemas;
import org.junit.jupiter.api.Test;

/**
 * Every stored placement event is published as the one event of werkdesk.placements.v1 of the same name, with the same
 * data as it is stored with, which its JSON Schema accepts: the published language stays what it was.
 */
class PlacementPublicationTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final UUID PLACEMENT = UUID.fromString("0b6f2a5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b");
    static final UUID PARTICIPANT = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    static final UUID EVENT = UUID.fromString("7d1c2b3a-0000-4000-8000-000000000002");
    static final LocalDate DAY = LocalDate.of(2025, 4, 7);

    static final List<PlacementEvent> EXAMPLES = List.of(
            new PlacementEvent.PlacementStarted(PLACEMENT, PARTICIPANT, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    Sector.HOME_CARE, "Amsterdam", DAY, 32, 1425, ContractType.TEMPORARY_VIA_AGENCY),
            new PlacementEvent.PlacementStarted(PLACEMENT, PARTICIPANT, UUID.randomUUID(), UUID.randomUUID(), null,
                    Sector.HORECA, "Diemen", DAY, 24, 1450, ContractType.PERMANENT),
            new PlacementEvent.PlacementChanged(PLACEMENT, PARTICIPANT, DAY.plusMonths(2), 38, 1510),
            new PlacementEvent.PlacementAtRisk(PLACEMENT, PARTICIPANT, DAY.plusMonths(1), RiskReason.RELOCATED_OUT_OF_REGION),
            new PlacementEvent.PlacementContinued(PLACEMENT, PARTICIPANT, DAY.plusMonths(1)),
            new PlacementEvent.PlacementEnded(PLACEMENT, PARTICIPANT, DAY.plusMonths(5), EndReason.RELOCATED_BY_COA),
            new PlacementEvent.PlacementSustained(PLACEMENT, PARTICIPANT, DAY.plusWeeks(26)),
            new PlacementEvent.PlacementSustainedWithdrawn(PLACEMENT, PARTICIPANT, DAY.plusMonths(5)));

    @Test
    void publishesEveryEventAsTheIntegrationEventOfTheSameNameAndDataThatItsSchemaAccepts() throws Exception {
        SealedTypes.assertEveryTypeHasAnExample(PlacementEvent.class, EXAMPLES);
        for (PlacementEvent event : EXAMPLES) {
            List<Publication.Published> published = PlacementPublication.PUBLICATION.publish(EVENT, event);
            String name = event.getClass().getSimpleName();
            assertEquals(1, published.size(), name);
            assertEquals(EVENT, published.get(0).id(), name + " keeps the stored event's id");
            assertEquals(name, published.get(0).type().name());
            String data = JSON.writeValueAsString(published.get(0).event());
            assertEquals(JSON.readTree(JSON.writeValueAsString(event)), JSON.readTree(data), name + " is published as it is stored");
            assertEquals(event.occurredOn(), published.get(0).event().occurredOn(), name + " keeps its business date (ce_time)");
            ContractSchemas.assertValid(published.get(0).type(), data);
        }
    }
}
