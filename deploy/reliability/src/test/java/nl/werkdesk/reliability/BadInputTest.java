package nl.werkdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every POST and GET of every service, driven with inputs generated from its OpenAPI document: fields missing, null,
 * wrongly typed, oversized, out of range and hostile; bodies malformed, nested too deep, too large, of another media
 * type; path and query parameters hostile. Every one is refused with a 4xx problem+json that names the field (never
 * a 5xx or a stack trace), and nothing is persisted: the events, idempotency records and topics stay as they were.
 */
@Order(2)
class BadInputTest {

    private static final Logger LOG = Logger.getLogger(BadInputTest.class);
    /** Larger than any service accepts (quarkus.http.limits.max-body-size, 256K in the kernel's defaults). */
    private static final int OVERSIZED_BODY_CHARS = 1024 * 1024;
    private static final int DEEP_NESTING = 5000;

    private static final List<String> HOSTILE_PARAMETERS = List.of("not-a-uuid", "-1", "0", "99999999999999999999", "2025-02-30",
            "' OR '1'='1", "<script>alert(1)</script>", "../../etc/passwd", "\u0000", "${jndi:ldap://127.0.0.1:1/a}", "x".repeat(2000),
            "true; DROP TABLE events");

    private static ReliabilityStack stack;

    @BeforeAll
    static void stack() {
        stack = ReliabilityStack.get();
    }

    @Test
    void everyMalformedOversizedWronglyTypedOrHostileBodyIsRefusedNamingTheFieldAndNothingIsPersisted() {
        Persisted before = Persisted.settled(stack);
        assertTrue(before.rows().get("participant-service events by users") >= stack.seed.participants().size(),
                "the count of what users appended sees the seed's commands: " + before.rows());
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (OpenApi.Operation operation : OpenApi.all()) {
            if (!operation.hasBody()) {
                continue;
            }
            OpenApi api = OpenApi.of(operation.module());
            List<Inputs.Input> inputs = new ArrayList<>(Inputs.forSchema(api, operation.requestSchema()));
            String base = api.valid(operation.requestSchema()).toString();
            inputs.add(new Inputs.Input("an empty body", "body", ""));
            inputs.add(new Inputs.Input("truncated JSON", "body", base.substring(0, base.length() / 2)));
            inputs.add(new Inputs.Input("null", "body", "null"));
            inputs.add(new Inputs.Input("an array", "body", "[" + base + "]"));
            inputs.add(new Inputs.Input("a string", "body", "\"" + base.replace("\"", "\\\"") + "\""));
            inputs.add(new Inputs.Input("a number", "body", "42"));
            inputs.add(new Inputs.Input("not JSON", "body", "<xml>" + base + "</xml>"));
            inputs.add(new Inputs.Input("nested " + DEEP_NESTING + " deep", "body", "[".repeat(DEEP_NESTING) + "]".repeat(DEEP_NESTING)));
            inputs.add(new Inputs.Input("an unknown field", "isAdmin", base.replaceFirst("\\{", "{\"isAdmin\":true,")));
            inputs.add(new Inputs.Input("a prototype-pollution field", "__proto__", base.replaceFirst("\\{", "{\"__proto__\":{\"admin\":true},")));
            inputs.add(new Inputs.Input("a duplicate of every field", "body", base.replaceFirst("\\{", "{" + base.substring(1, base.length() - 1) + ",")));
            for (Inputs.Input input : inputs) {
                tried++;
                Http.Reply reply = post(operation, input.body(), "application/json", Map.of());
                expectRefusal(operation, input.description(), input.field(), reply, failures);
            }
            tried += 3;
            Http.Reply tooLarge = post(operation, "{\"padding\":\"" + "x".repeat(OVERSIZED_BODY_CHARS) + "\"}", "application/json", Map.of());
            expectStatus(operation, "a body of " + OVERSIZED_BODY_CHARS / 1024 / 1024 + " MB", 413, tooLarge, failures);
            Http.Reply otherType = post(operation, base, "text/plain", Map.of());
            expectStatus(operation, "a text/plain body", 415, otherType, failures);
            if (!operation.pathParameters().isEmpty()) {
                tried++;
                // A well-formed but stale ETag first: 412 when the generated body passes, else the body's own refusal,
                // which then comes before any look at If-Match.
                tried++;
                Http.Reply stale = post(operation, base, "application/json", Map.of("If-Match", "\"999999\""));
                Http.Reply badIfMatch = post(operation, base, "application/json", Map.of("If-Match", "'; DROP TABLE events; --"));
                if (stale.status() == 412) {
                    expectRefusal(operation, "a hostile If-Match", "If-Match", badIfMatch, failures);
                } else if (stale.status() == 400 && badIfMatch.status() == 400
                        && Problems.invalidParams(stale).equals(Problems.invalidParams(badIfMatch))) {
                    expectRefusal(operation, "a hostile If-Match after an invalid body", Problems.invalidParams(stale).get(0), badIfMatch, failures);
                } else {
                    failures.add(operation.id() + " with a stale If-Match: expected 412, or 400 for the body: " + stale
                            + "; with a hostile one: " + badIfMatch);
                }
            }
            Http.Reply badKey = post(operation, "{", "application/json", Map.of("Idempotency-Key", "x".repeat(4000)));
            if (badKey.status() < 400 || badKey.status() >= 500 || !Problems.violations(badKey).isEmpty()) {
                failures.add(operation.id() + " with a 4000-character Idempotency-Key and a broken body: " + badKey);
            }
        }
        LOG.infof("bad bodies: %d tried", tried);
        assertTrue(tried >= 500, "enough inputs generated from the documents: " + tried);
        assertEquals(List.of(), failures, failures.size() + " of " + tried + " bad bodies not refused as they should be");
        assertEquals(before, Persisted.settled(stack), "nothing persisted by refused bodies");
    }

