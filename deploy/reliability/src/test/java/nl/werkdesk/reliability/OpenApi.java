package nl.werkdesk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as the build wrote it (target/openapi/openapi.json): its operations, the roles each
 * allows, its parameters and request schemas, and a request body that satisfies a schema, for mutating one field at
 * a time.
 */
final class OpenApi {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String BASE_DATE = "2025-03-03";
    private static final AtomicLong V_NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    final String module;
    private final JsonNode document;

    record Operation(String module, String method, String path, List<String> roles, List<String> pathParameters,
            List<String> queryParameters, JsonNode requestSchema) {

        String id() {
            return method + " " + module + path;
        }

        boolean hasBody() {
            return requestSchema != null;
        }

        /** The path with every path parameter replaced by this value (URL-encoded by the caller when it must be). */
        String path(String value) {
            String concrete = path;
            for (String parameter : pathParameters) {
                concrete = concrete.replace("{" + parameter + "}", value);
            }
            return concrete;
        }
    }

    private OpenApi(String module, JsonNode document) {
        this.module = module;
        this.document = document;
    }

    private static final Map<String, OpenApi> DOCUMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    static OpenApi of(String module) {
        return DOCUMENTS.computeIfAbsent(module, OpenApi::read);
    }

    private static OpenApi read(String module) {
        // The snapshot the stack runs: the documents of the very builds under test.
        Path file = ReliabilityStack.get().settings.root().resolve(module).resolve("target/openapi/openapi.json");
        try {
            return new OpenApi(module, Http.JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (the service's build writes it)", e);
        }
    }

    static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (String module : List.of(ReliabilityStack.PARTICIPANT, ReliabilityStack.EMPLOYER, ReliabilityStack.PERMIT,
                ReliabilityStack.PLACEMENT, ReliabilityStack.REPORTING)) {
            operations.addAll(of(module).operations());
        }
        return operations;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<String> roles = new ArrayList<>();
                operation.path("security").forEach(requirement -> requirement.fields()
                        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                List<String> pathParameters = new ArrayList<>();
                List<String> queryParameters = new ArrayList<>();
                operation.path("parameters").forEach(parameter -> {
                    if ("path".equals(parameter.path("in").asText())) {
                        pathParameters.add(parameter.path("name").asText());
                    } else if ("query".equals(parameter.path("in").asText())) {
                        queryParameters.add(parameter.path("name").asText());
                    }
                });
                JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(module, method.getKey().toUpperCase(), path.getKey(), List.copyOf(roles),
                        pathParameters, queryParameters, schema.isMissingNode() ? null : resolve(schema)));
            }
        }
        return operations;
    }

    /** A schema with its $ref followed (the referring node's own keywords kept). */
    JsonNode resolve(JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return schema;
        }
        String ref = schema.get("$ref").asText();
        JsonNode target = document.at(ref.substring(1));
        ObjectNode merged = ((ObjectNode) resolve(target)).deepCopy();
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref") && !merged.has(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    /** A value that satisfies the schema: required properties only, the first enum value, a past date. */
    JsonNode valid(JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                List<String> required = required(schema);
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (required.contains(property.getKey())) {
                        object.set(property.getKey(), valid(property.getValue()));
                    }
                });
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                array.add(valid(schema.path("items")));
                return array;
            }
            case "integer":
                return NODES.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1);
            case "number":
                return NODES.numberNode(1.0);
            case "boolean":
                return NODES.booleanNode(false);
            default:
                return NODES.textNode(validText(schema));
        }
    }

    static String validText(JsonNode schema) {
        String format = schema.path("format").asText("");
        String pattern = schema.path("pattern").asText("");
        if (format.equals("date")) {
            return BASE_DATE;
        }
        if (format.equals("date-time")) {
            return BASE_DATE + "T10:00:00Z";
        }
        if (format.equals("uuid") || pattern.startsWith("[a-fA-F0-9]{8}")) {
            return UUID.randomUUID().toString();
        }
        return switch (pattern) {
            case "[0-9]{10}" -> String.format("%010d", V_NUMBERS.incrementAndGet() % 10_000_000_000L);
            case "[0-9]{8}" -> "12345678";
            case "[A-Z]{3}" -> "SYR";
            case "[a-z]{2,3}" -> "ar";
            case "\\+?[0-9][0-9 ()-]{5,28}" -> "+31 20 1234567";
            case "^[0-9]{4}-[0-9]{2}$" -> "2025-03";
            default -> "Werkdesk";
        };
    }

    static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return "string";
    }

    static List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }
}
