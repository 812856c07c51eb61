package nl.werkdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import nl.werkdesk.local.DevKeys;

/**
 * Access to every operation of every service's OpenAPI document: without a token, with an expired one, one signed by
 * another key, one of another issuer, one without a role and one of each role the operation does not allow. Every
 * attempt is refused with 401 or 403 as problem+json and writes nothing; and the analyst, whatever it may read,
 * never receives a participant id or personal data.
 */
@Order(1)
class AccessTest {

    private static final Logger LOG = Logger.getLogger(AccessTest.class);
    private static ReliabilityStack stack;

    @BeforeAll
    static void stack() {
        stack = ReliabilityStack.get();
    }

    @Test
    void everyOperationRefusesAMissingOrInvalidTokenAndEveryRoleItDoesNotAllow() {
        Persisted before = Persisted.settled(stack);
        List<OpenApi.Operation> operations = OpenApi.all();
        Map<String, String> invalidTokens = new LinkedHashMap<>();
        invalidTokens.put("no token", null);
        invalidTokens.put("an expired token", stack.expired("operator"));
        invalidTokens.put("a token signed by another key", stack.signedByForeignKey("operator"));
        invalidTokens.put("a token of another issuer", stack.withIssuer("urn:werkdesk:elsewhere", "operator"));
        invalidTokens.put("a token that is no JWT", "Bearer not.a.jwt");
        invalidTokens.put("basic authentication", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()));
        List<String> failures = new ArrayList<>();
        int attempts = 0;
        for (OpenApi.Operation operation : operations) {
            for (Map.Entry<String, String> token : invalidTokens.entrySet()) {
                attempts++;
                check(operation, token.getKey(), token.getValue(), 401, failures);
            }
            attempts++;
            check(operation, "a token without a role", stack.noRole(), 403, failures);
            for (String role : DevKeys.ROLES) {
                if (!operation.roles().contains(role)) {
                    attempts++;
                    check(operation, "the role " + role, stack.bearer(role), 403, failures);
                }
            }
        }
        LOG.infof("access: %d operations, %d refused attempts", operations.size(), attempts);
        assertEquals(List.of(), failures, "every attempt refused as it should be");
        assertTrue(operations.size() >= 50, "the documents list every operation: " + operations.size());
        assertEquals(before, Persisted.settled(stack), "nothing persisted by refused requests");
    }

    @Test
    void theAnalystNeverReceivesAParticipantIdOrPersonalData() {
        List<String> secrets = new ArrayList<>();
        stack.query(ReliabilityStack.PARTICIPANT, "SELECT participant_id::text FROM participants").forEach(r -> secrets.add(r.get(0)));
        int participants = secrets.size();
        stack.query(ReliabilityStack.PARTICIPANT, "SELECT full_name, v_number FROM participant_personal_data")
                .forEach(r -> secrets.addAll(r));
        assertTrue(participants >= 10 && secrets.size() >= 3 * participants, "the seed registered participants with personal data");

        List<String> failures = new ArrayList<>();
        int reads = 0;
        for (OpenApi.Operation operation : OpenApi.all()) {
            if (!operation.method().equals("GET") || !operation.roles().contains("analyst") || !operation.pathParameters().isEmpty()) {
                continue;
            }
            List<String> queries = new ArrayList<>(List.of("", "?location=Willinklaan", "?location=Kabelweg", "?asOf=2025-10-16",
                    "?from=2025-01-01&to=2025-12-31", "?phase=1"));
            for (String query : queries) {
                for (String accept : List.of("application/json", "text/csv")) {
                    URI uri = stack.api(operation.module(), operation.path() + query);
                    Http.Reply reply = Http.send("GET", uri, stack.bearer("analyst"), null, null, Map.of("Accept", accept));
                    reads++;
                    if (reply.status() >= 500 || reply.status() == 0) {
                        failures.add("GET " + uri + " (" + accept + "): " + reply);
                        continue;
                    }
                    for (String secret : secrets) {
                        if (reply.body() != null && reply.body().contains(secret)) {
                            failures.add("GET " + uri + " (" + accept + ") shows " + (secret.length() == 36 ? "a participant id" : "personal data"));
                        }
                    }
                }
            }
        }
        LOG.infof("analyst: %d reads checked against %d participant ids and their personal data", reads, participants);
        assertTrue(reads >= 60, "the analyst's operations were read: " + reads);
        assertEquals(List.of(), failures);
    }

    private static void check(OpenApi.Operation operation, String what, String authorization, int expected, List<String> failures) {
        URI uri = stack.api(operation.module(), operation.path(UUID.randomUUID().toString()));
        Http.Reply reply;
        if (operation.hasBody()) {
            OpenApi api = OpenApi.of(operation.module());
            reply = Http.send(operation.method(), uri, authorization, "application/json", api.valid(operation.requestSchema()).toString(),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        } else {
            reply = Http.send(operation.method(), uri, authorization, operation.method().equals("GET") ? null : "application/json",
                    operation.method().equals("GET") ? null : "{}", Map.of());
        }
        if (reply.status() != expected) {
            failures.add(operation.id() + " with " + what + ": expected " + expected + ", got " + reply);
            return;
        }
        List<String> violations = Problems.violations(reply);
        if (!violations.isEmpty()) {
            failures.add(operation.id() + " with " + what + ": " + violations + " in " + reply);
        }
        if (expected == 401 && reply.header("WWW-Authenticate") == null) {
            failures.add(operation.id() + " with " + what + ": 401 without WWW-Authenticate");
        }
    }
}
