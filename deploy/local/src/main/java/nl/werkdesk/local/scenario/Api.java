package nl.werkdesk.local.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The services' REST APIs as a scenario uses them: JSON in and out, a bearer token of the role each call needs. */
public final class Api {

    public static final String PARTICIPANTS = "participant";
    public static final String EMPLOYERS = "employer";
    public static final String PERMITS = "permit";
    public static final String PLACEMENTS = "placement";
    public static final String REPORTING = "reporting";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Map<String, URI> services;
    private final Function<String, String> tokens;
    private final Check check;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();

    /** Sees every exchange before the scenario does, e.g. to hold it against the service's OpenAPI document. */
    @FunctionalInterface
    public interface Check {
        /** @param requestBody the JSON sent, or null */
        void exchange(HttpRequest request, String requestBody, HttpResponse<String> response);
    }

    /**
     * @param services base URI of each service by short name ({@link #PARTICIPANTS} ...)
     * @param tokens a bearer token for a role
     */
    public Api(Map<String, URI> services, Function<String, String> tokens) {
        this(services, tokens, (request, body, response) -> { });
    }

    public Api(Map<String, URI> services, Function<String, String> tokens, Check check) {
        this.services = Map.copyOf(services);
        this.tokens = tokens;
        this.check = check;
    }

    /** A command: POST with a JSON body and an Idempotency-Key, so that a retried call is applied once. */
    public JsonNode post(String service, String role, String path, Object body, String idempotencyKey) {
        String json = write(body);
        HttpRequest.Builder request = request(service, role, path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request.build(), json, "POST", service, path);
    }

    public JsonNode get(String service, String role, String pathAndQuery) {
        return send(request(service, role, pathAndQuery).GET().build(), null, "GET", service, pathAndQuery);
    }

    private HttpRequest.Builder request(String service, String role, String path) {
        URI base = services.get(service);
        if (base == null) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        return HttpRequest.newBuilder(base.resolve("/api/v1" + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.apply(role));
    }

    private JsonNode send(HttpRequest request, String requestBody, String method, String service, String path) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(method + " " + service + "-service " + path + " failed: " + e, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(method + " " + service + "-service " + path + " was interrupted", 0, "interrupted");
        }
        check.exchange(request, requestBody, response);
        JsonNode body = read(response.body());
        if (response.statusCode() >= 300) {
            String detail = body.path("detail").asText(response.body());
            JsonNode invalid = body.path("invalidParams");
            if (invalid.isArray() && !invalid.isEmpty()) {
                detail = detail + " " + invalid;
            }
            throw new Failure(method + " " + service + "-service " + path + " answered " + response.statusCode() + ": " + detail,
                    response.statusCode(), detail);
        }
        return body;
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write request body " + body, e);
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("detail", body);
        }
    }

    /** A call that failed: the HTTP status (0 when there was no answer) and the problem's detail. */
    public static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;
        private final String detail;

        Failure(String message, int status, String detail) {
            super(message);
            this.status = status;
            this.detail = detail;
        }

        public int status() {
            return status;
        }

        public String detail() {
            return detail;
        }

        /** 400 or 409: the service refused the command, e.g. because another service's event has not reached it yet. */
        public boolean refused() {
            return status == 400 || status == 409;
        }
    }
}
