package nl.werkdesk.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.werkdesk.testing.OpenApiContract;

/**
 * Raw HTTP to the services: any method, header and body, so that a test can send what a well-behaved client never would.
 * Every answer is held against the OpenAPI document of the service that gave it: a response the document does not
 * describe fails the test that received it.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Generous: a request must be answered, not answered fast (speed belongs to benchmarks). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();

    /** An answer; status 0 when there was none (connection refused or reset, timeout). */
    record Reply(int status, String contentType, String body, Map<String, java.util.List<String>> headers, String failure) {

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).flatMap(e -> e.getValue().stream())
                    .findFirst().orElse(null);
        }

        boolean success() {
            return status >= 200 && status < 300;
        }

        boolean problemJson() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (failure != null ? failure : body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "..." : body);
        }
    }

    private Http() {
    }

    /**
     * @param authorization the whole Authorization header value, or null for none
     * @param contentType null for none
     * @param body null for no body
     */
    /** JSON first, and whatever else an operation answers in (the pilot-end report is HTML only), as a browser asks. */
    private static final String ACCEPT = "application/json, */*;q=0.1";

    static Reply send(String method, URI uri, String authorization, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", headers.getOrDefault("Accept", ACCEPT));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach((name, value) -> {
            if (!name.equals("Accept")) {
                request.header(name, value);
            }
        });
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            OpenApiContract.assertValid(built, body, response);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(),
                    response.headers().map(), null);
        } catch (IOException e) {
            return new Reply(0, null, null, Map.of(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, null, Map.of(), "interrupted");
        }
    }

    static Reply get(URI uri, String authorization) {
        return send("GET", uri, authorization, null, null, Map.of());
    }

    static Reply postJson(URI uri, String authorization, Object body, String idempotencyKey) {
        try {
            return send("POST", uri, authorization, "application/json", body instanceof String s ? s : JSON.writeValueAsString(body),
                    idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
