package nl.werkdesk.placement.rest;

import static io.restassured.RestAssured.given;
import static nl.werkdesk.placement.rest.Api.PLACEMENTS;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Every endpoint needs a valid token (401) of a caseworker (403 for every other role). */
@QuarkusTest
class SecurityTest {

    @Test
    void refusesARequestWithoutAValidTokenWith401() {
        UUID id = UUID.randomUUID();
        for (String authorization : new String[] {null, TestTokens.expired(Roles.CASEWORKER),
                TestTokens.signedByForeignKey(Roles.CASEWORKER), TestTokens.withIssuer("urn:somebody-else", Roles.CASEWORKER),
                "Bearer not-a-token"}) {
            var request = given().contentType(ContentType.JSON);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.get(PLACEMENTS).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
            request.get(PLACEMENTS + "/" + id).then().statusCode(401);
            request.body(Api.startBody(id, id, id, Pilot.START)).post(PLACEMENTS).then().statusCode(401);
            request.body(Map.of("endedOn", "2025-06-01", "reason", "quit")).post(PLACEMENTS + "/" + id + "/end").then().statusCode(401);
        }
    }

    @Test
    void refusesEveryOtherRoleWith403() {
        UUID id = Api.start(Api.startBody(Pilot.jobOnTwv("Willinklaan", "Amsterdam"), Pilot.START));
        for (String role : List.of(Roles.ANALYST, Roles.RESEARCHER, Roles.EMPLOYER_LIAISON, Roles.PERMIT_OFFICER, Roles.FINANCE,
                Roles.OPERATOR)) {
            Api.as(role).get(PLACEMENTS).then().statusCode(403).contentType("application/problem+json");
            Api.as(role).get(PLACEMENTS + "/" + id).then().statusCode(403);
            Api.as(role).body(Api.startBody(id, id, id, Pilot.START)).post(PLACEMENTS).then().statusCode(403);
            Api.as(role).body(Map.of("changedOn", "2025-06-01", "hoursPerWeek", 20, "hourlyWageCents", 1500))
                    .post(PLACEMENTS + "/" + id + "/changes").then().statusCode(403);
            Api.as(role).body(Map.of("confirmedOn", "2025-06-01")).post(PLACEMENTS + "/" + id + "/continuation").then().statusCode(403);
            Api.as(role).body(Map.of("endedOn", "2025-06-01", "reason", "quit")).post(PLACEMENTS + "/" + id + "/end").then().statusCode(403);
        }
        Api.get(id).then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("active"));
    }
}
