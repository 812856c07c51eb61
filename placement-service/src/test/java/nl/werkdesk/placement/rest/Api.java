package nl.werkdesk.placement.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import nl.werkdesk.eventsourcing.core.RejectionCode;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.placement.domain.PlacementRejection;
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

    /**
     * The refusal a start meets once the consumers have caught up with what the test published: awaited until it is
     * {@code code}, then checked as that code's problem (status, type, title, Retry-After for a not-yet-known one).
     */
    static Response refusedStart(Map<String, Object> body, PlacementRejection code) {
        Response refused = awaitResponse(body, response -> response.statusCode() != 201 && type(code).equals(response.path("type")));
        refusal(refused.then(), code);
        return refused;
    }

    /** The problem type of a refusal code. */
    static String type(RejectionCode code) {
        return "urn:nld:werkdesk:problem:" + code.code();
    }

    /**
     * A refusal with {@code code}: 400 naming its field, 409, or 409 with Retry-After when the fact has not arrived yet
     * (and never Retry-After on a real refusal).
     */
    static ValidatableResponse refusal(ValidatableResponse response, PlacementRejection code) {
        ValidatableResponse problem = BadInputTest.problem(response, code.kind() == RejectionCode.Kind.FIELD ? 400 : 409)
                .body("type", equalTo(type(code)))
                .body("title", equalTo(code.title()));
        if (code.kind() == RejectionCode.Kind.FIELD) {
            return problem.body("invalidParams.name", not(empty()));
        }
        return code.kind() == RejectionCode.Kind.NOT_YET_KNOWN ? problem.header("Retry-After", equalTo("2"))
                : problem.header("Retry-After", nullValue());
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
