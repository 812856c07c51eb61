package nl.werkdesk.placement.rest;

import static nl.werkdesk.placement.rest.Api.PLACEMENTS;
import static nl.werkdesk.placement.rest.Api.asCaseworker;
import static nl.werkdesk.placement.rest.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.placement.PlacementEvent;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Start, change and end through REST, decided on events consumed from the broker, each published as a valid CloudEvent. */
@QuarkusTest
class PlacementLifecycleTest {

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void startsAPlacementOnATwvForThisJobAtTheVacancysLocationWithItsETagAndWhereItLives() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amstelveen");
        Response response = Api.startWhenKnown(Api.startBody(job, Pilot.START));
        response.then().statusCode(201)
                .header("ETag", "\"1\"")
                .header("API-Version", "1.0.0")
                .body("status", equalTo("active"))
                .body("participantId", equalTo(job.participantId().toString()))
                .body("permitId", equalTo(job.permitId().toString()))
                .body("location", equalTo("Amstelveen"))
                .body("sector", equalTo("horeca"))
                .body("contractType", equalTo("temporary-via-agency"))
                .body("startedOn", equalTo(Pilot.START))
                .body("atRisk", equalTo(false))
                .body("version", equalTo(1));
        String id = response.path("placementId");
        assertEquals(PLACEMENTS + "/" + id, java.net.URI.create(response.header("Location")).getPath());
        asCaseworker().get(PLACEMENTS + "/" + id).then().statusCode(200).header("ETag", "\"1\"").body("hoursPerWeek", equalTo(32));
    }

    @Test
    void recordsChangesAndTheEndAndPublishesEachAsAValidCloudEvent() {
        Pilot.Job job = Pilot.jobOnTwv("Kabelweg", "Amsterdam");
        UUID id = Api.start(Api.startBody(job, Pilot.START));
        post(id, "changes", Map.of("changedOn", "2025-06-01", "hoursPerWeek", 38, "hourlyWageCents", 1510)).then().statusCode(200)
                .header("ETag", "\"2\"").body("hoursPerWeek", equalTo(38)).body("hourlyWageCents", equalTo(1510));
        post(id, "end", Map.of("endedOn", "2025-08-31", "reason", "contract-ended")).then().statusCode(200)
                .header("ETag", "\"3\"").body("status", equalTo("ended")).body("endReason", equalTo("contract-ended"))
                .body("endedOn", equalTo("2025-08-31"));

        List<ConsumerRecord<String, String>> records = topic.await(Topics.PLACEMENTS, r -> r.key().equals(id.toString()), 3, Api.PROPAGATED);
        assertEquals(List.of("placement-started", "placement-changed", "placement-ended"),
                records.stream().map(r -> KafkaTopicReader.header(r, "ce_type").substring("nl.werkdesk.placement.".length())).toList());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            assertEquals("1.0", KafkaTopicReader.header(record, "ce_specversion"));
            assertEquals("urn:nld:werkdesk:placement-service", KafkaTopicReader.header(record, "ce_source"));
            assertEquals(id.toString(), KafkaTopicReader.header(record, "ce_subject"));
            assertEquals(String.valueOf(i + 1), KafkaTopicReader.header(record, "ce_sequence"));
            ContractSchemas.assertValid(PlacementEvent.CATALOG, record);
        }
        assertEquals("2025-04-07T00:00:00+02:00", KafkaTopicReader.header(records.get(0), "ce_time"), "business date, Amsterdam time");
    }

    @Test
    void startsAStatusHoldersPlacementWithoutATwv() {
        UUID participantId = Pilot.participant("Provincialeweg", Pilot.MAY_WORK_FROM, Pilot.W_DOCUMENT_UNTIL);
        Pilot.intake(participantId, Pilot.INTAKE);
        Pilot.participantEvent(new ParticipantEvent.ResidencePermitGranted(participantId, java.time.LocalDate.of(2025, 3, 3)));
        UUID employerId = UUID.randomUUID();
        UUID vacancyId = Pilot.vacancy(employerId, "Diemen", Pilot.VACANCY_OPENED);
        Api.startWhenKnown(Api.startBody(participantId, employerId, vacancyId, "2025-03-10")).then()
                .body("permitId", nullValue()).body("location", equalTo("Diemen"));
    }

    @Test
    void listsPlacementsByParticipantEmployerAndStatus() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Schiphol");
        UUID first = Api.start(Api.startBody(job, Pilot.START));
        post(first, "end", Map.of("endedOn", "2025-05-01", "reason", "quit")).then().statusCode(200);
        UUID secondVacancy = Pilot.vacancy(job.employerId(), "Schiphol", Pilot.VACANCY_OPENED);
        Pilot.twv(job.participantId(), job.employerId(), secondVacancy, Pilot.TWV_FROM, Pilot.W_DOCUMENT_UNTIL);
        UUID second = Api.start(Api.startBody(job.participantId(), job.employerId(), secondVacancy, "2025-05-12"));

        asCaseworker().queryParam("participantId", job.participantId().toString()).get(PLACEMENTS).then().statusCode(200)
                .body("items", hasSize(2)).body("totalItems", equalTo(2))
                .body("items[0].placementId", equalTo(second.toString()))
                .body("items[1].placementId", equalTo(first.toString()))
                .body("items[1].status", equalTo("ended"));
        asCaseworker().queryParam("employerId", job.employerId().toString()).queryParam("status", "active").get(PLACEMENTS).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].placementId", equalTo(second.toString()))
                .body("items[0].atRisk", equalTo(false));
        asCaseworker().queryParam("employerId", job.employerId().toString()).queryParam("status", "ended").get(PLACEMENTS).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].endReason", equalTo("quit"));
        asCaseworker().queryParam("status", "active").queryParam("pageSize", 1).get(PLACEMENTS).then().statusCode(200)
                .body("items", hasSize(1)).body("pageSize", equalTo(1)).body("totalPages", notNullValue());
    }

    @Test
    void replaysARepeatedIdempotencyKeyAndRefusesAStaleIfMatch() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        Map<String, Object> body = Api.startBody(job, Pilot.START);
        UUID id = Api.start(body);
        String key = UUID.randomUUID().toString();
        Map<String, Object> change = Map.of("changedOn", "2025-06-01", "hoursPerWeek", 24, "hourlyWageCents", 1425);
        asCaseworker().header("Idempotency-Key", key).body(change).post(PLACEMENTS + "/" + id + "/changes").then().statusCode(200)
                .header("ETag", "\"2\"");
        asCaseworker().header("Idempotency-Key", key).body(change).post(PLACEMENTS + "/" + id + "/changes").then().statusCode(200)
                .header("ETag", "\"2\"").header("Idempotent-Replayed", "true");
        asCaseworker().header("If-Match", "\"1\"").body(Map.of("endedOn", "2025-07-01", "reason", "quit"))
                .post(PLACEMENTS + "/" + id + "/end").then().statusCode(412).contentType("application/problem+json");
        Api.get(id).then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("active"));
    }

    @Test
    void servesItsOpenApiDocumentAndHealthWithoutAToken() {
        io.restassured.RestAssured.given().get("/openapi.json").then().statusCode(200).body("openapi", notNullValue());
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
