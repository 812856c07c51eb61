package nl.werkdesk.employer.rest;

import static nl.werkdesk.employer.rest.Api.VACANCIES;
import static nl.werkdesk.employer.rest.Api.asLiaison;
import static nl.werkdesk.employer.rest.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A vacancy stored before the aggregates had vocabularies of their own (when every stream stored the published
 * records of werkdesk.employers.v1) reads as a vacancy under the same stored type name and schema version, takes further
 * commands, and is published as it was then: same ce_id, ce_type and data.
 */
@QuarkusTest
class StoredEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** VacancyOpened as employer-service stored it before, field for field. */
    static final String STORED_BEFORE = """
            {"vacancyId": "%s", "employerId": "%s", "openedOn": "2025-03-03", "title": "Productiemedewerker", "sector": "production",
             "hoursPerWeek": 32, "hourlyWageCents": 1500, "requiredDutchLevel": "A2", "location": "Amsterdam"}""";

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void readsPublishesAndContinuesAVacancyStoredBeforeTheVocabulariesSplit() throws Exception {
        UUID employer = Api.registerEmployer("production");
        UUID vacancy = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String stored = STORED_BEFORE.formatted(vacancy, employer);
        storeAsBefore(vacancy, employer, eventId, stored);

        asLiaison().get(VACANCIES + "/" + vacancy).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("open")).body("employerId", equalTo(employer.toString())).body("hourlyWageCents", equalTo(1500));
        post(VACANCIES + "/" + vacancy + "/filling", Map.of("filledOn", "2025-04-01")).then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("filled"));

        List<ConsumerRecord<String, String>> published = topic.await(Topics.EMPLOYERS, r -> r.key().equals(vacancy.toString()), 2, Api.PUBLISHED);
        PublishedEvents.assertCloudEvent(published.get(0), vacancy.toString(), "vacancy-opened", 1, "2025-03-03T00:00:00+01:00");
        assertEquals(eventId.toString(), KafkaTopicReader.header(published.get(0), "ce_id"), "the stored event's id");
        assertEquals(JSON.readTree(stored), JSON.readTree(published.get(0).value()), "published as it was stored");
        PublishedEvents.assertCloudEvent(published.get(1), vacancy.toString(), "vacancy-filled", 2, "2025-04-01T00:00:00+02:00");
    }

    /** The rows an opening left before: its event and its line in the vacancy list. */
    private static void storeAsBefore(UUID vacancy, UUID employer, UUID eventId, String data) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect("employer")) {
            connection.setAutoCommit(false);
            try (PreparedStatement event = connection.prepareStatement("""
                    INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, occurred_at)
                    VALUES (?, 'vacancy', 1, ?, 'VacancyOpened', 1, ?::jsonb, '{"actor":"test-employer-liaison"}'::jsonb,
                            '2025-03-03T00:00:00+01:00')""");
                 PreparedStatement view = connection.prepareStatement("""
                    INSERT INTO vacancies (vacancy_id, employer_id, opened_on, title, sector, hours_per_week, hourly_wage_cents,
                                           required_dutch_level, location, status, version)
                    VALUES (?, ?, '2025-03-03', 'Productiemedewerker', 'PRODUCTION', 32, 1500, 'A2', 'Amsterdam', 'OPEN', 1)""")) {
                event.setObject(1, vacancy);
                event.setObject(2, eventId);
                event.setString(3, data);
                event.executeUpdate();
                view.setObject(1, vacancy);
                view.setObject(2, employer);
                view.executeUpdate();
            }
            connection.commit();
        }
    }
}
