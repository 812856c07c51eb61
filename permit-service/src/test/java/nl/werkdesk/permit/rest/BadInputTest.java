package nl.werkdesk.permit.rest;

import static nl.werkdesk.permit.Api.LEAD_TIMES;
import static nl.werkdesk.permit.Api.PERMITS;
import static nl.werkdesk.permit.Api.asOfficer;
import static nl.werkdesk.permit.Api.post;
import static nl.werkdesk.permit.Api.requestBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.permit.Api;
import nl.werkdesk.permit.Api.Parties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem+json that names the field, never a 500 and never a stack trace. */
@QuarkusTest
class BadInputTest {

    static final String PROBLEM = "urn:nld:werkdesk:problem:";
    static final String TOMORROW = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(1).toString();

    static Parties parties;

    @BeforeEach
    void knownParties() {
        if (parties == null) {
            parties = Api.knownParties();
        }
    }

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

    /** Bad input, found before the permit's rules decide: the kernel's invalid-input, naming the field. */
    static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return problem(response, 400).body("type", equalTo(PROBLEM + "invalid-input")).body("invalidParams.name", hasItem(field));
    }

    /** A refusal by the permit's rules: its code is the problem type. */
    static ValidatableResponse refused(ValidatableResponse response, int status, String code) {
        return problem(response, status).body("type", equalTo(PROBLEM + code));
    }

    static ValidatableResponse refusedOn(ValidatableResponse response, String field, String code) {
        return refused(response, 400, code).body("invalidParams[0].name", equalTo(field));
    }

    Map<String, Object> requestWith(String field, Object value) {
        Map<String, Object> body = new HashMap<>(requestBody(parties, "2026-02-01", "2026-01-05"));
        body.put(field, value);
        return body;
    }

    UUID complete() {
        UUID id = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        post(id, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(200);
        return id;
    }

    @Test
    void refusesMalformedJson() {
        problem(asOfficer().body("{\"participantId\": ").post(PERMITS).then(), 400).body("invalidParams[0].name", equalTo("body"));
    }

    @Test
    void refusesAnUnknownFieldByName() {
        invalid(asOfficer().body(requestWith("employeeName", "Amal")).post(PERMITS).then(), "employeeName");
    }

    @Test
    void refusesWrongTypesByName() {
        invalid(asOfficer().body(requestWith("participantId", "participant-7")).post(PERMITS).then(), "participantId");
        invalid(asOfficer().body(requestWith("startDate", "next monday")).post(PERMITS).then(), "startDate");
        invalid(asOfficer().body(requestWith("hoursPerWeek", "many")).post(PERMITS).then(), "hoursPerWeek");
        invalid(asOfficer().body(requestWith("viaIntermediary", "perhaps")).post(PERMITS).then(), "viaIntermediary");
        UUID id = complete();
        // An unknown value of an enumeration is answered with the values it may take.
        invalid(post(id, "decision", Map.of("outcome", "approved", "decidedOn", "2026-02-02")).then(), "outcome")
                .body("invalidParams[0].reason", containsString("granted"));
        invalid(post(id, "decision", Map.of("outcome", "refused", "decidedOn", "2026-02-02", "refusalReason", "too-expensive")).then(),
                "refusalReason").body("invalidParams[0].reason", containsString("wage-not-market-rate"));
    }

    @Test
    void refusesMissingFieldsByName() {
        Map<String, Object> body = new HashMap<>(requestBody(parties, "2026-02-01", "2026-01-05"));
        body.remove("participantId");
        body.remove("startDate");
        invalid(asOfficer().body(body).post(PERMITS).then(), "participantId").body("invalidParams.name", hasItem("startDate"));
        problem(asOfficer().post(PERMITS).then(), 400);
        invalid(asOfficer().body(requestWith("viaIntermediary", null)).post(PERMITS).then(), "viaIntermediary");
    }

    @Test
    void refusesValuesOutOfRangeAndDatesInTheFuture() {
        invalid(asOfficer().body(requestWith("hoursPerWeek", 61)).post(PERMITS).then(), "hoursPerWeek");
        invalid(asOfficer().body(requestWith("hourlyWageCents", 0)).post(PERMITS).then(), "hourlyWageCents");
        invalid(asOfficer().body(requestWith("requestedOn", TOMORROW)).post(PERMITS).then(), "requestedOn");
        UUID id = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        invalid(post(id, "completion", Map.of("completedOn", TOMORROW)).then(), "completedOn");
        invalid(post(id, "withdrawal", Map.of("withdrawnOn", TOMORROW)).then(), "withdrawnOn");
    }

    @Test
    void refusesADecisionWhoseFieldsDoNotFitItsOutcome() {
        UUID id = complete();
        invalid(post(id, "decision", Map.of("outcome", "granted", "decidedOn", "2026-02-02")).then(), "validFrom");
        invalid(post(id, "decision", Map.of("outcome", "granted", "decidedOn", "2026-02-02", "validFrom", "2026-02-02",
                "refusalReason", "other")).then(), "refusalReason");
        invalid(post(id, "decision", Map.of("outcome", "refused", "decidedOn", "2026-02-02")).then(), "refusalReason");
        invalid(post(id, "decision", Map.of("outcome", "refused", "decidedOn", "2026-02-02", "refusalReason", "other",
                "validUntil", "2026-12-31")).then(), "validUntil");
        Api.assertTypes(id, "twv-requested", "twv-application-completed");
    }

    @Test
    void refusesValuesTheRulesDoNotAllowByName() {
        refusedOn(asOfficer().body(requestBody(parties, "2026-01-04", "2026-01-05")).post(PERMITS).then(), "startDate",
                "start-before-request");
        UUID id = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        refusedOn(post(id, "completion", Map.of("completedOn", "2026-01-04")).then(), "completedOn", "date-before-latest-step");
        post(id, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(200);
        refusedOn(post(id, "decision", Map.of("outcome", "granted", "decidedOn", "2026-02-02", "validFrom", "2026-02-02",
                "validUntil", Api.W_DOCUMENT_ENDS.plusDays(1).toString())).then(), "validUntil", "valid-until-after-w-document");
        refusedOn(post(id, "decision", Map.of("outcome", "granted", "decidedOn", "2026-02-02", "validFrom", "2026-03-02",
                "validUntil", "2026-03-01")).then(), "validFrom", "valid-from-after-valid-until");
        refusedOn(post(id, "decision", Map.of("outcome", "refused", "decidedOn", "2026-01-11", "refusalReason", "other")).then(), "decidedOn",
                "date-before-latest-step");
        Api.assertTypes(id, "twv-requested", "twv-application-completed");
    }

    @Test
    void refusesAStepTheStateOfThePermitDoesNotAllowWith409() {
        UUID requested = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        refused(post(requested, "decision", Map.of("outcome", "refused", "decidedOn", "2026-02-02", "refusalReason", "other")).then(), 409,
                "application-not-complete").header("Retry-After", nullValue());
        refused(post(requested, "expiry", Map.of("expiredOn", "2026-02-02")).then(), 409, "not-granted");
        UUID granted = Api.granted(parties, "2026-01-05", "2026-01-06", "2026-01-20");
        refused(post(granted, "withdrawal", Map.of("withdrawnOn", "2026-02-02")).then(), 409, "already-granted");
        refused(post(granted, "completion", Map.of("completedOn", "2026-02-02")).then(), 409, "already-granted");
        refusedOn(post(granted, "expiry", Map.of("expiredOn", "2026-02-02")).then(), "expiredOn", "expiry-within-validity");
        UUID withdrawn = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        post(withdrawn, "withdrawal", Map.of("withdrawnOn", "2026-01-06")).then().statusCode(200);
        refused(post(withdrawn, "withdrawal", Map.of("withdrawnOn", "2026-01-07")).then(), 409, "permit-closed");
        refused(post(withdrawn, "completion", Map.of("completedOn", "2026-01-07")).then(), 409, "permit-closed");
        UUID completed = complete();
        refused(post(completed, "completion", Map.of("completedOn", "2026-01-13")).then(), 409, "application-already-completed");
    }

    @Test
    void answersAnUnknownPermitWith404() {
        UUID unknown = UUID.randomUUID();
        problem(asOfficer().get(PERMITS + "/" + unknown).then(), 404).body("detail", containsString(unknown.toString()));
        problem(post(unknown, "completion", Map.of("completedOn", "2026-01-12")).then(), 404);
        problem(post(unknown, "decision", Map.of("outcome", "refused", "decidedOn", "2026-02-02", "refusalReason", "other")).then(), 404);
        problem(post(unknown, "withdrawal", Map.of("withdrawnOn", "2026-01-12")).then(), 404);
        problem(post(unknown, "expiry", Map.of("expiredOn", "2026-01-12")).then(), 404);
        problem(asOfficer().get(PERMITS + "/not-a-uuid").then(), 404);
    }

    @Test
    void refusesAnOversizedBody() {
        problem(asOfficer().body(requestWith("vacancyId", "x".repeat(300 * 1024))).post(PERMITS).then(), 413);
    }

    @Test
    void refusesBadQueryParametersAndHeadersByName() {
        invalid(asOfficer().queryParam("participantId", "p-1").get(PERMITS).then(), "participantId");
        invalid(asOfficer().queryParam("employerId", "e-1").get(PERMITS).then(), "employerId");
        invalid(asOfficer().queryParam("status", "approved").get(PERMITS).then(), "status")
                .body("invalidParams[0].reason", containsString("pending-information"));
        invalid(asOfficer().queryParam("overdue", "yes").get(PERMITS).then(), "overdue");
        invalid(asOfficer().queryParam("on", "01-02-2026").get(PERMITS).then(), "on");
        invalid(asOfficer().queryParam("page", "first").get(PERMITS).then(), "page");
        invalid(asOfficer().queryParam("pageSize", "1000").get(PERMITS).then(), "pageSize");
        invalid(asOfficer().queryParam("decidedFrom", "last year").get(LEAD_TIMES).then(), "decidedFrom");
        invalid(asOfficer().queryParam("decidedFrom", "2026-02-01").queryParam("decidedUntil", "2026-01-01").get(LEAD_TIMES).then(),
                "decidedUntil");
        UUID id = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        invalid(asOfficer().header("If-Match", "version one").body(Map.of("completedOn", "2026-01-12"))
                .post(PERMITS + "/" + id + "/completion").then(), "If-Match");
        invalid(asOfficer().header("Idempotency-Key", "k".repeat(201)).body(requestBody(parties, "2026-02-01", "2026-01-05"))
                .post(PERMITS).then(), "Idempotency-Key");
    }

    @Test
    void refusesOtherMediaTypesAndMethods() {
        problem(asOfficer().contentType("text/plain").body("hello").post(PERMITS).then(), 415);
        problem(asOfficer().delete(PERMITS).then(), 405);
        problem(asOfficer().get("/api/v1/nothing-here").then(), 404);
    }
}
