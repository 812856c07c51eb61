package nl.werkdesk.reporting.rest;

import static nl.werkdesk.reporting.Api.METRICS;
import static nl.werkdesk.reporting.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import nl.werkdesk.eventsourcing.http.Roles;
import org.junit.jupiter.api.Test;

/** Filters that cannot be used are a 400 naming the parameter, never a 500; formats other than JSON and CSV a 406. */
@QuarkusTest
class MetricsRequestTest {

    @Test
    void refusesFiltersThatCannotBeUsedNamingTheParameter() {
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(1).toString();
        invalid("summary", Map.of("phase", "9"), "phase");
        invalid("summary", Map.of("phase", "two"), "phase");
        invalid("summary", Map.of("asOf", tomorrow), "asOf");
        invalid("summary", Map.of("asOf", "16-10-2025"), "asOf");
        invalid("summary", Map.of("from", "2025-09-01", "to", "2025-08-01"), "to");
        invalid("summary", Map.of("location", "x".repeat(101)), "location");
    }

    @Test
    void answersAProblemInJsonEvenWhenCsvWasAskedFor() {
        as(Roles.ANALYST).accept("text/csv").queryParam("phase", "9").get(METRICS + "/summary").then().statusCode(400)
                .contentType("application/problem+json").body("invalidParams[0].name", equalTo("phase"));
    }

    @Test
    void answersAnUnsupportedFormatWith406() {
        as(Roles.ANALYST).accept("application/xml").get(METRICS + "/summary").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void answersJsonByDefault() {
        as(Roles.ANALYST).accept("*/*").get(METRICS + "/summary").then().statusCode(200).contentType("application/json")
                .body("scope.suppressed", equalTo(true));
    }

    @Test
    void refusesASeriesLongerThanTheLimit() {
        invalid("monthly", Map.of("from", "2010-01-01", "asOf", "2025-10-31"), "from");
    }

    /** Bad input names the parameter, with the kernel's problem type for it (the reason is a sentence for people). */
    private static void invalid(String metric, Map<String, String> query, String parameter) {
        as(Roles.ANALYST).queryParams(query).get(METRICS + "/" + metric)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:nld:werkdesk:problem:invalid-input"))
                .body("invalidParams[0].name", equalTo(parameter));
    }
}
