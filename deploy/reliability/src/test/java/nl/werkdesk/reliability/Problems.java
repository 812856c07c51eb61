package nl.werkdesk.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** What every refusal must look like: RFC 9457 problem+json, the status in the body too, and no trace of the server's insides. */
final class Problems {

    /** A Java stack frame, an exception class name, a SQL error: what a response must never show. */
    private static final Pattern INSIDES = Pattern.compile(
            "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|\\.java:\\d+|\\b(java|javax|jakarta|io\\.vertx|io\\.quarkus|org\\.hibernate|com\\.fasterxml)\\.[\\w.]*(Exception|Error)\\b|\\bSQLSTATE\\b|\\bPSQLException\\b|\\bNullPointerException\\b|\\bERROR: ");

    private Problems() {
    }

    /** Violations of the problem+json contract for this reply (empty when it is fine). */
    static List<String> violations(Http.Reply reply) {
        List<String> violations = new ArrayList<>();
        if (!reply.problemJson()) {
            violations.add("content type " + reply.contentType() + ", not application/problem+json");
        }
        JsonNode body = reply.json();
        for (String member : List.of("type", "title", "status", "detail")) {
            if (!body.hasNonNull(member)) {
                violations.add("no " + member);
            }
        }
        if (body.path("status").asInt() != reply.status()) {
            violations.add("body status " + body.path("status") + " differs from " + reply.status());
        }
        if (reply.body() != null && INSIDES.matcher(reply.body()).find()) {
            violations.add("shows the server's insides");
        }
        return violations;
    }

    /** The names of the invalid parameters a 400 lists. */
    static List<String> invalidParams(Http.Reply reply) {
        List<String> names = new ArrayList<>();
        reply.json().path("invalidParams").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    /** True when one invalid parameter is the field, an element of it, or a field inside it. */
    static boolean names(Http.Reply reply, String field) {
        return invalidParams(reply).stream().anyMatch(name -> name.equals(field) || name.startsWith(field + "[")
                || name.startsWith(field + "."));
    }

    static boolean showsInsides(Http.Reply reply) {
        return reply.body() != null && INSIDES.matcher(reply.body()).find();
    }
}
