package nl.werkdesk.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent.*;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.contracts.participant.WorkExperience;
import org.junit.jupiter.api.Test;

/** The participant events as the participant service writes them, including the variants that matter. */
class ParticipantContractTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final UUID ID = UUID.fromString("0b6f3d4e-0000-4000-8000-000000000001");
    static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    /** One example of every participant event, as the participant service would publish it. */
    static final List<ParticipantEvent> EXAMPLES = List.of(
            new ParticipantRegistered(ID, DAY, "Willinklaan", DAY.minusMonths(8), AsylumTrack.REGULAR, WDocumentType.W,
                    DAY.plusYears(1), List.of("ar", "en"), new WorkEligibility(DAY.minusMonths(2), DAY.plusYears(1), "nl-2023-11-29", null)),
            new ParticipantRegistered(ID, DAY, "Willinklaan", DAY.minusMonths(2), AsylumTrack.REGULAR, WDocumentType.W2,
                    DAY.plusYears(1), List.of(), new WorkEligibility(null, null, "nl-2023-11-29", "Dublin claimant (W2 document)")),
            new IntakeCompleted(ID, DAY, Set.of(Sector.HORECA, Sector.HOME_CARE), LanguageLevel.A2, LanguageLevel.B1,
                    List.of(new WorkExperience(Sector.LOGISTICS, 3))),
            new ActivityCompleted(ID, ActivityType.CV_HELP, DAY),
            new RelocatedByCOA(ID, "Willinklaan", "Kabelweg", DAY),
            new ResidencePermitGranted(ID, DAY),
            new AsylumApplicationRejected(ID, DAY, DAY.plusDays(28)),
            new ParticipantLeftPilot(ID, LeaveReason.FOUND_WORK_ELSEWHERE, DAY),
            new ParticipantPersonalDataErased(ID, DAY));

    @Test
    void everyEventTypeHasItsNamesDerivedFromTheRecord() {
        EventType intake = ParticipantEvent.CATALOG.byName("IntakeCompleted").orElseThrow();
        assertEquals("nl.werkdesk.participant.intake-completed", intake.cloudEventType());
        assertEquals("schemas/participant/intake-completed.v1.json", intake.schemaResource());
        assertEquals("nl.werkdesk.participant.relocated-by-coa",
                ParticipantEvent.CATALOG.byName("RelocatedByCOA").orElseThrow().cloudEventType());
        assertEquals("urn:nld:werkdesk:participant-service", ParticipantEvent.CATALOG.source().toString());
        assertEquals(Topics.PARTICIPANTS, ParticipantEvent.CATALOG.topic());
    }

    @Test
    void everyEventHasAnExampleThatValidatesAgainstItsSchema() throws IOException {
        Set<String> covered = EXAMPLES.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet());
        assertEquals(ParticipantEvent.CATALOG.types().stream().map(EventType::name).collect(Collectors.toSet()), covered);
        for (ParticipantEvent event : EXAMPLES) {
            EventType type = ParticipantEvent.CATALOG.typeOf(event);
            Set<ValidationMessage> errors = schemaOf(type).validate(JSON.valueToTree(event));
            assertEquals(Set.of(), errors, type.name() + " example");
        }
    }

    @Test
    void schemasRefuseDataThatBreaksTheContract() throws IOException {
        JsonSchema registered = schemaOf(ParticipantEvent.CATALOG.byName("ParticipantRegistered").orElseThrow());
        JsonNode valid = JSON.valueToTree(EXAMPLES.get(0));
        var withName = ((com.fasterxml.jackson.databind.node.ObjectNode) valid.deepCopy()).put("name", "A. Person");
        assertTrue(registered.validate(withName).stream().anyMatch(m -> m.getMessage().contains("name")),
                "personal data is not part of the contract and is refused");
        var withoutLocation = ((com.fasterxml.jackson.databind.node.ObjectNode) valid.deepCopy());
        withoutLocation.remove("location");
        assertTrue(!registered.validate(withoutLocation).isEmpty(), "a missing required field is refused");
    }

    static JsonSchemaFactory factory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    }

    static JsonSchema schemaOf(EventType type) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory().getSchema(readSchema(type), config);
    }

    static JsonNode readSchema(EventType type) throws IOException {
        return JSON.readTree(resource(type.schemaResource()));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ParticipantContractTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
