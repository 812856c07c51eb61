package nl.werkdesk.participant.rest;

import static nl.werkdesk.participant.rest.Api.PARTICIPANTS;
import static nl.werkdesk.participant.rest.Api.asCaseworker;
import static nl.werkdesk.participant.rest.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A registration stored before the W-document became one value (ParticipantRegistered schema version 1) is never
 * rewritten: it reads through the upcaster as the current event, takes further commands, and is published exactly as
 * it was stored, because the published contract did not change.
 */
@QuarkusTest
class StoredEventVersionsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** ParticipantRegistered as participant-service wrote it at schema version 1, field for field. */
    static final String VERSION_1 = """
            {"participantId": "%s", "registeredOn": "2025-02-03", "location": "Willinklaan", "asylumApplicationDate": "2024-09-15",
             "asylumTrack": "regular", "wDocumentType": "W", "wDocumentValidUntil": "2026-03-01", "languages": ["ar", "en"],
             "workEligibility": {"from": "2025-03-15", "until": "2026-03-01", "policy": "nl-2023-11-29", "reason": null}}""";

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void readsPublishesAndContinuesARegistrationStoredAtVersionOne() throws Exception {
        UUID id = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String stored = VERSION_1.formatted(id);
        storeAsBefore(id, eventId, stored);

        asCaseworker().get(PARTICIPANTS + "/" + id).then().statusCode(200)
                .body("wDocumentType", equalTo("W"))
                .body("wDocumentValidUntil", equalTo("2026-03-01"))
                .body("workEligibility.from", equalTo("2025-03-15"));
        post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200).header("ETag", "\"2\"");

        List<ConsumerRecord<String, String>> published = topic.await(Topics.PARTICIPANTS, r -> r.key().equals(id.toString()), 2, Api.PUBLISHED);
        ConsumerRecord<String, String> registered = published.get(0);
        assertEquals(eventId.toString(), KafkaTopicReader.header(registered, "ce_id"));
        assertEquals("nl.werkdesk.participant.participant-registered", KafkaTopicReader.header(registered, "ce_type"));
        assertEquals(JSON.readTree(stored), JSON.readTree(registered.value()), "published as it was stored");
        ContractSchemas.assertValid(ParticipantEvent.CATALOG, registered);
        assertEquals(List.of(1, 2), schemaVersions(id), "the old row is kept as it was; new registrations are stored at version 2");
    }

    /** The rows a registration left at version 1: its event and its line in the participant list. */
    private static void storeAsBefore(UUID id, UUID eventId, String data) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect("participant")) {
            connection.setAutoCommit(false);
            try (PreparedStatement event = connection.prepareStatement("""
                    INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, occurred_at)
                    VALUES (?, 'participant', 1, ?, 'ParticipantRegistered', 1, ?::jsonb, '{"actor":"test-caseworker"}'::jsonb,
                            '2025-02-03T00:00:00+01:00')""");
                 PreparedStatement view = connection.prepareStatement("""
                    INSERT INTO participants (participant_id, registered_on, location, status, residence_status, eligible_from,
                                              eligible_until, version)
                    VALUES (?, '2025-02-03', 'Willinklaan', 'ACTIVE', 'ASYLUM_SEEKER', '2025-03-15', '2026-03-01', 1)""")) {
                event.setObject(1, id);
                event.setObject(2, eventId);
                event.setString(3, data);
                event.executeUpdate();
                view.setObject(1, id);
                view.executeUpdate();
            }
            connection.commit();
        }
    }

    /** The schema version of the stream's registration, and of a registration made now. */
    private static List<Integer> schemaVersions(UUID oldId) throws SQLException {
        UUID newId = Api.register("Willinklaan");
        try (Connection connection = PostgresServer.shared().connect("participant");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT schema_version FROM events WHERE type = 'ParticipantRegistered' AND stream_id IN (?, ?) ORDER BY stream_id = ? DESC")) {
            query.setObject(1, oldId);
            query.setObject(2, newId);
            query.setObject(3, oldId);
            var result = query.executeQuery();
            List<Integer> versions = new java.util.ArrayList<>();
            while (result.next()) {
                versions.add(result.getInt(1));
            }
            return versions;
        }
    }
}