    @Test
    void everyHostilePathOrQueryParameterIsRefusedNamingItOrHarmlesslyAnswered() {
        Persisted before = Persisted.settled(stack);
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (OpenApi.Operation operation : OpenApi.all()) {
            String role = operation.roles().get(0);
            for (String parameter : operation.pathParameters()) {
                for (String value : HOSTILE_PARAMETERS) {
                    tried++;
                    String path = operation.path(encode(value));
                    Http.Reply reply = call(operation, role, path);
                    String what = "path parameter " + parameter + "=" + Inputs.printable(value.length() > 40 ? value.substring(0, 40) + "..." : value);
                    if (reply.status() == 404 || reply.status() == 400 && Problems.names(reply, parameter)) {
                        List<String> violations = Problems.violations(reply);
                        if (!violations.isEmpty()) {
                            failures.add(operation.id() + " " + what + ": " + violations + " " + reply);
                        }
                    } else {
                        failures.add(operation.id() + " " + what + ": expected 400 naming it or 404, got " + reply);
                    }
                }
            }
            if (!operation.method().equals("GET")) {
                continue;
            }
            for (String parameter : operation.queryParameters()) {
                for (String value : HOSTILE_PARAMETERS) {
                    tried++;
                    String path = operation.path(UUID.randomUUID().toString()) + "?" + parameter + "=" + encode(value);
                    Http.Reply reply = call(operation, role, path);
                    String what = "query parameter " + parameter + "=" + Inputs.printable(value.length() > 40 ? value.substring(0, 40) + "..." : value);
                    if (reply.status() == 200 || reply.status() == 404) {
                        if (Problems.showsInsides(reply)) {
                            failures.add(operation.id() + " " + what + " shows the server's insides: " + reply);
                        }
                    } else if (reply.status() == 400 && Problems.names(reply, parameter)) {
                        List<String> violations = Problems.violations(reply);
                        if (!violations.isEmpty()) {
                            failures.add(operation.id() + " " + what + ": " + violations + " " + reply);
                        }
                    } else {
                        failures.add(operation.id() + " " + what + ": expected 200, or 400 naming it, got " + reply);
                    }
                }
            }
        }
        LOG.infof("hostile parameters: %d tried", tried);
        assertTrue(tried >= 300, "enough parameters tried: " + tried);
        assertEquals(List.of(), failures, failures.size() + " of " + tried + " hostile parameters not handled as they should be");
        assertEquals(before, Persisted.settled(stack), "nothing persisted by hostile parameters");
    }

