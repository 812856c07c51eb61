package nl.werkdesk.reporting.rest;

import static io.restassured.RestAssured.given;
import static nl.werkdesk.reporting.Api.EVALUATION;
import static nl.werkdesk.reporting.Api.EVALUATION_FIGURES;
import static nl.werkdesk.reporting.Api.LEDGER;
import static nl.werkdesk.reporting.Api.METRICS;
import static nl.werkdesk.reporting.Api.MICRODATA;
import static nl.werkdesk.reporting.Api.REBUILDS;
import static nl.werkdesk.reporting.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: analysts read metrics only, finance keeps the ledger, operators rebuild, only researchers read the records
 * per participant; 401 without a valid token.
 */
@QuarkusTest
class SecurityTest {

    static final Map<String, Object> ALLOCATION = Map.of("phase", 1, "amountCents", 1, "allocatedOn", "2025-01-02");
    static final List<String> MICRODATA_PATHS = List.of(MICRODATA, MICRODATA + "/codebook");
    static final List<String> METRICS_PATHS = List.of("summary", "funnel", "placements-by-sector", "placements-by-location", "monthly",
            "filters");

    @Test
    void refusesEveryEndpointWithoutAValidTokenWith401() {
        for (String authorization : new String[] {null, TestTokens.expired(Roles.ANALYST), TestTokens.signedByForeignKey(Roles.ANALYST),
                TestTokens.withIssuer("urn:somebody-else", Roles.ANALYST), "Bearer not-a-token"}) {
            var request = given().contentType(ContentType.JSON);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.get(METRICS + "/summary").then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
            request.get(EVALUATION + "/earnings").then().statusCode(401);
            MICRODATA_PATHS.forEach(path -> request.get(path).then().statusCode(401).contentType("application/problem+json"));
            request.get(LEDGER).then().statusCode(401);
            request.body(ALLOCATION).post(LEDGER + "/budget-allocations").then().statusCode(401);
            request.post(REBUILDS).then().statusCode(401);
        }
    }

    @Test
    void letsAnalystsReadMetricsButNeverTheLedgerOrRebuilds() {
        METRICS_PATHS.forEach(path -> as(Roles.ANALYST).get(METRICS + "/" + path).then().statusCode(200));
        EVALUATION_FIGURES.forEach(figure -> as(Roles.ANALYST).get(EVALUATION + "/" + figure).then().statusCode(200));
        as(Roles.ANALYST).get(LEDGER).then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        as(Roles.ANALYST).body(ALLOCATION).post(LEDGER + "/budget-allocations").then().statusCode(403);
        as(Roles.ANALYST).body(Map.of("category", "other", "amountCents", 1, "bookedOn", "2025-01-02")).post(LEDGER + "/expenditures")
                .then().statusCode(403);
        as(Roles.ANALYST).get(REBUILDS).then().statusCode(403);
        as(Roles.ANALYST).post(REBUILDS).then().statusCode(403);
    }

    @Test
    void letsFinanceKeepTheLedgerAndReadMetricsButNotRebuild() {
        as(Roles.FINANCE).get(LEDGER).then().statusCode(200);
        as(Roles.FINANCE).get(METRICS + "/summary").then().statusCode(200);
        as(Roles.FINANCE).post(REBUILDS).then().statusCode(403);
    }

    @Test
    void letsOperatorsFollowRebuildsButNotReadMetricsOrMoney() {
        as(Roles.OPERATOR).get(REBUILDS).then().statusCode(200).body("liveGeneration", org.hamcrest.Matchers.greaterThan(0));
        as(Roles.OPERATOR).get(METRICS + "/summary").then().statusCode(403);
        EVALUATION_FIGURES.forEach(figure -> as(Roles.OPERATOR).get(EVALUATION + "/" + figure).then().statusCode(403));
        as(Roles.OPERATOR).get(LEDGER).then().statusCode(403);
    }

    @Test
    void refusesEveryOtherRoleWith403() {
        for (String role : List.of(Roles.CASEWORKER, Roles.EMPLOYER_LIAISON, Roles.PERMIT_OFFICER)) {
            METRICS_PATHS.forEach(path -> as(role).get(METRICS + "/" + path).then().statusCode(403));
            EVALUATION_FIGURES.forEach(figure -> as(role).get(EVALUATION + "/" + figure).then().statusCode(403));
            as(role).get(LEDGER).then().statusCode(403);
            as(role).body(ALLOCATION).post(LEDGER + "/budget-allocations").then().statusCode(403);
            as(role).get(REBUILDS).then().statusCode(403);
        }
    }

    @Test
    void letsOnlyTheResearcherReadTheRecordsAndTheCodebook() {
        MICRODATA_PATHS.forEach(path -> as(Roles.RESEARCHER).get(path).then().statusCode(200));
        for (String role : List.of(Roles.ANALYST, Roles.FINANCE, Roles.OPERATOR, Roles.CASEWORKER, Roles.EMPLOYER_LIAISON,
                Roles.PERMIT_OFFICER)) {
            MICRODATA_PATHS.forEach(path -> as(role).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403)));
        }
        var analystAndResearcher = given().header("Authorization", "Bearer " + TestTokens.token("both", Roles.ANALYST, Roles.FINANCE));
        MICRODATA_PATHS.forEach(path -> analystAndResearcher.get(path).then().statusCode(403));
    }

    @Test
    void letsTheResearcherReadNothingButTheRecords() {
        METRICS_PATHS.forEach(path -> as(Roles.RESEARCHER).get(METRICS + "/" + path).then().statusCode(403));
        EVALUATION_FIGURES.forEach(figure -> as(Roles.RESEARCHER).get(EVALUATION + "/" + figure).then().statusCode(403));
        as(Roles.RESEARCHER).get(LEDGER).then().statusCode(403);
        as(Roles.RESEARCHER).body(ALLOCATION).post(LEDGER + "/budget-allocations").then().statusCode(403);
        as(Roles.RESEARCHER).get(REBUILDS).then().statusCode(403);
    }

    @Test
    void servesTheDashboardWithoutDataOrATokenButNothingElse() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("analyst token")).body(not(containsString("Bearer ey")));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/openapi.json").then().statusCode(200);
    }
}
