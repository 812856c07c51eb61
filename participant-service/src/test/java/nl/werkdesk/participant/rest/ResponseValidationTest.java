package nl.werkdesk.participant.rest;

import static nl.werkdesk.participant.rest.Api.PARTICIPANTS;
import static nl.werkdesk.participant.rest.Api.asCaseworker;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.Filter;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.UnaryOperator;
import nl.werkdesk.testing.OpenApiValidationFilter;
import org.junit.jupiter.api.Test;

/**
 * The check every test gets without asking (platform/testing's OpenApiValidation): a response the OpenAPI document does
 * not describe fails the test that received it. Each case here alters a real answer on its way to the check.
 */
@QuarkusTest
class ResponseValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTestHoldsItsResponsesAgainstTheDocument() {
        assertTrue(RestAssured.filters().stream().anyMatch(OpenApiValidationFilter.class::isInstance), RestAssured.filters().toString());
    }

    @Test
    void failsOnANullTheDocumentDoesNotAllow() {
        UUID id = Api.register("Willinklaan");

        AssertionError failure = assertThrows(AssertionError.class, () -> asCaseworker()
                .filter(altered(response -> body(response, json -> json.putNull("registeredOn")))).get(PARTICIPANTS + "/" + id));

        assertTrue(failure.getMessage().contains("GET /participants/{participantId} (getParticipant): response body at /registeredOn"),
                failure.getMessage());
    }

    @Test
    void failsOnAFieldLeftOutThatTheDocumentRequires() {
        UUID id = Api.register("Willinklaan");

        AssertionError failure = assertThrows(AssertionError.class, () -> asCaseworker()
                .filter(altered(response -> body(response, json -> json.remove("leftOn")))).get(PARTICIPANTS + "/" + id));

        assertTrue(failure.getMessage().contains("leftOn"), failure.getMessage());
        assertTrue(failure.getMessage().contains("/required"), failure.getMessage());
    }

    @Test
    void failsOnAMissingHeaderTheDocumentRequires() {
        UUID id = Api.register("Willinklaan");

        AssertionError failure = assertThrows(AssertionError.class, () -> asCaseworker()
                .filter(altered(response -> new ResponseBuilder().clone(response).setHeaders(new Headers(response.getHeaders().asList()
                        .stream().filter(h -> !h.getName().equalsIgnoreCase("ETag")).toList())).build()))
                .get(PARTICIPANTS + "/" + id));

        assertTrue(failure.getMessage().contains("header ETag is missing"), failure.getMessage());
    }

    @Test
    void failsOnAStatusTheDocumentDoesNotList() {
        UUID id = Api.register("Willinklaan");

        AssertionError failure = assertThrows(AssertionError.class, () -> asCaseworker()
                .filter(altered(response -> new ResponseBuilder().clone(response).setStatusCode(409).build()))
                .get(PARTICIPANTS + "/" + id));

        assertTrue(failure.getMessage().contains("status 409 is not documented"), failure.getMessage());
    }

    /** A filter between the check and the service that alters the service's answer. */
    private static Filter altered(UnaryOperator<Response> change) {
        return (request, responseSpecification, context) -> change.apply(context.next(request, responseSpecification));
    }

    private static Response body(Response response, java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(response.asString());
            change.accept(json);
            return new ResponseBuilder().clone(response).setBody(JSON.writeValueAsString(json)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
