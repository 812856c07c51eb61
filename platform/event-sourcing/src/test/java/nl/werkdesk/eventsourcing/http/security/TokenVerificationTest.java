package nl.werkdesk.eventsourcing.http.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Quarkus's bearer-token validator goes through the kernel's cache. */
@QuarkusTest
class TokenVerificationTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void verifiesARequestsTokenOnceAndItsNextRequestsFromTheCache() {
        String token = TestTokens.token("test-" + UUID.randomUUID(), "caseworker");
        double verified = count("verifier");
        double cached = count("cache");
        for (int i = 0; i < 3; i++) {
            increment(token).statusCode(404);
        }
        assertEquals(verified + 1, count("verifier"));
        assertEquals(cached + 2, count("cache"));
    }

    @Test
    void stillRefusesAnExpiredToken() {
        String expired = TestTokens.expired("caseworker");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", expired).contentType("application/json").body(Map.of("by", 1))
                    .post("/api/v1/counters/" + UUID.randomUUID() + "/increments").then().statusCode(401);
        }
    }

    /** An increment of a counter that does not exist: past authentication, then not found. */
    private static ValidatableResponse increment(String token) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("by", 1))
                .post("/api/v1/counters/" + UUID.randomUUID() + "/increments").then();
    }

    private double count(String from) {
        return metrics.counter(CachingJwtParser.TOKENS_METRIC, "from", from).count();
    }
}
