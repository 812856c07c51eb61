package nl.werkdesk.permit.rest;

import static io.restassured.RestAssured.given;
import static nl.werkdesk.permit.Api.LEAD_TIMES;
import static nl.werkdesk.permit.Api.PERMITS;
import static nl.werkdesk.permit.Api.requestBody;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.permit.Api;
import nl.werkdesk.permit.Api.Parties;
import nl.werkdesk.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Every endpoint needs a valid token with the permit-officer role; the acting officer is on each event. */
@QuarkusTest
class SecurityTest {

    static final List<String> OTHER_ROLES = List.of(Roles.CASEWORKER, Roles.ANALYST, Roles.RESEARCHER, Roles.EMPLOYER_LIAISON, Roles.FINANCE,
            Roles.OPERATOR);

    @Test
    void refusesARequestWithoutAValidTokenWith401() {
        Map<String, Object> body = requestBody(UUID.randomUUID(), UUID.randomUUID(), "2026-02-01", "2026-01-05");
        for (String authorization : new String[] {null, TestTokens.expired(Roles.PERMIT_OFFICER),
                TestTokens.signedByForeignKey(Roles.PERMIT_OFFICER), TestTokens.withIssuer("urn:somebody-else", Roles.PERMIT_OFFICER),
                "Bearer not-a-token"}) {
            var request = given().contentType(ContentType.JSON);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.get(PERMITS).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
            request.get(LEAD_TIMES).then().statusCode(401);
            request.body(body).post(PERMITS).then().statusCode(401);
        }
    }

    @Test
    void refusesEveryOtherRoleWith403() {
        Parties parties = Api.knownParties();
        UUID id = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        for (String role : OTHER_ROLES) {
            Api.as(role).get(PERMITS).then().statusCode(403).contentType("application/problem+json");
            Api.as(role).get(PERMITS + "/" + id).then().statusCode(403);
            Api.as(role).get(LEAD_TIMES).then().statusCode(403);
            Api.as(role).body(requestBody(parties, "2026-02-01", "2026-01-05")).post(PERMITS).then().statusCode(403);
            Api.as(role).body(Map.of("completedOn", "2026-01-12")).post(PERMITS + "/" + id + "/completion").then().statusCode(403);
            Api.as(role).body(Map.of("outcome", "refused", "decidedOn", "2026-02-02", "refusalReason", "other"))
                    .post(PERMITS + "/" + id + "/decision").then().statusCode(403);
            Api.as(role).body(Map.of("withdrawnOn", "2026-01-12")).post(PERMITS + "/" + id + "/withdrawal").then().statusCode(403);
            Api.as(role).body(Map.of("expiredOn", "2026-01-12")).post(PERMITS + "/" + id + "/expiry").then().statusCode(403);
        }
        Api.assertTypes(id, "twv-requested");
    }

    @Test
    void recordsTheActingOfficerWithEachEvent() {
        Parties parties = Api.knownParties();
        UUID id = UUID.fromString(given().auth().oauth2(TestTokens.token("officer-janssen", Roles.PERMIT_OFFICER)).contentType(ContentType.JSON)
                .body(requestBody(parties, "2026-02-01", "2026-01-05")).post(PERMITS).then().statusCode(201).extract().path("permitId"));
        assertEquals(List.of("officer-janssen"), Api.query("SELECT metadata->>'actor' FROM events WHERE stream_id = ?", id));
    }
}
