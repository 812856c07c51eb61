package nl.werkdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiContractTest {

    private static final String THING = "/api/v1/things/7a0c8d4e-8a5b-4c3e-9a2f-1b2c3d4e5f60";
    private static final String VALID_THING = "{\"thingId\":\"7a0c8d4e-8a5b-4c3e-9a2f-1b2c3d4e5f60\",\"name\":\"lamp\",\"colour\":\"red\",\"retiredOn\":null}";

    private final OpenApiContract contract = OpenApiContract.of(resource("openapi/things.json"));

    @Test
    void acceptsAResponseThatKeepsTheDocument() {
        assertEquals(List.of(), contract.violations(get(200, json(), VALID_THING)));
        assertEquals(List.of(), contract.violations(get(200, json(), VALID_THING.replace("\"red\"", "null").replace("null}", "\"2025-03-01\"}"))));
    }

    @Test
    void rejectsNullInAFieldTheDocumentDoesNotCallNullable() {
        List<String> violations = contract.violations(get(200, json(), VALID_THING.replace("\"lamp\"", "null")));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("GET /things/{thingId} (getThing): response body at /name: "), violations.get(0));
        assertTrue(violations.get(0).contains("#/components/schemas/Thing/properties/name/type"), violations.get(0));
    }

    @Test
    void rejectsAFieldLeftOutThatTheDocumentRequires() {
        List<String> violations = contract.violations(get(200, json(), VALID_THING.replace(",\"retiredOn\":null", "")));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("retiredOn"), violations.get(0));
        assertTrue(violations.get(0).contains("/required"), violations.get(0));
    }

    @Test
    void rejectsAValueOfTheWrongFormat() {
        List<String> violations = contract.violations(get(200, json(), VALID_THING.replace("null}", "\"2025-03-01T10:00:00Z\"}")));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("at /retiredOn"), violations.get(0));
    }

    @Test
    void rejectsAMissingHeaderTheDocumentRequires() {
        Map<String, List<String>> headers = json();
        headers.remove("ETag");

        List<String> violations = contract.violations(get(200, headers, VALID_THING));

        assertEquals(List.of("GET /things/{thingId} (getThing): header ETag is missing (the document requires it)"), violations);
    }

    @Test
    void rejectsAHeaderValueItsSchemaRefuses() {
        Map<String, List<String>> headers = json();
        headers.remove("ETag");
        headers.put("etag", List.of("W/\"3\""));

        List<String> violations = contract.violations(get(200, headers, VALID_THING));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("GET /things/{thingId} (getThing): header ETag at /: "), violations.get(0));
    }

    @Test
    void rejectsAnUndocumentedStatus() {
        List<String> violations = contract.violations(get(409, problemHeaders(), "{\"type\":\"t\",\"title\":\"t\",\"status\":409,\"detail\":\"d\"}"));

        assertEquals(List.of("GET /things/{thingId} (getThing): status 409 is not documented (documented: 200, 404)"), violations);
    }

    @Test
    void rejectsAnUndocumentedContentTypeAndABodyWhereNoneIsDocumented() {
        Map<String, List<String>> headers = json();
        headers.put("Content-Type", List.of("text/html"));
        assertEquals(List.of("GET /things/{thingId} (getThing): response body: content type text/html is not documented (documented: application/json, text/csv)"),
                contract.violations(get(200, headers, "<p>lamp</p>")));

        Map<String, List<String>> special = new LinkedHashMap<>(Map.of("API-Version", List.of("1.0.0"), "Content-Type", List.of("application/json")));
        List<String> violations = contract.violations(new OpenApiContract.Exchange("GET", "/api/v1/things/special", null, null, 204, special, "{}"));
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("the document says there is none"), violations.get(0));
    }

    @Test
    void prefersALiteralPathOverATemplate() {
        Map<String, List<String>> headers = new LinkedHashMap<>(Map.of("API-Version", List.of("1.0.0")));

        assertEquals(List.of(), contract.violations(new OpenApiContract.Exchange("GET", "/api/v1/things/special", null, null, 204, headers, "")));
    }

    @Test
    void checksProblemDetailsOfProblemResponses() {
        String problem = "{\"type\":\"urn:nld:werkdesk:problem:not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No such thing\"}";
        assertEquals(List.of(), contract.violations(get(404, problemHeaders(), problem)));

        List<String> violations = contract.violations(get(404, problemHeaders(), "{\"title\":\"Not found\",\"status\":404}"));
        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.stream().allMatch(v -> v.contains("/required")), violations.toString());
    }

    @Test
    void acceptsProblemDetailsForPathsAndMethodsTheDocumentDoesNotHave() {
        String problem = "{\"type\":\"urn:nld:werkdesk:problem:not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No resource\"}";
        assertEquals(List.of(), contract.violations(new OpenApiContract.Exchange("GET", "/api/v1/nothing", null, null, 404, problemHeaders(), problem)));

        List<String> violations = contract.violations(new OpenApiContract.Exchange("DELETE", THING, null, null, 200, json(), VALID_THING));
        assertEquals(List.of("no documented operation DELETE /things/{thingId} answers 200 (only 404 or 405 problem details may)"), violations);
    }

    @Test
    void leavesPathsOutsideTheServerUrlAlone() {
        assertEquals(List.of(), contract.violations(new OpenApiContract.Exchange("GET", "/q/health/ready", null, null, 200, Map.of(), "{}")));
    }

    @Test
    void rejectsARequestBodyTheDocumentCallsInvalidWhenTheServiceAcceptedIt() {
        Map<String, List<String>> created = json();
        created.put("Location", List.of(THING));
        String body = "{\"name\":\"\",\"madeOn\":\"2025-02-01\"}";

        List<String> accepted = contract.violations(new OpenApiContract.Exchange("POST", "/api/v1/things", "application/json; charset=UTF-8",
                body, 201, created, VALID_THING));
        assertEquals(1, accepted.size(), accepted.toString());
        assertTrue(accepted.get(0).startsWith("POST /things (createThing): request body (accepted by the service) at /name: "), accepted.get(0));

        String problem = "{\"type\":\"urn:nld:werkdesk:problem:invalid-input\",\"title\":\"Invalid input\",\"status\":400,\"detail\":\"name is empty\"}";
        assertEquals(List.of(), contract.violations(new OpenApiContract.Exchange("POST", "/api/v1/things", "application/json", body, 400,
                problemHeaders(), problem)), "a refused request may be anything");
    }

    @Test
    void assertValidFailsNamingTheExchangeAndEveryViolation() {
        Map<String, List<String>> headers = json();
        headers.remove("API-Version");

        AssertionError failure = assertThrows(AssertionError.class,
                () -> contract.assertValid(get(200, headers, VALID_THING.replace("\"red\"", "\"blue\""))));

        assertTrue(failure.getMessage().startsWith("GET " + THING + " answered 200, which breaks the OpenAPI document of Things API:"), failure.getMessage());
        assertTrue(failure.getMessage().contains("header API-Version is missing"), failure.getMessage());
        assertTrue(failure.getMessage().contains("at /colour"), failure.getMessage());
    }

    @Test
    void findsEveryExampleThatDoesNotMatchItsSchema() {
        List<String> violations = contract.exampleViolations();

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/paths/~1things/post/requestBody/content/application~1json/examples/bad at /name")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/paths/~1things/post/requestBody/content/application~1json/examples/bad at /madeOn")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/components/schemas/CreateThing/properties/madeOn/examples/1 ")), violations.toString());
        assertEquals(3, violations.size(), violations.toString());
    }

    private static OpenApiContract.Exchange get(int status, Map<String, List<String>> headers, String body) {
        return new OpenApiContract.Exchange("GET", THING, null, null, status, headers, body);
    }

    private static Map<String, List<String>> json() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json;charset=UTF-8"));
        headers.put("API-Version", List.of("1.0.0"));
        headers.put("ETag", List.of("\"3\""));
        return headers;
    }

    private static Map<String, List<String>> problemHeaders() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/problem+json"));
        headers.put("API-Version", List.of("1.0.0"));
        return headers;
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiContractTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
