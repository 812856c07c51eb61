package nl.werkdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service's OpenAPI 3.1 document as the contract every exchange with the service keeps. For the operation an
 * exchange addresses (method and path template, below the document's server URL), the response's status must be
 * documented, every header the response documents as required must be there and match its schema, and the body must
 * be of a documented media type and validate against its JSON Schema (2020-12, the dialect of OpenAPI 3.1, formats
 * asserted). A request that was answered with 2xx must have had a body that validates against the request schema:
 * the document may not call invalid what the service accepts. Paths outside the server URL (health, metrics, the
 * document itself) are not the contract's business.
 */
public final class OpenApiContract {

    /** Where every Werkdesk service serves its document (the kernel's quarkus.smallrye-openapi.path). */
    public static final String DOCUMENT_PATH = "/openapi.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, OpenApiContract> BY_ORIGIN = new ConcurrentHashMap<>();
    private static final AtomicInteger DOCUMENTS = new AtomicInteger();
    private static final int MAX_REFERENCE_HOPS = 10;
    private static final List<String> DOCUMENT_MEMBERS = List.of("openapi", "info", "jsonSchemaDialect", "servers", "paths",
            "webhooks", "components", "security", "tags", "externalDocs");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final String title;
    private final JsonNode document;
    private final String basePath;
    private final String iri;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** An HTTP exchange as the client saw it; the path as sent (with the server URL, without the query). */
    public record Exchange(String method, String path, String requestContentType, String requestBody, int status,
                           Map<String, List<String>> responseHeaders, String responseBody) {

        /** The first value of a response header, by case-insensitive name. */
        public Optional<String> header(String name) {
            return responseHeaders.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        String describe() {
            return method.toUpperCase(Locale.ROOT) + " " + path + " answered " + status;
        }
    }

    private OpenApiContract(String json) {
        try {
            this.document = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON", e);
        }
        this.title = document.path("info").path("title").asText("the service");
        String server = document.path("servers").path(0).path("url").asText("");
        this.basePath = URI.create(server).getPath().replaceAll("/+$", "");
        // The document itself is the schema resource every pointer below resolves in: its $refs stay as they are.
        this.iri = "https://werkdesk.invalid/openapi/" + DOCUMENTS.incrementAndGet() + ".json";
        // The dialect of OpenAPI 3.1, told that the document's own members around the schemas are no keywords.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
                .keywords(DOCUMENT_MEMBERS.stream().map(NonValidationKeyword::new).toList()).build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(iri, json))));
        this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).nullableKeywordEnabled(false)
                .pathType(PathType.JSON_POINTER).build();
    }

    /** The contract of a document given as JSON text. */
    public static OpenApiContract of(String json) {
        return new OpenApiContract(json);
    }

    public static OpenApiContract read(Path file) {
        try {
            return of(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + file, e);
        }
    }

    /**
     * The contract of the service that answers at this URI's origin (scheme, host and port): the document it serves at
     * {@value #DOCUMENT_PATH}, fetched once per origin and JVM.
     */
    public static OpenApiContract ofServer(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        return BY_ORIGIN.computeIfAbsent(origin, OpenApiContract::fetch);
    }

    private static OpenApiContract fetch(String origin) {
        URI location = URI.create(origin + DOCUMENT_PATH);
        try {
            // HTTP/1.1: the JDK client's h2c upgrade garbled a large answer once (a protocol error on its frames).
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(FETCH_TIMEOUT).build();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(location).timeout(FETCH_TIMEOUT).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + location + " answered " + response.statusCode());
            }
            return of(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch the OpenAPI document " + location, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + location, e);
        }
    }

    /**
     * Holds an exchange made with java.net.http against the document of the service that answered; fails as
     * {@link #assertValid(Exchange)} does.
     *
     * @param requestBody the body that was sent, or null
     */
    public static void assertValid(HttpRequest request, String requestBody, HttpResponse<String> response) {
        ofServer(request.uri()).assertValid(new Exchange(request.method(), request.uri().getRawPath(),
                request.headers().firstValue("Content-Type").orElse(null), requestBody, response.statusCode(),
                response.headers().map(), response.body()));
    }

    /** Fails with every way the exchange breaks the document: the operation, the status, where and what was expected. */
    public void assertValid(Exchange exchange) {
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError(exchange.describe() + ", which breaks the OpenAPI document of " + title + ":\n  - "
                    + String.join("\n  - ", violations));
        }
    }

    /** Every way the exchange breaks the document; empty when it keeps it or lies outside the documented API. */
    public List<String> violations(Exchange exchange) {
        String path = exchange.path();
        if (!path.equals(basePath) && !path.startsWith(basePath + "/")) {
            return List.of();
        }
        String relative = path.substring(basePath.length());
        List<String> violations = new ArrayList<>();
        Optional<String> template = template(relative.isEmpty() ? "/" : relative);
        String method = exchange.method().toLowerCase(Locale.ROOT);
        JsonNode operation = template.map(t -> document.path("paths").path(t).path(method)).orElse(null);
        if (operation == null || operation.isMissingNode()) {
            // No such resource, or not this method on it: the kernel answers 404 or 405 with problem details.
            String what = template.isEmpty() ? "no documented path"
                    : "no documented operation " + method.toUpperCase(Locale.ROOT) + " " + template.get();
            if (exchange.status() == 404 || exchange.status() == 405) {
                problem(exchange, what, violations);
            } else {
                violations.add(what + " answers " + exchange.status() + " (only 404 or 405 problem details may)");
            }
            return violations;
        }
        String pointer = "/paths/" + escape(template.get()) + "/" + method;
        String status = String.valueOf(exchange.status());
        JsonNode responses = operation.path("responses");
        String documented = responses.has(status) ? status : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (documented == null) {
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            violations.add("status " + status + " is not documented (documented: " + String.join(", ", statuses) + ")");
            return label(operation, template.get(), method, violations);
        }
        String responsePointer = target(pointer + "/responses/" + escape(documented));
        JsonNode response = document.at(responsePointer);
        headers(exchange, response, responsePointer, violations);
        body("response body", exchange.header("Content-Type").orElse(null),
                exchange.responseBody(), response.path("content"), responsePointer + "/content", violations);
        if (exchange.status() >= 200 && exchange.status() < 300 && operation.has("requestBody")) {
            request(exchange, operation, pointer, violations);
        }
        return label(operation, template.get(), method, violations);
    }

    /** Every example and examples value in the document that does not validate against its schema. */
    public List<String> exampleViolations() {
        List<String> violations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            String pointer = "/paths/" + escape(path.getKey()) + "/" + method.getKey();
            JsonNode operation = method.getValue();
            int index = 0;
            for (JsonNode parameter : operation.path("parameters")) {
                mediaExamples(parameter, pointer + "/parameters/" + index++, violations);
            }
            operation.path("requestBody").path("content").fields().forEachRemaining(media -> mediaExamples(media.getValue(),
                    pointer + "/requestBody/content/" + escape(media.getKey()), violations));
            operation.path("responses").fields().forEachRemaining(response -> response.getValue().path("content").fields()
                    .forEachRemaining(media -> mediaExamples(media.getValue(), pointer + "/responses/" + escape(response.getKey())
                            + "/content/" + escape(media.getKey()), violations)));
        }));
        document.path("components").path("schemas").fields().forEachRemaining(schema ->
                schemaExamples(schema.getValue(), "/components/schemas/" + escape(schema.getKey()), violations));
        document.path("components").path("headers").fields().forEachRemaining(header ->
                mediaExamples(header.getValue(), "/components/headers/" + escape(header.getKey()), violations));
        return violations;
    }

    // ---- the parts of an exchange

    private void headers(Exchange exchange, JsonNode response, String responsePointer, List<String> violations) {
        response.path("headers").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            String pointer = target(responsePointer + "/headers/" + escape(name));
            JsonNode header = document.at(pointer);
            Optional<String> value = exchange.header(name);
            if (value.isEmpty()) {
                if (header.path("required").asBoolean(false)) {
                    violations.add("header " + name + " is missing (the document requires it)");
                }
                return;
            }
            if (header.has("schema")) {
                JsonNode schema = resolve(header.get("schema"));
                JsonNode node = typed(value.get(), schema);
                validate(pointer + "/schema", node).forEach(m -> violations.add("header " + name + " " + m));
            }
        });
    }

    private void request(Exchange exchange, JsonNode operation, String pointer, List<String> violations) {
        String requestPointer = target(pointer + "/requestBody");
        JsonNode requestBody = document.at(requestPointer);
        String body = exchange.requestBody();
        if (body == null || body.isBlank()) {
            if (requestBody.path("required").asBoolean(false)) {
                violations.add("request body: none, but the document requires one and the service accepted the request");
            }
            return;
        }
        body("request body (accepted by the service)", exchange.requestContentType(), body, requestBody.path("content"),
                requestPointer + "/content", violations);
    }

    private void body(String what, String contentType, String body, JsonNode content, String contentPointer, List<String> violations) {
        boolean empty = body == null || body.isBlank();
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                violations.add(what + ": the document says there is none, but there is one (" + contentType + ")");
            }
            return;
        }
        if (empty) {
            violations.add(what + ": missing (the document says " + String.join(" or ", names(content)) + ")");
            return;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        Optional<String> documented = names(content).stream().filter(name -> matches(name, mediaType)).findFirst();
        if (documented.isEmpty()) {
            violations.add(what + ": content type " + (contentType == null ? "(none)" : contentType) + " is not documented (documented: "
                    + String.join(", ", names(content)) + ")");
            return;
        }
        JsonNode media = content.get(documented.get());
        if (!media.has("schema") || !isJson(mediaType)) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            violations.add(what + ": not JSON although " + mediaType);
            return;
        }
        validate(contentPointer + "/" + escape(documented.get()) + "/schema", node).forEach(m -> violations.add(what + " " + m));
    }

    /** An answer of the kernel for a path or method the document does not have: problem details. */
    private void problem(Exchange exchange, String what, List<String> violations) {
        String contentType = exchange.header("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            violations.add(what + ": " + exchange.status() + " with " + contentType + " instead of application/problem+json");
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(exchange.responseBody());
        } catch (IOException e) {
            violations.add(what + ": problem details that are not JSON");
            return;
        }
        if (document.path("components").path("schemas").has("Problem")) {
            validate("/components/schemas/Problem", node).forEach(m -> violations.add(what + ": problem details " + m));
        }
    }

    private void mediaExamples(JsonNode holder, String pointer, List<String> violations) {
        if (!holder.has("schema")) {
            return;
        }
        String schemaPointer = holder.get("schema").has("$ref") ? holder.get("schema").get("$ref").asText().substring(1) : pointer + "/schema";
        if (holder.has("example")) {
            validate(schemaPointer, holder.get("example")).forEach(m -> violations.add(pointer + "/example " + m));
        }
        holder.path("examples").fields().forEachRemaining(example -> {
            JsonNode value = resolve(example.getValue()).path("value");
            if (!value.isMissingNode()) {
                validate(schemaPointer, value).forEach(m -> violations.add(pointer + "/examples/" + example.getKey() + " " + m));
            }
        });
        if (!holder.get("schema").has("$ref")) {
            schemaExamples(holder.get("schema"), pointer + "/schema", violations);
        }
    }

    /** The examples of a schema and of every schema inside it. */
    private void schemaExamples(JsonNode schema, String pointer, List<String> violations) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("example")) {
            validate(pointer, schema.get("example")).forEach(m -> violations.add(pointer + "/example " + m));
        }
        for (int index = 0; index < schema.path("examples").size(); index++) {
            String where = pointer + "/examples/" + index + " ";
            validate(pointer, schema.path("examples").get(index)).forEach(m -> violations.add(where + m));
        }
        schema.path("properties").fields().forEachRemaining(p -> schemaExamples(p.getValue(), pointer + "/properties/" + escape(p.getKey()), violations));
        for (String single : List.of("items", "additionalProperties", "not")) {
            if (schema.has(single)) {
                schemaExamples(schema.get(single), pointer + "/" + single, violations);
            }
        }
        for (String list : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            int i = 0;
            for (JsonNode sub : schema.path(list)) {
                schemaExamples(sub, pointer + "/" + list + "/" + i++, violations);
            }
        }
    }

    // ---- schemas

    /** The schema at a JSON pointer into the document, applied to a value: each failure as "at /pointer: message (schema ...)". */
    private List<String> validate(String pointer, JsonNode value) {
        JsonSchema schema = schemas.computeIfAbsent(pointer, p -> {
            JsonSchema loaded = factory.getSchema(SchemaLocation.of(iri + "#" + fragment(p)), config);
            loaded.initializeValidators();
            return loaded;
        });
        List<String> messages = new ArrayList<>();
        schema.validate(value).stream().sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
                .forEach(m -> messages.add(describe(m)));
        return messages;
    }

    private String describe(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String schema = message.getSchemaLocation().toString();
        int hash = schema.indexOf('#');
        return "at " + (location.isEmpty() ? "/" : location) + ": " + message.getError()
                + " (schema " + (hash >= 0 ? schema.substring(hash) : schema) + ")";
    }

    /** A header's text as the JSON value its schema describes. */
    private static JsonNode typed(String value, JsonNode schema) {
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText("string");
        try {
            return switch (type) {
                case "integer" -> JsonNodeFactory.instance.numberNode(Long.parseLong(value.trim()));
                case "number" -> JsonNodeFactory.instance.numberNode(Double.parseDouble(value.trim()));
                default -> JsonNodeFactory.instance.textNode(value);
            };
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(value);
        }
    }

    /** A node with a local $ref followed (Reference Objects of responses, headers, request bodies, examples). */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < MAX_REFERENCE_HOPS; hops++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** The pointer of the node a Reference Object at this pointer leads to (the pointer itself when it is none). */
    private String target(String pointer) {
        String current = pointer;
        for (int hops = 0; document.at(current).has("$ref") && hops < MAX_REFERENCE_HOPS; hops++) {
            current = document.at(current).get("$ref").asText().substring(1);
        }
        return current;
    }

    // ---- paths and media types

    /** The documented path template a concrete path matches, the one with the most literal segments first. */
    private Optional<String> template(String path) {
        String[] segments = path.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> names = document.path("paths").fieldNames(); names.hasNext();) {
            String candidate = names.next();
            String[] parts = candidate.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean match = true;
            for (int i = 0; i < parts.length && match; i++) {
                if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                    match = !segments[i].isEmpty();
                } else {
                    match = parts[i].equals(segments[i]);
                    literals++;
                }
            }
            if (match && literals > bestLiterals) {
                best = candidate;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean matches(String documented, String actual) {
        String range = documented.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (range.equals("*/*") || range.equals(actual)) {
            return true;
        }
        return range.endsWith("/*") && actual.startsWith(range.substring(0, range.length() - 1));
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static List<String> label(JsonNode operation, String template, String method, List<String> violations) {
        if (violations.isEmpty()) {
            return violations;
        }
        String id = operation.path("operationId").asText("");
        String prefix = method.toUpperCase(Locale.ROOT) + " " + template + (id.isEmpty() ? "" : " (" + id + ")") + ": ";
        return violations.stream().map(v -> prefix + v).toList();
    }

    /** A JSON pointer reference token: ~ and / escaped (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: characters a URI may not hold, percent-encoded (RFC 6901, section 6). */
    private static String fragment(String pointer) {
        StringBuilder fragment = new StringBuilder();
        for (char c : pointer.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "/~-._!$&'()*+,;=:@".indexOf(c) >= 0) {
                fragment.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    fragment.append('%').append(String.format("%02X", b));
                }
            }
        }
        return fragment.toString();
    }
}
