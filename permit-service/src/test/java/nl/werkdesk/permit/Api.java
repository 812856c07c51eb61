package nl.werkdesk.permit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.PostgresServer;
import nl.werkdesk.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Talks to permit-service as a permit officer's front-end would, and looks at what it published and stored. */
public final class Api {

    public static final String PERMITS = "/api/v1/permits";
    public static final String LEAD_TIMES = "/api/v1/permit-lead-times";
    /** Publishing, consuming and the consumer-group join on a busy machine. */
    public static final Duration PUBLISHED = Duration.ofSeconds(45);

    /** The participant of most tests: registered 2025-02-03, may work from 2025-03-15 until the W-document ends. */
    public static final LocalDate REGISTERED_ON = LocalDate.of(2025, 2, 3);
    public static final LocalDate ELIGIBLE_FROM = LocalDate.of(2025, 3, 15);
    public static final LocalDate W_DOCUMENT_ENDS = LocalDate.of(2028, 6, 30);

    private static final KafkaTopicReader TOPIC = new KafkaTopicReader();

    private Api() {
    }

    public static RequestSpecification asOfficer() {
        return as(Roles.PERMIT_OFFICER);
    }

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** A participant and an employer of their own, registered on the other services' topics and known to the service. */
    public record Parties(UUID participantId, UUID employerId) {
    }

    public static Parties knownParties() {
        Parties parties = new Parties(UUID.randomUUID(), UUID.randomUUID());
        OtherServices.participant(OtherServices.registered(parties.participantId(), REGISTERED_ON, ELIGIBLE_FROM, W_DOCUMENT_ENDS), 1);
        OtherServices.employerRegistered(parties.employerId(), REGISTERED_ON);
        awaitRow("SELECT 1 FROM known_participants WHERE participant_id = ?", parties.participantId());
        awaitRow("SELECT 1 FROM known_employers WHERE employer_id = ?", parties.employerId());
        return parties;
    }

    public static Map<String, Object> requestBody(Parties parties, String startDate, String requestedOn) {
        return requestBody(parties.participantId(), parties.employerId(), startDate, requestedOn);
    }

    public static Map<String, Object> requestBody(UUID participantId, UUID employerId, String startDate, String requestedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("participantId", participantId.toString());
        body.put("employerId", employerId.toString());
        body.put("vacancyId", UUID.randomUUID().toString());
        body.put("hourlyWageCents", 1450);
        body.put("hoursPerWeek", 32);
        body.put("startDate", startDate);
        body.put("requestedOn", requestedOn);
        body.put("viaIntermediary", false);
        return body;
    }

    public static UUID request(Map<String, Object> body) {
        return UUID.fromString(asOfficer().body(body).post(PERMITS).then().statusCode(201).extract().path("permitId"));
    }

    public static Response post(UUID permitId, String command, Object body) {
        return asOfficer().body(body).post(PERMITS + "/" + permitId + "/" + command);
    }

    public static Response get(UUID permitId) {
        return asOfficer().get(PERMITS + "/" + permitId);
    }

    /** A permit taken to a complete application and UWV's grant, valid until the W-document ends. */
    public static UUID granted(Parties parties, String requestedOn, String completedOn, String grantedOn) {
        UUID permitId = request(requestBody(parties, grantedOn, requestedOn));
        post(permitId, "completion", Map.of("completedOn", completedOn)).then().statusCode(200);
        post(permitId, "decision", Map.of("outcome", "granted", "decidedOn", grantedOn, "validFrom", grantedOn)).then().statusCode(200);
        return permitId;
    }

    public static void awaitStatus(UUID permitId, String status) {
        await().atMost(PUBLISHED).until(() -> status.equals(get(permitId).then().statusCode(200).extract().path("status")));
    }

    /** The permit's first {@code count} events on werkdesk.permits.v1, each checked against its contract. */
    public static List<ConsumerRecord<String, String>> events(UUID permitId, int count) {
        List<ConsumerRecord<String, String>> records = TOPIC.await(Topics.PERMITS, r -> permitId.toString().equals(r.key()), count, PUBLISHED);
        records.forEach(record -> ContractSchemas.assertValid(PermitEvent.CATALOG, record));
        return records;
    }

    /** The permit's events as their CloudEvents types without the prefix, after waiting for {@code count}. */
    public static List<String> types(UUID permitId, int count) {
        return events(permitId, count).stream()
                .map(record -> KafkaTopicReader.header(record, "ce_type").substring("nl.werkdesk.permit.".length()))
                .toList();
    }

    /** The permit's own events that are published as nothing: the screening's wait for the other services' news. */
    public static final List<String> UNPUBLISHED = List.of("screening-deferred", "information-received");

    /** Everything published of the permit's stream must have come out as expected, and the store holds no other step. */
    public static void assertTypes(UUID permitId, String... expected) {
        assertEquals(List.of(expected), types(permitId, expected.length));
        assertEquals(List.of(expected), storedTypes(permitId).stream().filter(type -> !UNPUBLISHED.contains(type)).toList(),
                "the event store holds the same steps, and no more");
    }

    /** The slugs of the stream's events in the service's own event store, in version order. */
    public static List<String> storedTypes(UUID permitId) {
        return query("SELECT type FROM events WHERE stream_id = ? ORDER BY version", permitId).stream()
                .map(type -> type.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** One column of every row the query finds in the service's database. */
    public static List<String> query(String sql, Object... parameters) {
        try (Connection connection = PostgresServer.shared().connect("permit");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Changes the service's database behind its back: only to recreate what a race would leave behind. */
    public static void execute(String sql, Object... parameters) {
        try (Connection connection = PostgresServer.shared().connect("permit");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    public static void awaitRow(String sql, Object... parameters) {
        await().atMost(PUBLISHED).until(() -> !query(sql, parameters).isEmpty());
    }
}
