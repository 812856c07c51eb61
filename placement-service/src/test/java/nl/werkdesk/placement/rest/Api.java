package nl.werkdesk.placement.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.testing.TestTokens;
import org.awaitility.core.ConditionTimeoutException;

/** Talks to placement-service as a caseworker's front-end would, in the tests. */
final class Api {

    static final String PLACEMENTS = "/api/v1/placements";
    /** How long the consumers and the relay may take: a consumer group's first join dominates. */
    static final Duration PROPAGATED = Duration.ofSeconds(30);

    private Api() {
    }

    static RequestSpecification asCaseworker() {
        return as(Roles.CASEWORKER);
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    static Map<String, Object> startBody(Pilot.Job job, String startedOn) {
        return startBody(job.participantId(), job.employerId(), job.vacancyId(), startedOn);
    }

    static Map<String, Object> startBody(UUID participantId, UUID employerId, UUID vacancyId, String startedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("participantId", participantId.toString());
        body.put("employerId", employerId.toString());
        body.put("vacancyId", vacancyId.toString());
        body.put("sector", "horeca");
        body.put("startedOn", startedOn);
        body.put("hoursPerWeek", 32);
        body.put("hourlyWageCents", 1425);
        body.put("contractType", "temporary-via-agency");
        return body;
    }

    /**
     * Starts the placement once the consumers have caught up with what the test published: until then the
     * start is refused (which changes nothing), so it is simply tried again.
     */
    static Response startWhenKnown(Map<String, Object> body) {
        return awaitResponse(body, response -> response.statusCode() == 201);
    }

    static UUID start(Map<String, Object> body) {
        return UUID.fromString(startWhenKnown(body).path("placementId"));
    }

    /** The refusal a start meets once the consumers have caught up: awaited until its detail says {@code reason}. */
    static Response refusedStart(Map<String, Object> body, int status, String reason) {
        return awaitResponse(body, response -> response.statusCode() == status && response.asString().contains(reason));
    }

    private static Response awaitResponse(Map<String, Object> body, Predicate<Response> expected) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            await().atMost(PROPAGATED).pollInterval(Duration.ofMillis(200)).until(() -> {
                last.set(asCaseworker().body(body).post(PLACEMENTS));
                return expected.test(last.get());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the start never got the expected answer; the last was " + last.get().statusCode() + " "
                    + last.get().asString(), e);
        }
        return last.get();
    }

    static Response get(UUID placementId) {
        return asCaseworker().get(PLACEMENTS + "/" + placementId);
    }

    static Response post(UUID placementId, String command, Object body) {
        return asCaseworker().body(body).post(PLACEMENTS + "/" + placementId + "/" + command);
    }
}