    private static Http.Reply post(OpenApi.Operation operation, String body, String contentType, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Idempotency-Key", UUID.randomUUID().toString());
        URI uri = stack.api(operation.module(), operation.path(existing(operation)));
        return Http.send(operation.method(), uri, stack.bearer(operation.roles().get(0)), contentType, body, all);
    }

    private static Http.Reply call(OpenApi.Operation operation, String role, String pathAndQuery) {
        URI uri = URI.create("http://127.0.0.1:" + stack.service(operation.module()).port() + "/api/v1" + pathAndQuery);
        if (operation.hasBody()) {
            return Http.send(operation.method(), uri, stack.bearer(role), "application/json",
                    OpenApi.of(operation.module()).valid(operation.requestSchema()).toString(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        }
        return Http.send(operation.method(), uri, stack.bearer(role), operation.method().equals("GET") ? null : "application/json",
                operation.method().equals("GET") ? null : "{}", Map.of());
    }

    private static void expectRefusal(OpenApi.Operation operation, String what, String field, Http.Reply reply, List<String> failures) {
        if (reply.status() != 400) {
            failures.add(operation.id() + " with " + what + ": expected 400 naming " + field + ", got " + reply);
            return;
        }
        List<String> violations = new ArrayList<>(Problems.violations(reply));
        boolean named = field.equals("body") ? !Problems.invalidParams(reply).isEmpty() : Problems.names(reply, field);
        if (!named) {
            violations.add("invalidParams " + Problems.invalidParams(reply) + " do not name " + field);
        }
        if (!violations.isEmpty()) {
            failures.add(operation.id() + " with " + what + ": " + violations + " " + reply);
        }
    }

    private static void expectStatus(OpenApi.Operation operation, String what, int status, Http.Reply reply, List<String> failures) {
        if (reply.status() != status) {
            failures.add(operation.id() + " with " + what + ": expected " + status + ", got " + reply);
            return;
        }
        List<String> violations = Problems.violations(reply);
        if (!violations.isEmpty()) {
            failures.add(operation.id() + " with " + what + ": " + violations + " " + reply);
        }
    }

    /** The id of a resource the seed made, for the operation's path parameter: bad input must meet a real stream. */
    private static String existing(OpenApi.Operation operation) {
        if (operation.pathParameters().isEmpty()) {
            return "";
        }
        String sql = switch (operation.pathParameters().get(0)) {
            case "participantId" -> "SELECT participant_id FROM participants ORDER BY registered_on, participant_id LIMIT 1";
            case "employerId" -> "SELECT employer_id FROM employers ORDER BY registered_on, employer_id LIMIT 1";
            case "vacancyId" -> "SELECT vacancy_id FROM vacancies ORDER BY vacancy_id LIMIT 1";
            case "jobFairId" -> "SELECT job_fair_id FROM job_fairs ORDER BY job_fair_id LIMIT 1";
            case "permitId" -> "SELECT permit_id FROM permits ORDER BY permit_id LIMIT 1";
            case "placementId" -> "SELECT placement_id FROM placements ORDER BY placement_id LIMIT 1";
            case "bookingId" -> "SELECT booking_id FROM expenditure_booking_facts ORDER BY booking_id LIMIT 1";
            case "generation" -> "SELECT 1";
            default -> throw new IllegalStateException("no seeded resource for " + operation.pathParameters() + " of " + operation.id());
        };
        return stack.query(operation.module(), sql).get(0).get(0);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
