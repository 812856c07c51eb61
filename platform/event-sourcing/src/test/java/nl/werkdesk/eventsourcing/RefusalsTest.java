package nl.werkdesk.eventsourcing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.sample.Counter;
import nl.werkdesk.eventsourcing.sample.CounterEvent;
import nl.werkdesk.eventsourcing.sample.CounterRejection;
import nl.werkdesk.eventsourcing.sample.CounterResource;
import nl.werkdesk.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every refusal code is its own problem type with its title; a field refusal is a 400 naming the field; a fact not
 * arrived yet is a 409 with Retry-After, never a real refusal's code; and the operation's OpenAPI document lists them.
 */
@QuarkusTest
class RefusalsTest {

    static final String PROBLEM = "urn:nld:werkdesk:problem:";

    @Inject
    CommandHandler handler;
    @Inject
    Aggregate<Counter.Command, Counter.State, CounterEvent> aggregate;

    @Test
    void answersAFactNotArrivedYetWithItsOwnCodeAndRetryAfterAndAcceptsTheSameCommandOnceItArrived() {
        UUID id = new Counters(handler, aggregate).open();
        increment(id, 1).statusCode(409).header("Retry-After", "2")
                .body("type", equalTo(PROBLEM + "limit-not-known-yet"))
                .body("title", equalTo(CounterRejection.LIMIT_NOT_KNOWN_YET.title()))
                .body("status", equalTo(409));
        CounterResource.LIMITS.put(id, 3);
        increment(id, 1).statusCode(200).body("total", equalTo(1));
    }

    @Test
    void answersARealRefusalWithItsCodeAndNoRetryAfter() {
        UUID id = new Counters(handler, aggregate).open();
        CounterResource.LIMITS.put(id, 3);
        increment(id, 4).statusCode(409).header("Retry-After", nullValue())
                .body("type", equalTo(PROBLEM + "over-limit"))
                .body("title", equalTo(CounterRejection.OVER_LIMIT.title()));
        new Counters(handler, aggregate).close(id);
        increment(id, 1).statusCode(409).body("type", equalTo(PROBLEM + "not-open"));
    }

    @Test
    void answersAFieldRefusalWithA400ThatNamesTheField() {
        UUID id = new Counters(handler, aggregate).open();
        CounterResource.LIMITS.put(id, 3);
        increment(id, 0).statusCode(400)
                .body("type", equalTo(PROBLEM + "not-positive"))
                .body("title", equalTo(CounterRejection.NOT_POSITIVE.title()))
                .body("invalidParams.name", hasItems("by"));
    }

    @Test
    void documentsTheCodesOfEachOperationAsProblemTypesOfItsResponses() {
        String operation = "paths.'/counters/{counterId}/increments'.post.responses.";
        given().get("/openapi.json").then().statusCode(200)
                .body(operation + "'409'.content.'application/problem+json'.schema.allOf[1].properties.type.enum",
                        hasItems(PROBLEM + "not-open", PROBLEM + "over-limit", PROBLEM + "limit-not-known-yet", PROBLEM + "concurrent-change"))
                .body(operation + "'409'.headers.'Retry-After'.schema.type", equalTo("integer"))
                .body(operation + "'400'.content.'application/problem+json'.schema.allOf[1].properties.type.enum",
                        hasItems(PROBLEM + "not-positive", PROBLEM + "invalid-input"))
                .body(operation + "'400'.content.'application/problem+json'.schema.allOf[0].'$ref'", equalTo("#/components/schemas/Problem"));
    }

    private static ValidatableResponse increment(UUID id, int by) {
        return given().header("Authorization", TestTokens.bearer("caseworker")).contentType("application/json")
                .body(Map.of("by", by)).post("/api/v1/counters/" + id + "/increments").then();
    }
}
