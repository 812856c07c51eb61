package nl.werkdesk.participant.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.contracts.participant.WorkExperience;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.participant.domain.ParticipantEvent;
import nl.werkdesk.participant.domain.WDocument;
import nl.werkdesk.testing.ContractSchemas;
import org.junit.jupiter.api.Test;

/** Every stored participant event is published as one event of werkdesk.participants.v1 that its JSON Schema accepts. */
class ParticipantPublicationTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final UUID ID = UUID.fromString("0b6f3d4e-0000-4000-8000-000000000001");
    static final UUID EVENT = UUID.fromString("7d1c2b3a-0000-4000-8000-000000000002");
    static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    static final List<ParticipantEvent> EXAMPLES = List.of(
            new ParticipantEvent.ParticipantRegistered(ID, DAY, "Willinklaan", DAY.minusMonths(8), AsylumTrack.REGULAR,
                    new WDocument(WDocumentType.W, DAY.plusYears(1)), List.of("ar", "en"),
                    new WorkEligibility(DAY.minusMonths(2), DAY.plusYears(1), "nl-2023-11-29", null)),
            new ParticipantEvent.IntakeCompleted(ID, DAY, Set.of(Sector.HORECA), LanguageLevel.A2, LanguageLevel.B1,
                    List.of(new WorkExperience(Sector.LOGISTICS, 3))),
            new ParticipantEvent.ActivityCompleted(ID, ActivityType.CV_HELP, DAY),
            new ParticipantEvent.RelocatedByCOA(ID, "Willinklaan", "Kabelweg", DAY),
            new ParticipantEvent.ResidencePermitGranted(ID, DAY),
            new ParticipantEvent.AsylumApplicationRejected(ID, DAY, DAY.plusDays(28)),
            new ParticipantEvent.ParticipantLeftPilot(ID, LeaveReason.FOUND_WORK_ELSEWHERE, DAY),
            new ParticipantEvent.ParticipantPersonalDataErased(ID, DAY));

    @Test
    void publishesEveryEventAsOneIntegrationEventOfTheSameNameThatItsSchemaAccepts() throws Exception {
        SealedTypes.assertEveryTypeHasAnExample(ParticipantEvent.class, EXAMPLES);
        for (ParticipantEvent event : EXAMPLES) {
            List<Publication.Published> published = ParticipantPublication.PUBLICATION.publish(EVENT, event);
            assertEquals(1, published.size(), event.getClass().getSimpleName());
            assertEquals(EVENT, published.get(0).id());
            assertEquals(event.getClass().getSimpleName(), published.get(0).type().name());
            ContractSchemas.assertValid(published.get(0).type(), JSON.writeValueAsString(published.get(0).event()));
        }
    }

    @Test
    void publishesTheWDocumentAsTheTwoFieldsOfTheContract() {
        var published = (nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered)
                ParticipantPublication.PUBLICATION.publish(EVENT, EXAMPLES.get(0)).get(0).event();
        assertEquals(WDocumentType.W, published.wDocumentType());
        assertEquals(DAY.plusYears(1), published.wDocumentValidUntil());
    }
}
