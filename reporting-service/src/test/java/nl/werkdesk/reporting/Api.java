package nl.werkdesk.reporting;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import nl.werkdesk.testing.TestTokens;

/** Talks to reporting-service as the dashboard, a finance controller or an operator would, in the tests. */
public final class Api {

    public static final String METRICS = "/api/v1/metrics";
    public static final String EVALUATION = "/api/v1/evaluation";
    public static final String MICRODATA = "/api/v1/evaluation/microdata";
    public static final java.util.List<String> EVALUATION_FIGURES = java.util.List.of("time-to-first-placement", "placement-retention",
            "activities", "twv-burden", "earnings", "spend");
    public static final String LEDGER = "/api/v1/programme-ledger";
    public static final String REBUILDS = "/api/v1/projection-rebuilds";

    private Api() {
    }

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** An evaluation figure as JSON, for the role, with the given query parameters; fails unless it answers 200. */
    public static JsonPath evaluation(String role, String figure, Map<String, ?> parameters) {
        return as(role).accept(ContentType.JSON).queryParams(parameters).get(EVALUATION + "/" + figure)
                .then().statusCode(200).extract().jsonPath();
    }

    /** A metric as JSON, for the role, with the given query parameters; fails unless it answers 200. */
    public static JsonPath metric(String role, String metric, Map<String, ?> parameters) {
        return as(role).accept(ContentType.JSON).queryParams(parameters).get(METRICS + "/" + metric)
                .then().statusCode(200).extract().jsonPath();
    }
}
