package nl.werkdesk.placement.rest;

import static nl.werkdesk.placement.rest.Api.PLACEMENTS;
import static nl.werkdesk.placement.rest.Api.asCaseworker;
import static nl.werkdesk.placement.rest.Api.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.placement.domain.PlacementRejection;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem+json that names the field, never a 500 and never a stack trace. */
@QuarkusTest
class BadInputTest {

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("API-Version", "1.0.0")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("type", containsString("urn:nld:werkdesk:problem:"))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    /** Bad input, found before the placement's rules decide: the kernel's invalid-input, naming the field. */
    static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return problem(response, 400).body("type", equalTo("urn:nld:werkdesk:problem:invalid-input"))
                .body("invalidParams.name", hasItem(field));
    }

    static Map<String, Object> startWith(String field, Object value) {
        Map<String, Object> body = Api.startBody(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "2025-04-07");
        body.put(field, value);
        return body;
    }

    @Test
    void refusesMalformedJson() {
        problem(asCaseworker().body("{\"participantId\": ").post(PLACEMENTS).then(), 400).body("invalidParams[0].name", equalTo("body"));
    }

    @Test
    void refusesAnUnknownFieldByName() {
        invalid(asCaseworker().body(startWith("salary", 3000)).post(PLACEMENTS).then(), "salary");
    }

    @Test
    void refusesWrongTypesByName() {
        invalid(asCaseworker().body(startWith("startedOn", "next monday")).post(PLACEMENTS).then(), "startedOn");
        invalid(asCaseworker().body(startWith("participantId", "participant-7")).post(PLACEMENTS).then(), "participantId");
        invalid(asCaseworker().body(startWith("hoursPerWeek", "many")).post(PLACEMENTS).then(), "hoursPerWeek");
        // An unknown value of an enumeration is answered with the values it may take.
        invalid(asCaseworker().body(startWith("sector", "mining")).post(PLACEMENTS).then(), "sector")
                .body("invalidParams[0].reason", containsString("horeca"));
        invalid(asCaseworker().body(startWith("contractType", "zero-hours")).post(PLACEMENTS).then(), "contractType")
                .body("invalidParams[0].reason", containsString("temporary-via-agency"));
    }

    @Test
    void refusesMissingFieldsAndAnEmptyBodyByName() {
        Map<String, Object> body = new HashMap<>(startWith("sector", "horeca"));
        body.remove("vacancyId");
        body.remove("hourlyWageCents");
        invalid(asCaseworker().body(body).post(PLACEMENTS).then(), "vacancyId").body("invalidParams.name", hasItem("hourlyWageCents"));
        problem(asCaseworker().post(PLACEMENTS).then(), 400);
    }

    @Test
    void refusesHoursAndWagesOutOfRange() {
        invalid(asCaseworker().body(startWith("hoursPerWeek", 0)).post(PLACEMENTS).then(), "hoursPerWeek");
        invalid(asCaseworker().body(startWith("hoursPerWeek", 61)).post(PLACEMENTS).then(), "hoursPerWeek");
        invalid(asCaseworker().body(startWith("hourlyWageCents", 0)).post(PLACEMENTS).then(), "hourlyWageCents");
        invalid(post(UUID.randomUUID(), "changes", Map.of("changedOn", "2025-06-01", "hoursPerWeek", -4, "hourlyWageCents", 1500)).then(),
                "hoursPerWeek");
    }

    @Test
    void refusesDatesInTheFuture() {
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(1).toString();
        invalid(asCaseworker().body(startWith("startedOn", tomorrow)).post(PLACEMENTS).then(), "startedOn");
        invalid(post(UUID.randomUUID(), "end", Map.of("endedOn", tomorrow, "reason", "quit")).then(), "endedOn");
        invalid(post(UUID.randomUUID(), "continuation", Map.of("confirmedOn", tomorrow)).then(), "confirmedOn");
    }

    @Test
    void refusesAnUnknownEndReason() {
        // Answered with the end reasons the API allows.
        invalid(post(UUID.randomUUID(), "end", Map.of("endedOn", "2025-06-01", "reason", "bored")).then(), "reason")
                .body("invalidParams[0].reason", containsString("relocated-by-coa"));
    }

    @Test
    void refusesStepsThatDoNotFitThePlacement() {
        UUID id = Api.start(Api.startBody(Pilot.jobOnTwv("Willinklaan", "Amsterdam"), Pilot.START));
        Api.refusal(post(id, "end", Map.of("endedOn", "2025-04-01", "reason", "quit")).then(), PlacementRejection.DATE_BEFORE_START)
                .body("invalidParams[0].name", equalTo("endedOn"));
        Api.refusal(post(id, "continuation", Map.of("confirmedOn", "2025-05-01")).then(), PlacementRejection.NOT_AT_RISK);
        Api.refusal(post(id, "changes", Map.of("changedOn", "2025-05-01", "hoursPerWeek", 32, "hourlyWageCents", 1425)).then(),
                PlacementRejection.NOTHING_CHANGES);
        post(id, "end", Map.of("endedOn", "2025-05-01", "reason", "quit")).then().statusCode(200);
        Api.refusal(post(id, "end", Map.of("endedOn", "2025-05-02", "reason", "other")).then(), PlacementRejection.PLACEMENT_ENDED);
    }

    @Test
    void answersAnUnknownPlacementWith404() {
        UUID unknown = UUID.randomUUID();
        problem(Api.get(unknown).then(), 404).body("detail", containsString(unknown.toString()));
        problem(post(unknown, "end", Map.of("endedOn", "2025-06-01", "reason", "quit")).then(), 404);
        problem(asCaseworker().get(PLACEMENTS + "/not-a-uuid").then(), 404);
    }

    @Test
    void refusesBadQueryParametersAndHeadersByName() {
        invalid(asCaseworker().queryParam("participantId", "someone").get(PLACEMENTS).then(), "participantId");
        invalid(asCaseworker().queryParam("employerId", "42").get(PLACEMENTS).then(), "employerId");
        invalid(asCaseworker().queryParam("status", "paused").get(PLACEMENTS).then(), "status");
        invalid(asCaseworker().queryParam("atRisk", "maybe").get(PLACEMENTS).then(), "atRisk");
        invalid(asCaseworker().queryParam("page", "0").get(PLACEMENTS).then(), "page");
        invalid(asCaseworker().queryParam("pageSize", "500").get(PLACEMENTS).then(), "pageSize");
        invalid(asCaseworker().header("If-Match", "yesterday").body(Map.of("endedOn", "2025-06-01", "reason", "quit"))
                .post(PLACEMENTS + "/" + UUID.randomUUID() + "/end").then(), "If-Match");
        invalid(asCaseworker().header("Idempotency-Key", "k".repeat(201)).body(startWith("sector", "horeca")).post(PLACEMENTS).then(),
                "Idempotency-Key");
    }

    @Test
    void refusesAnOversizedBodyOtherMediaTypesAndMethods() {
        problem(asCaseworker().body(startWith("sector", "x".repeat(300 * 1024))).post(PLACEMENTS).then(), 413);
        problem(asCaseworker().contentType("text/plain").body("hello").post(PLACEMENTS).then(), 415);
        problem(asCaseworker().delete(PLACEMENTS).then(), 405);
    }
}
