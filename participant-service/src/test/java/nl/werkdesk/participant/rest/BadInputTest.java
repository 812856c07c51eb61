package nl.werkdesk.participant.rest;

import static nl.werkdesk.participant.rest.Api.PARTICIPANTS;
import static nl.werkdesk.participant.rest.Api.asCaseworker;
import static nl.werkdesk.participant.rest.Api.post;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem+json that names the field, never a 500 and never a stack trace. */
@QuarkusTest
class BadInputTest {

    static final String PROBLEM = "urn:nld:werkdesk:problem:";

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

    /** Bad input, found before the participant's rules decide: the kernel's invalid-input, naming the field. */
    static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return naming(response, field).body("type", equalTo(PROBLEM + "invalid-input"));
    }

    /** A field refused by the participant's rules with this code: 400 naming the field. */
    static ValidatableResponse refusedOn(ValidatableResponse response, String field, String code) {
        return naming(response, field).body("type", equalTo(PROBLEM + code));
    }

    private static ValidatableResponse naming(ValidatableResponse response, String field) {
        return problem(response, 400).body("invalidParams.name", hasItem(field));
    }

    static Map<String, Object> registrationWith(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Api.registration("Willinklaan"));
        body.put(field, value);
        return body;
    }

    @Test
    void refusesMalformedJson() {
        problem(asCaseworker().body("{\"registeredOn\": \"2025-02-03\",").post(PARTICIPANTS).then(), 400)
                .body("invalidParams[0].name", equalTo("body"));
    }

    @Test
    void refusesAnUnknownFieldByName() {
        invalid(asCaseworker().body(registrationWith("nickname", "Amal")).post(PARTICIPANTS).then(), "nickname");
    }

    @Test
    void refusesWrongTypesByName() {
        invalid(asCaseworker().body(registrationWith("registeredOn", "last tuesday")).post(PARTICIPANTS).then(), "registeredOn");
        invalid(asCaseworker().body(registrationWith("registeredOn", 20250203)).post(PARTICIPANTS).then(), "registeredOn");
        invalid(asCaseworker().body(registrationWith("languages", "ar")).post(PARTICIPANTS).then(), "languages");
        invalid(asCaseworker().body(registrationWith("location", 12)).post(PARTICIPANTS).then(), "location");
        // An unknown value of an enumeration is answered with the values it may take.
        invalid(asCaseworker().body(registrationWith("wDocumentType", "W3")).post(PARTICIPANTS).then(), "wDocumentType")
                .body("invalidParams[0].reason", containsString("W2"));
    }

    @Test
    void refusesMissingFieldsByName() {
        Map<String, Object> body = new HashMap<>(Api.registration("Willinklaan"));
        body.remove("registeredOn");
        body.remove("wDocumentType");
        invalid(asCaseworker().body(body).post(PARTICIPANTS).then(), "registeredOn")
                .body("invalidParams.name", hasItem("wDocumentType"));
        problem(asCaseworker().post(PARTICIPANTS).then(), 400);
    }

    @Test
    void refusesInvalidNestedAndListValuesByTheirPath() {
        Map<String, Object> body = new HashMap<>(Api.registration("Willinklaan"));
        body.put("personalData", Map.of("fullName", "", "dateOfBirth", "1994-05-17", "nationality", "Syria", "vNumber", "12"));
        body.put("languages", List.of("ar", "Arabic"));
        invalid(asCaseworker().body(body).post(PARTICIPANTS).then(), "personalData.fullName")
                .body("invalidParams.name", hasItem("personalData.nationality"))
                .body("invalidParams.name", hasItem("personalData.vNumber"))
                .body("invalidParams.name", hasItem("languages[1]"));
    }

    @Test
    void refusesDatesInTheFuture() {
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(1).toString();
        invalid(asCaseworker().body(registrationWith("registeredOn", tomorrow)).post(PARTICIPANTS).then(), "registeredOn");
        UUID id = Api.register("Willinklaan");
        invalid(post(id, "intake", Api.intake(tomorrow)).then(), "completedOn");
    }

    @Test
    void refusesAStepOutOfOrderWithTheJourney() {
        UUID id = Api.register("Willinklaan");
        refusedOn(post(id, "intake", Api.intake("2025-01-01")).then(), "completedOn", "date-before-registration");
        problem(post(id, "activities", Map.of("activity", "cv-help", "completedOn", "2025-02-20")).then(), 409)
                .body("type", equalTo(PROBLEM + "intake-not-completed"));
        post(id, "exit", Map.of("reason", "other", "leftOn", "2025-03-01")).then().statusCode(200);
        problem(post(id, "intake", Api.intake("2025-03-02")).then(), 409).body("type", equalTo(PROBLEM + "participant-left"));
    }

    @Test
    void refusesALocationOutsideThePilot() {
        // The answer lists the pilot's locations, the values the field may take.
        invalid(asCaseworker().body(registrationWith("location", "Ter Apel")).post(PARTICIPANTS).then(), "location")
                .body("invalidParams[0].reason", containsString("Willinklaan"));
    }

    @Test
    void answersAnUnknownParticipantWith404() {
        UUID unknown = UUID.randomUUID();
        problem(asCaseworker().get(PARTICIPANTS + "/" + unknown).then(), 404).body("detail", containsString(unknown.toString()));
        problem(post(unknown, "intake", Api.intake("2025-02-10")).then(), 404);
        problem(asCaseworker().get(PARTICIPANTS + "/" + unknown + "/journey").then(), 404);
        problem(asCaseworker().get(PARTICIPANTS + "/not-a-uuid").then(), 404);
    }

    @Test
    void refusesAnOversizedBody() {
        Map<String, Object> body = registrationWith("location", "x".repeat(300 * 1024));
        problem(asCaseworker().body(body).post(PARTICIPANTS).then(), 413);
    }

    @Test
    void refusesBadQueryParametersByName() {
        invalid(asCaseworker().queryParam("page", "first").get(PARTICIPANTS).then(), "page");
        invalid(asCaseworker().queryParam("pageSize", "1000").get(PARTICIPANTS).then(), "pageSize");
        invalid(asCaseworker().queryParam("status", "gone").get(PARTICIPANTS).then(), "status");
        invalid(asCaseworker().queryParam("eligible", "yes").get(PARTICIPANTS).then(), "eligible");
        invalid(asCaseworker().queryParam("eligibleOn", "01-04-2025").get(PARTICIPANTS).then(), "eligibleOn");
        invalid(asCaseworker().header("If-Match", "version two").body(Api.intake("2025-02-10"))
                .post(PARTICIPANTS + "/" + UUID.randomUUID() + "/intake").then(), "If-Match");
        invalid(asCaseworker().header("Idempotency-Key", "k".repeat(201)).body(Api.registration("Willinklaan")).post(PARTICIPANTS).then(),
                "Idempotency-Key");
    }

    @Test
    void refusesOtherMediaTypesAndMethods() {
        problem(asCaseworker().contentType("text/plain").body("hello").post(PARTICIPANTS).then(), 415);
        problem(asCaseworker().delete(PARTICIPANTS).then(), 405);
        problem(asCaseworker().get("/api/v1/nothing-here").then(), 404);
    }
}
