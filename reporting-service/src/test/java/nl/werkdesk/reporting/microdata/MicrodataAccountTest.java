package nl.werkdesk.reporting.microdata;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.programme.ProgrammeEvent;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.Api;
import nl.werkdesk.reporting.Events;
import nl.werkdesk.reporting.MicrodataCohort;
import nl.werkdesk.reporting.TestResources;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.PostgresServer;
import nl.werkdesk.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every export of the researcher's records is accounted for: a MicrodataExported event in reporting-service's store,
 * published on the programme topic, with who, when, the scope, the records, k and the SHA-256 of the very file sent; once per
 * export, also when a request is repeated with its Idempotency-Key; never for a request that was refused. The operator lists
 * them.
 */
@QuarkusTest
class MicrodataAccountTest {

    static final String EXPORTS = "/api/v1/microdata-exports";
    static final ObjectMapper JSON = new ObjectMapper();
    static MicrodataCohort cohort;

    @BeforeEach
    void publishTheCohortOnce() {
        synchronized (MicrodataAccountTest.class) {
            if (cohort == null) {
                cohort = new MicrodataCohort().publish();
            }
        }
    }

    private static Response export(String accept, String asOf, String key) {
        return export(cohort.location, accept, asOf, key);
    }

    private static Response export(String location, String accept, String asOf, String key) {
        var request = Api.as(Roles.RESEARCHER).accept(accept).queryParams(Map.of("location", location, "asOf", asOf));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.get(Api.MICRODATA).then().extract().response();
    }

