package nl.werkdesk.permit.rest;

import static nl.werkdesk.permit.Api.PERMITS;
import static nl.werkdesk.permit.Api.asOfficer;
import static nl.werkdesk.permit.Api.get;
import static nl.werkdesk.permit.Api.post;
import static nl.werkdesk.permit.Api.requestBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.permit.Api;
import nl.werkdesk.permit.Api.Parties;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Each command through REST: its response and ETag, its event on Kafka as a valid CloudEvent, and the queries. */
@QuarkusTest
class PermitLifecycleTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @Test
    void requestsCompletesAndGrantsATwvAndPublishesEachStepAsAValidCloudEvent() {
        Parties parties = Api.knownParties();
        Response requested = asOfficer().body(requestBody(parties, "2026-02-01", "2026-01-05")).post(PERMITS).then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("API-Version", "1.0.0")
                .body("status", equalTo("requested"))
                .body("pendingInformation", empty())
                .body("participantId", equalTo(parties.participantId().toString()))
                .body("employerId", equalTo(parties.employerId().toString()))
                .body("hourlyWageCents", equalTo(1450))
                .body("startDate", equalTo("2026-02-01"))
                .body("version", equalTo(1))
                .extract().response();
        UUID id = UUID.fromString(requested.path("permitId"));
        assertEquals(PERMITS + "/" + id, URI.create(requested.header("Location")).getPath());

        post(id, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("application-complete"))
                .body("completedOn", equalTo("2026-01-12"))
                .body("decisionDueOn", equalTo("2026-02-16"))
                .body("overdue", equalTo(TODAY.isAfter(LocalDate.of(2026, 2, 16))));
        post(id, "decision", Map.of("outcome", "granted", "decidedOn", "2026-02-02", "validFrom", "2026-02-02")).then()
                .statusCode(200).header("ETag", "\"3\"")
                .body("status", equalTo("granted"))
                .body("decidedOn", equalTo("2026-02-02"))
                .body("validFrom", equalTo("2026-02-02"))
                .body("validUntil", equalTo(Api.W_DOCUMENT_ENDS.toString()))
                .body("leadTimeDays", equalTo(28))
                .body("decidedWithinTerm", equalTo(true))
                .body("overdue", equalTo(false));
        get(id).then().statusCode(200).header("ETag", "\"3\"").body("status", equalTo("granted"));

        List<ConsumerRecord<String, String>> records = Api.events(id, 3);
        assertEquals(List.of("twv-requested", "twv-application-completed", "twv-granted"), Api.types(id, 3));
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            assertEquals("1.0", KafkaTopicReader.header(record, "ce_specversion"));
            assertEquals("urn:nld:werkdesk:permit-service", KafkaTopicReader.header(record, "ce_source"));
            assertEquals(id.toString(), KafkaTopicReader.header(record, "ce_subject"));
            assertEquals(String.valueOf(i + 1), KafkaTopicReader.header(record, "ce_sequence"));
            assertEquals("application/json", KafkaTopicReader.header(record, "content-type"));
        }
        assertEquals("2026-01-12T00:00:00+01:00", KafkaTopicReader.header(records.get(1), "ce_time"), "business date, Amsterdam time");
    }

    @Test
    void recordsUwvsRefusalWithItsReasonAndLeadTime() {
        Parties parties = Api.knownParties();
        UUID id = Api.request(requestBody(parties, "2026-03-02", "2026-02-02"));
        post(id, "completion", Map.of("completedOn", "2026-02-09")).then().statusCode(200);
        post(id, "decision", Map.of("outcome", "refused", "decidedOn", "2026-03-23", "refusalReason", "wage-not-market-rate")).then()
                .statusCode(200)
                .body("status", equalTo("refused"))
                .body("refusalReason", equalTo("wage-not-market-rate"))
                .body("closedOn", equalTo("2026-03-23"))
                .body("leadTimeDays", equalTo(49))
                .body("decidedWithinTerm", equalTo(false))
                .body("validUntil", nullValue());
        Api.assertTypes(id, "twv-requested", "twv-application-completed", "twv-refused");
    }

    @Test
    void withdrawsARequestAndExpiresAGrantedTwvByHand() {
        Parties parties = Api.knownParties();
        UUID withdrawn = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        post(withdrawn, "withdrawal", Map.of("withdrawnOn", "2026-01-20")).then().statusCode(200)
                .body("status", equalTo("withdrawn")).body("closedOn", equalTo("2026-01-20"));
        Api.assertTypes(withdrawn, "twv-requested", "twv-withdrawn");

        UUID expired = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        post(expired, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(200);
        post(expired, "decision", Map.of("outcome", "granted", "decidedOn", "2026-02-02", "validFrom", "2026-02-02",
                "validUntil", "2026-06-30")).then().statusCode(200).body("validUntil", equalTo("2026-06-30"));
        post(expired, "expiry", Map.of("expiredOn", "2026-07-01")).then().statusCode(200)
                .body("status", equalTo("expired")).body("closedOn", equalTo("2026-07-01")).body("leadTimeDays", equalTo(28));
        Api.assertTypes(expired, "twv-requested", "twv-application-completed", "twv-granted", "twv-expired");
    }

    @Test
    void listsPermitsByParticipantEmployerStatusAndOverdueDecision() {
        Parties parties = Api.knownParties();
        UUID requested = Api.request(requestBody(parties, TODAY.plusDays(30).toString(), TODAY.minusDays(9).toString()));
        UUID overdue = Api.request(requestBody(parties, "2026-03-01", "2026-01-05"));
        post(overdue, "completion", Map.of("completedOn", "2026-01-05")).then().statusCode(200).body("decisionDueOn", equalTo("2026-02-09"));
        UUID onTime = Api.request(requestBody(parties, TODAY.plusDays(30).toString(), TODAY.toString()));
        post(onTime, "completion", Map.of("completedOn", TODAY.toString())).then().statusCode(200).body("overdue", equalTo(false));
        UUID granted = Api.granted(parties, "2026-01-05", "2026-01-06", "2026-01-20");
        String participant = parties.participantId().toString();

        asOfficer().queryParam("participantId", participant).get(PERMITS).then().statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items[0].permitId", equalTo(onTime.toString()))
                .body("items.permitId", containsInAnyOrder(requested.toString(), overdue.toString(), onTime.toString(), granted.toString()));
        asOfficer().queryParam("employerId", parties.employerId().toString()).queryParam("status", "granted").get(PERMITS).then()
                .statusCode(200).body("items.permitId", contains(granted.toString())).body("items[0].validUntil", equalTo(Api.W_DOCUMENT_ENDS.toString()));
        asOfficer().queryParam("participantId", participant).queryParam("status", "application-complete").get(PERMITS).then()
                .statusCode(200).body("items.permitId", containsInAnyOrder(overdue.toString(), onTime.toString()));
        asOfficer().queryParam("participantId", participant).queryParam("status", "requested").get(PERMITS).then()
                .statusCode(200).body("items.permitId", contains(requested.toString()));
        asOfficer().queryParam("participantId", participant).queryParam("status", "pending-information").get(PERMITS).then()
                .statusCode(200).body("items", empty());

        asOfficer().queryParam("participantId", participant).queryParam("overdue", "true").get(PERMITS).then().statusCode(200)
                .body("items.permitId", contains(overdue.toString()))
                .body("items[0].daysOverdue", equalTo((int) ChronoUnit.DAYS.between(LocalDate.of(2026, 2, 9), TODAY)));
        asOfficer().queryParam("participantId", participant).queryParam("overdue", "true").queryParam("on", "2026-02-09").get(PERMITS)
                .then().statusCode(200).body("items", empty());
        asOfficer().queryParam("participantId", participant).queryParam("overdue", "true").queryParam("on", "2026-02-10").get(PERMITS)
                .then().statusCode(200).body("items[0].daysOverdue", equalTo(1));
        asOfficer().queryParam("participantId", participant).queryParam("overdue", "false").get(PERMITS).then().statusCode(200)
                .body("totalItems", equalTo(3));
        get(overdue).then().statusCode(200).body("overdue", equalTo(true));
    }

    @Test
    void summarisesUwvsLeadTimesWithTheMedianAndTheShareWithinTheLegalTerm() {
        Parties parties = Api.knownParties();
        // Decisions in June and July 2025 belong to this test alone: the summary is over every permit of the period.
        UUID fast = decided(parties, "granted", "2025-06-22");
        UUID middle = decided(parties, "refused", "2025-07-02");
        UUID late = decided(parties, "granted", "2025-07-22");
        asOfficer().queryParam("decidedFrom", "2025-06-01").queryParam("decidedUntil", "2025-07-31").get(Api.LEAD_TIMES).then()
                .statusCode(200)
                .body("summary.count", equalTo(3))
                .body("summary.medianDays", equalTo(30.0f))
                .body("summary.withinTermShare", equalTo(0.667f))
                .body("items.permitId", contains(late.toString(), middle.toString(), fast.toString()))
                .body("items.leadTimeDays", contains(50, 30, 20))
                .body("items.withinTerm", contains(false, true, true))
                .body("items.outcome", contains("granted", "refused", "granted"))
                .body("items[0].decisionDueOn", equalTo("2025-07-07"));
        asOfficer().queryParam("decidedFrom", "2025-06-01").queryParam("decidedUntil", "2025-07-31").queryParam("pageSize", "2")
                .queryParam("page", "2").get(Api.LEAD_TIMES).then().statusCode(200)
                .body("items.permitId", contains(fast.toString())).body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        asOfficer().queryParam("decidedFrom", "2025-05-01").queryParam("decidedUntil", "2025-05-31").get(Api.LEAD_TIMES).then()
                .statusCode(200).body("summary.count", equalTo(0)).body("summary.medianDays", nullValue()).body("items", empty());
    }

    private static UUID decided(Parties parties, String outcome, String decidedOn) {
        UUID id = Api.request(requestBody(parties, "2025-06-02", "2025-06-02"));
        post(id, "completion", Map.of("completedOn", "2025-06-02")).then().statusCode(200);
        Map<String, Object> decision = outcome.equals("granted")
                ? Map.of("outcome", outcome, "decidedOn", decidedOn, "validFrom", decidedOn)
                : Map.of("outcome", outcome, "decidedOn", decidedOn, "refusalReason", "departure-imminent");
        post(id, "decision", decision).then().statusCode(200);
        return id;
    }

    @Test
    void replaysARepeatedRequestAndRefusesAStaleIfMatch() {
        Parties parties = Api.knownParties();
        Map<String, Object> body = requestBody(parties, "2026-02-01", "2026-01-05");
        String key = UUID.randomUUID().toString();
        String first = asOfficer().header("Idempotency-Key", key).body(body).post(PERMITS).then().statusCode(201)
                .extract().path("permitId");
        asOfficer().header("Idempotency-Key", key).body(body).post(PERMITS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("permitId", equalTo(first));
        UUID id = UUID.fromString(first);
        assertEquals(List.of("twv-requested"), Api.storedTypes(id));

        asOfficer().header("If-Match", "\"5\"").body(Map.of("completedOn", "2026-01-12")).post(PERMITS + "/" + id + "/completion")
                .then().statusCode(412).contentType("application/problem+json");
        asOfficer().header("If-Match", "\"1\"").body(Map.of("completedOn", "2026-01-12")).post(PERMITS + "/" + id + "/completion")
                .then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void servesItsOpenApiDocumentAndHealthWithoutAToken() {
        RestAssured.given().get("/openapi.json").then().statusCode(200).body("openapi", notNullValue())
                .body("paths", notNullValue());
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().get("/q/metrics").then().statusCode(200);
    }
}
