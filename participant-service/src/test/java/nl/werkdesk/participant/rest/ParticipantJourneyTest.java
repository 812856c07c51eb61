package nl.werkdesk.participant.rest;

import static nl.werkdesk.participant.rest.Api.PARTICIPANTS;
import static nl.werkdesk.participant.rest.Api.asCaseworker;
import static nl.werkdesk.participant.rest.Api.post;
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
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Each command through REST: its response, its event on Kafka with CloudEvents headers, and the journey. */
@QuarkusTest
class ParticipantJourneyTest {

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void registersAParticipantWithTheStateTheETagAndWhereItLives() {
        Map<String, Object> body = Api.registration("Willinklaan");
        Response response = asCaseworker().body(body).post(PARTICIPANTS).then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("API-Version", "1.0.0")
                .body("status", equalTo("active"))
                .body("location", equalTo("Willinklaan"))
                .body("residenceStatus", equalTo("asylum-seeker"))
                .body("workEligibility.from", equalTo("2025-03-15"))
                .body("workEligibility.until", equalTo("2026-03-01"))
                .body("workEligibility.policy", equalTo("nl-2023-11-29"))
                .body("personalData.fullName", equalTo("Amal Haddad"))
                .body("version", equalTo(1))
                .extract().response();
        String id = response.path("participantId");
        assertEquals(PARTICIPANTS + "/" + id, java.net.URI.create(response.header("Location")).getPath());
        asCaseworker().get(PARTICIPANTS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("personalData.vNumber", equalTo(((Map<?, ?>) body.get("personalData")).get("vNumber")));
    }

    @Test
    void recordsEveryStepOfTheJourneyAndPublishesEachAsAValidCloudEvent() {
        UUID id = Api.register("Willinklaan");
        post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200).header("ETag", "\"2\"")
                .body("intake.completedOn", equalTo("2025-02-10")).body("intake.dutchLevel", equalTo("A1"));
        post(id, "activities", Map.of("activity", "cv-help", "completedOn", "2025-02-20")).then().statusCode(200)
                .body("activities", hasSize(1)).body("activities[0].activity", equalTo("cv-help"));
        post(id, "relocations", Map.of("fromLocation", "Willinklaan", "toLocation", "Kabelweg", "relocatedOn", "2025-03-01"))
                .then().statusCode(200).body("location", equalTo("Kabelweg"));
        post(id, "asylum-rejection", Map.of("rejectedOn", "2025-04-01")).then().statusCode(200)
                .body("residenceStatus", equalTo("rejected")).body("receptionEndsOn", equalTo("2025-04-29"));
        post(id, "residence-permit", Map.of("grantedOn", "2025-05-01")).then().statusCode(200)
                .body("residenceStatus", equalTo("status-holder"));
        post(id, "exit", Map.of("reason", "found-work-elsewhere", "leftOn", "2025-06-01")).then().statusCode(200)
                .body("status", equalTo("left")).body("leaveReason", equalTo("found-work-elsewhere"));
        post(id, "personal-data-erasure", Map.of("erasedOn", "2025-06-02")).then().statusCode(200)
                .header("ETag", "\"8\"").body("personalData", nullValue()).body("personalDataErasedOn", equalTo("2025-06-02"));

        List<ConsumerRecord<String, String>> records = topic.await(Topics.PARTICIPANTS, r -> r.key().equals(id.toString()), 8, Api.PUBLISHED);
        assertEquals(List.of("participant-registered", "intake-completed", "activity-completed", "relocated-by-coa",
                        "asylum-application-rejected", "residence-permit-granted", "participant-left-pilot", "participant-personal-data-erased"),
                records.stream().map(r -> KafkaTopicReader.header(r, "ce_type").substring("nl.werkdesk.participant.".length())).toList());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            assertEquals("1.0", KafkaTopicReader.header(record, "ce_specversion"));
            assertEquals("urn:nld:werkdesk:participant-service", KafkaTopicReader.header(record, "ce_source"));
            assertEquals(id.toString(), KafkaTopicReader.header(record, "ce_subject"));
            assertEquals(String.valueOf(i + 1), KafkaTopicReader.header(record, "ce_sequence"));
            assertEquals("application/json", KafkaTopicReader.header(record, "content-type"));
            ContractSchemas.assertValid(ParticipantEvent.CATALOG, record);
        }
        assertEquals("2025-02-10T00:00:00+01:00", KafkaTopicReader.header(records.get(1), "ce_time"), "business date, Amsterdam time");
    }

    @Test
    void showsTheJourneyAsATimelineWithWhoRecordedEachStep() {
        UUID id = Api.register("Willinklaan");
        post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200);
        asCaseworker().get(PARTICIPANTS + "/" + id + "/journey").then().statusCode(200)
                .body("participantId", equalTo(id.toString()))
                .body("steps", hasSize(2))
                .body("steps[0].type", equalTo("ParticipantRegistered"))
                .body("steps[0].occurredOn", equalTo("2025-02-03"))
                .body("steps[1].type", equalTo("IntakeCompleted"))
                .body("steps[1].version", equalTo(2))
                .body("steps[1].actor", equalTo("test-caseworker"))
                .body("steps[1].recordedAt", notNullValue())
                .body("steps[1].data.sectorPreferences", hasSize(2));
    }

    @Test
    void erasureRemovesPersonalDataButKeepsThePseudonymousJourney() {
        UUID id = Api.register("Kabelweg");
        post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200);
        post(id, "personal-data-erasure", Map.of("erasedOn", "2025-03-01")).then().statusCode(200);
        asCaseworker().get(PARTICIPANTS + "/" + id).then().statusCode(200)
                .body("personalData", nullValue())
                .body("intake.completedOn", equalTo("2025-02-10"))
                .body("location", equalTo("Kabelweg"));
        asCaseworker().get(PARTICIPANTS + "/" + id + "/journey").then().statusCode(200).body("steps", hasSize(3));
        asCaseworker().queryParam("location", "Kabelweg").queryParam("pageSize", 100).get(PARTICIPANTS).then().statusCode(200)
                .body("items.find { it.participantId == '" + id + "' }.fullName", nullValue());
    }

    @Test
    void answersWhetherAParticipantMayWorkOnADateAndWhy() {
        UUID id = Api.register("Willinklaan");
        asCaseworker().queryParam("on", "2025-03-01").get(PARTICIPANTS + "/" + id + "/work-eligibility").then().statusCode(200)
                .body("eligible", equalTo(false))
                .body("eligibleFrom", equalTo("2025-03-15"))
                .body("policyInForce", equalTo("nl-2023-11-29"))
                .body("reasons", hasSize(1));
        asCaseworker().queryParam("on", "2025-04-01").get(PARTICIPANTS + "/" + id + "/work-eligibility").then().statusCode(200)
                .body("eligible", equalTo(true)).body("policyInForce", equalTo("nl-2023-11-29"));
    }

    @Test
    void listsThePoliciesInForceSoHistoryIsJudgedByTheRuleOfItsTime() {
        Api.as("analyst").queryParam("on", "2023-06-01").get("/api/v1/work-eligibility-policies").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo("nl-24-weeks-rule"))
                .body("[0].maxWorkWeeksPer52Weeks", equalTo(24))
                .body("[0].validUntil", equalTo("2023-11-28"));
        Api.as("analyst").get("/api/v1/work-eligibility-policies").then().statusCode(200).body("", hasSize(2))
                .body("[1].waitingPeriods.regular", equalTo("P6M"));
    }

    @Test
    void servesItsOpenApiDocumentAndHealthWithoutAToken() {
        io.restassured.RestAssured.given().get("/openapi.json").then().statusCode(200).body("openapi", notNullValue());
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