    @Test
    void recordsEachExportAsAnEventOnTheProgrammeTopicWithTheFilesHash() throws Exception {
        long before = accounts();
        Response response = export("text/csv", "2025-10-31", null);
        assertEquals(200, response.statusCode(), response.asString());
        byte[] file = response.asByteArray();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(file)) + ":",
                response.header("Content-Digest"));
        UUID exportId = UUID.fromString(response.header("Export-Id"));
        assertEquals(before + 1, accounts(), "one export, one event");
        assertEquals(1, eventsOf(exportId));

        List<ConsumerRecord<String, String>> published = new KafkaTopicReader().await(Topics.PROGRAMME,
                record -> exportId.toString().equals(record.key()), 1, Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = published.get(0);
        assertEquals("nl.werkdesk.programme.microdata-exported", KafkaTopicReader.header(record, "ce_type"));
        ContractSchemas.assertValid(ProgrammeEvent.CATALOG, record);
        JsonNode event = JSON.readTree(record.value());
        assertEquals(sha256, event.get("sha256").asText(), "the hash of the very file sent");
        assertEquals("test-researcher", event.get("exportedBy").asText());
        assertEquals("2025-10-31", event.get("asOf").asText());
        assertEquals(cohort.location, event.get("location").asText());
        assertTrue(event.get("phase").isNull());
        assertEquals("csv", event.get("format").asText());
        assertEquals(7, event.get("rows").asInt());
        assertEquals(5, event.get("k").asInt());
        assertEquals(7, event.get("kReached").asInt());
        assertEquals(1, event.get("rowsSuppressed").asInt());
        assertEquals(4, event.get("generalisations").size());

        JsonPath account = Api.as(Roles.OPERATOR).get(EXPORTS + "/" + exportId).then().statusCode(200).extract().jsonPath();
        assertEquals(sha256, account.getString("sha256"));
        assertEquals("test-researcher", account.getString("exportedBy"));
        assertEquals(7, account.getInt("rows"));
        assertNull(account.get("phase"));
        assertEquals(exportId.toString(), Api.as(Roles.OPERATOR).get(EXPORTS).then().statusCode(200).extract().jsonPath()
                .getList("items.exportId").stream().filter(exportId.toString()::equals).findFirst().orElseThrow());
    }

    @Test
    void recordsARepeatedRequestOnceAndSendsTheSameFile() throws SQLException {
        String key = UUID.randomUUID().toString();
        long before = accounts();
        Response first = export("application/json", "2025-10-31", key);
        Response again = export("application/json", "2025-10-31", key);
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(first.header("Export-Id"), again.header("Export-Id"), "the same export");
        assertArrayEquals(first.asByteArray(), again.asByteArray(), "the same file");
        assertEquals(first.header("Content-Digest"), again.header("Content-Digest"));
        assertEquals(before + 1, accounts(), "recorded once");
        String exportId = first.header("Export-Id");
        KafkaTopicReader topic = new KafkaTopicReader();
        topic.await(Topics.PROGRAMME, record -> exportId.equals(record.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, topic.readAll(Topics.PROGRAMME).stream().filter(record -> exportId.equals(record.key())).count(),
                "published once");

        export("application/json", "2025-10-30", key).then().statusCode(422).contentType("application/problem+json");
        export("text/csv", "2025-10-31", key).then().statusCode(422);
        assertEquals(before + 1, accounts(), "nothing recorded for a key used for another export");

        Response without = export("application/json", "2025-10-31", null);
        assertNotEquals(first.header("Export-Id"), without.header("Export-Id"), "without a key, an export of its own");
        assertEquals(before + 2, accounts());
    }

    @Test
    void refusesToReplayAKeyWhenTheRecordsAsOfThatDateChangedSince() throws SQLException {
        MicrodataCohort changing = new MicrodataCohort().publish();
        String key = UUID.randomUUID().toString();
        Response first = export(changing.location, "text/csv", "2025-10-20", key);
        assertEquals(200, first.statusCode());
        long after = accounts();
        // A participant enrolled in March at the location, reported late: the records as of 10-20 are no longer those sent.
        MicrodataCohortLatecomer latecomer = new MicrodataCohortLatecomer(changing, UUID.randomUUID());
        Events.publishAndAwait(latecomer.registered(), latecomer.intake());
        export(changing.location, "text/csv", "2025-10-20", key).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:nld:werkdesk:problem:records-changed-since-export"));
        assertEquals(after, accounts(), "still recorded once");
    }

    @Test
    void recordsNothingForARefusedOrInvalidRequest() throws SQLException {
        long before = accounts();
        Api.as(Roles.ANALYST).get(Api.MICRODATA).then().statusCode(403);
        RestAssured.given().get(Api.MICRODATA).then().statusCode(401);
        RestAssured.given().header("Authorization", TestTokens.expired(Roles.RESEARCHER)).get(Api.MICRODATA).then().statusCode(401);
        Api.as(Roles.RESEARCHER).queryParam("asOf", "2999-01-01").get(Api.MICRODATA).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("asOf"));
        Api.as(Roles.RESEARCHER).queryParam("phase", "9").get(Api.MICRODATA).then().statusCode(400);
        Api.as(Roles.RESEARCHER).queryParam("location", "' OR '1'='1").get(Api.MICRODATA).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("location"));
        Api.as(Roles.RESEARCHER).header("Idempotency-Key", "k".repeat(201)).get(Api.MICRODATA).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("Idempotency-Key"));
        Api.as(Roles.RESEARCHER).get(Api.MICRODATA + "/codebook").then().statusCode(200);
        assertEquals(before, accounts(), "refusals, bad requests and the codebook record nothing");
    }

    @Test
    void letsOnlyTheOperatorListTheExportsAPageAtATime() {
        Api.as(Roles.OPERATOR).get(EXPORTS).then().statusCode(200);
        export("text/csv", "2025-10-31", null).then().statusCode(200);
        export("text/csv", "2025-10-30", null).then().statusCode(200);
        JsonPath first = Api.as(Roles.OPERATOR).queryParam("pageSize", "1").get(EXPORTS).then().statusCode(200).extract().jsonPath();
        JsonPath second = Api.as(Roles.OPERATOR).queryParams(Map.of("page", "2", "pageSize", "1")).get(EXPORTS).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, first.getList("items").size());
        assertTrue(first.getLong("totalItems") >= 2 && first.getInt("totalPages") == first.getLong("totalItems"));
        assertEquals("2025-10-30", first.getString("items[0].asOf"), "newest first");
        assertEquals("2025-10-31", second.getString("items[0].asOf"));
        Api.as(Roles.OPERATOR).queryParam("pageSize", "101").get(EXPORTS).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("pageSize"));
        for (String role : List.of(Roles.RESEARCHER, Roles.ANALYST, Roles.FINANCE, Roles.CASEWORKER)) {
            Api.as(role).get(EXPORTS).then().statusCode(403);
        }
        RestAssured.given().get(EXPORTS).then().statusCode(401);
        Api.as(Roles.OPERATOR).get(EXPORTS + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    /** A participant of the cohort's location enrolled in March, with an intake: one more record as of any later date. */
    record MicrodataCohortLatecomer(MicrodataCohort cohort, UUID participant) {
        nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted intake() {
            return new nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted(participant, java.time.LocalDate.of(2025, 3, 12),
                    java.util.Set.of(), nl.werkdesk.contracts.LanguageLevel.A1, nl.werkdesk.contracts.LanguageLevel.A1, List.of());
        }

        nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered registered() {
            java.time.LocalDate on = java.time.LocalDate.of(2025, 3, 9);
            return new nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered(participant, on, cohort.location,
                    on.minusMonths(7), nl.werkdesk.contracts.participant.AsylumTrack.REGULAR,
                    nl.werkdesk.contracts.participant.WDocumentType.W, on.plusMonths(6), List.of("ti"),
                    new nl.werkdesk.contracts.participant.WorkEligibility(on, on.plusMonths(6), "nl-2023-11-29", null));
        }
    }

    private static long accounts() throws SQLException {
        return count("SELECT count(*) FROM events WHERE stream_type = 'microdata-export'", null);
    }

    private static long eventsOf(UUID exportId) throws SQLException {
        return count("SELECT count(*) FROM events WHERE stream_id = ?", exportId);
    }

    private static long count(String sql, UUID parameter) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE);
             PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setObject(1, parameter);
            }
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        }
    }
}
