package nl.werkdesk.eventsourcing.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every service's OpenAPI document follow the house conventions and the NL API Design Rules without
 * annotating each operation, and say exactly what the services answer:
 * <ul>
 * <li>the major version in the server URL;</li>
 * <li>on every response the API-Version header; on a success whose body carries the resource's {@code version} the
 * ETag that repeats it; on 201 and 202 the Location; on 503 the Retry-After;</li>
 * <li>problem details on every error the operation can answer, derived from what it takes and gives: 400 with a body
 * or parameters, 404 with a path parameter, 406 when it answers with a body, 409 on a POST, 412 with If-Match, 413 and
 * 415 with a body, 422 with an Idempotency-Key, 401, 403, 500 and 503 everywhere;</li>
 * <li>absent values: every property of a response's object schemas is required, because every field is always
 * written; a field that can be absent is JSON null and says so with {@code @Schema(nullable = true)}, which
 * SmallRye renders as {@code type: [X, "null"]} or {@code anyOf: [X, {type: null}]}. Nothing else is nullable.</li>
 * </ul>
 */
public class OpenApiConventions implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String API_VERSION = "API-Version";
    static final String ETAG = "ETag";
    static final String LOCATION = "Location";
    static final String RETRY_AFTER = "Retry-After";
    private static final String SCHEMAS = "#/components/schemas/";
    /** The property of a response body that the ETag repeats (the stream version). */
    private static final String VERSION_PROPERTY = "version";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String basePath = ConfigProvider.getConfig().getOptionalValue("werkdesk.openapi.base-path", String.class).orElse("/api/v1");
        openAPI.servers(List.of(OASFactory.createServer().url(basePath).description("This service, major version " + basePath.substring(basePath.lastIndexOf('/') + 1))));
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.components(components);
        components.addSchema("Problem", problemSchema());
        components.addHeader(API_VERSION, header("The full version of the API that answered (semantic versioning)", "1.0.0"));
        components.addHeader(ETAG, header("The version of the resource; send it back in If-Match to change it only if nobody else did", "\"3\""));
        components.addHeader(LOCATION, header("Where the new resource (for 202: the progress of the work) can be read", "/api/v1/participants/0d5e1c9a-3f4b-4e8a-9c1d-2b3a4c5d6e7f"));
        components.addHeader(RETRY_AFTER, header("Seconds after which a retry may succeed", "5"));
        if (openAPI.getPaths() == null) {
            return;
        }
        Paths stripped = OASFactory.createPaths();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            String relative = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
            stripped.addPathItem(relative.isEmpty() ? "/" : relative, item);
            item.getOperations().forEach((method, operation) -> conventions(relative, method, operation, components));
        });
        openAPI.paths(stripped);
        absentValuesAreNull(stripped, components);
    }

    private static void conventions(String path, PathItem.HttpMethod method, Operation operation, Components components) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.responses(responses);
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasPathParameter = path.contains("{");
        boolean hasParameters = hasPathParameter || (operation.getParameters() != null && !operation.getParameters().isEmpty());

        Map<String, String> errors = new LinkedHashMap<>();
        if (hasBody || hasParameters || method == PathItem.HttpMethod.POST) {
            errors.put("400", "Invalid input: the problem's invalidParams name each field or parameter and why");
        }
        errors.put("401", "No valid bearer token");
        errors.put("403", "The token's role does not allow this");
        if (hasPathParameter) {
            errors.put("404", "No resource with this id");
        }
        if (answersWithABody(responses)) {
            errors.put("406", "The Accept header asks for a media type this operation does not answer in");
        }
        if (method == PathItem.HttpMethod.POST) {
            errors.put("409", "Refused by the state of the resource, or a concurrent change");
        }
        if (hasHeader(operation, "If-Match")) {
            errors.put("412", "If-Match names a version the resource no longer has");
        }
        if (hasBody) {
            errors.put("413", "The request body is too large");
            errors.put("415", "The request body is not application/json");
        }
        if (hasHeader(operation, "Idempotency-Key")) {
            errors.put("422", "The Idempotency-Key was used before for a different request");
        }
        errors.put("500", "An unexpected error; nothing was changed");
        errors.put("503", "A backing service is temporarily unavailable; nothing was changed, retry later");
        errors.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });

        responses.getAPIResponses().forEach((status, response) -> {
            Map<String, Header> headers = response.getHeaders() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(response.getHeaders());
            headers.putIfAbsent(API_VERSION, ref(API_VERSION));
            if (status.startsWith("4") || status.startsWith("5")) {
                // Problem content documented already (a refusal's problem types, RefusalsFilter) is kept.
                if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
                    response.content(problemContent());
                }
            } else if (carriesVersion(response, components)) {
                headers.putIfAbsent(ETAG, ref(ETAG));
            }
            if (status.equals("201") || status.equals("202")) {
                headers.putIfAbsent(LOCATION, ref(LOCATION));
            }
            if (status.equals("503")) {
                headers.putIfAbsent(RETRY_AFTER, ref(RETRY_AFTER));
            }
            response.headers(headers);
        });
    }

    private static boolean answersWithABody(APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream().anyMatch(e -> e.getKey().startsWith("2")
                && e.getValue().getContent() != null && e.getValue().getContent().getMediaTypes() != null
                && !e.getValue().getContent().getMediaTypes().isEmpty());
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    /** A success whose JSON body is an object with the resource's version: the ETag repeats it. */
    private static boolean carriesVersion(APIResponse response, Components components) {
        if (response.getContent() == null || response.getContent().getMediaType("application/json") == null) {
            return false;
        }
        Schema schema = target(response.getContent().getMediaType("application/json").getSchema(), components);
        return schema != null && schema.getProperties() != null && schema.getProperties().containsKey(VERSION_PROPERTY);
    }

    // ---- absent values

    /**
     * Every object schema a success answers with lists all its properties as required (they are always written, as
     * null where absent), and a nullable reference says only that (SmallRye keeps a {@code type} beside its
     * {@code anyOf}, which with a description even forbids the null).
     */
    private static void absentValuesAreNull(Paths paths, Components components) {
        Set<Schema> inResponses = reachable(paths, components, true);
        Set<Schema> inRequests = reachable(paths, components, false);
        for (Schema schema : inResponses) {
            if (schema.getProperties() == null || schema.getProperties().isEmpty() || schema.getRef() != null) {
                continue;
            }
            if (inRequests.contains(schema)) {
                throw new IllegalStateException("The schema with properties " + schema.getProperties().keySet()
                        + " is both a request and a response; give each its own record, so that the response can require every field");
            }
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        }
        Set<Schema> all = identitySet();
        all.addAll(inResponses);
        all.addAll(inRequests);
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(schema -> walk(schema, components, all, false));
        }
        all.forEach(OpenApiConventions::onlyNullWhereNullable);
    }

    /**
     * A nullable reference is {@code anyOf: [{$ref}, {type: null}]} and nothing else: a type beside it says it twice or wrong.
     * So is a plain reference: its target says the type (SmallRye writes {@code type: object} beside the reference of a class
     * whose {@code @Schema(ref)} names a schema that is no object). A nullable value with an enumeration has null among its
     * values, which the enumeration would otherwise forbid.
     */
    private static void onlyNullWhereNullable(Schema schema) {
        List<Schema> alternatives = schema.getAnyOf() != null ? schema.getAnyOf() : schema.getOneOf();
        boolean nullable = alternatives != null && alternatives.stream()
                .anyMatch(a -> a.getType() != null && a.getType().equals(List.of(SchemaType.NULL)));
        if (nullable || schema.getRef() != null) {
            schema.setType(null);
        }
        if (schema.getType() != null && schema.getType().contains(SchemaType.NULL) && schema.getEnumeration() != null
                && !schema.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
    }

    /** Every schema (components included, once) inside the successes' bodies, or inside the request bodies. */
    private static Set<Schema> reachable(Paths paths, Components components, boolean responses) {
        Set<Schema> seen = identitySet();
        Consumer<Content> visit = content -> {
            if (content != null && content.getMediaTypes() != null) {
                content.getMediaTypes().values().forEach(media -> walk(media.getSchema(), components, seen, true));
            }
        };
        paths.getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (responses && operation.getResponses() != null) {
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("2") || status.startsWith("3")) {
                        visit.accept(response.getContent());
                    }
                });
            } else if (!responses && operation.getRequestBody() != null) {
                visit.accept(operation.getRequestBody().getContent());
            }
        }));
        return seen;
    }

    private static void walk(Schema schema, Components components, Set<Schema> seen, boolean followReferences) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (followReferences) {
            walk(target(schema, components), components, seen, true);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> walk(p, components, seen, followReferences));
        }
        walk(schema.getItems(), components, seen, followReferences);
        walk(schema.getAdditionalPropertiesSchema(), components, seen, followReferences);
        for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems())) {
            if (list != null) {
                list.forEach(s -> walk(s, components, seen, followReferences));
            }
        }
    }

    /** Schemas by identity: two properties alike are still two places of the document. */
    private static Set<Schema> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** The component a schema refers to, or the schema itself. */
    private static Schema target(Schema schema, Components components) {
        if (schema == null || schema.getRef() == null || !schema.getRef().startsWith(SCHEMAS) || components.getSchemas() == null) {
            return schema;
        }
        return components.getSchemas().get(schema.getRef().substring(SCHEMAS.length()));
    }

    // ---- building blocks

    private static Header ref(String header) {
        return OASFactory.createHeader().ref(header);
    }

    private static Header header(String description, String example) {
        return OASFactory.createHeader().description(description).required(true)
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).examples(List.of(example)));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Schema invalidParam = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .required(List.of("name", "reason"))
                .addProperty("name", text("The field (a JSON path such as languages[1]) or parameter name"))
                .addProperty("reason", text("Why it is not acceptable"));
        List<String> required = new ArrayList<>(List.of("type", "title", "status", "detail"));
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("Problem details (RFC 9457); members without a value are left out")
                .required(required)
                .addProperty("type", text("A URI that identifies the kind of problem").examples(List.of("urn:nld:werkdesk:problem:invalid-input")))
                .addProperty("title", text("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).description("The HTTP status code"))
                .addProperty("detail", text("What went wrong in this case, in words a person can act on"))
                .addProperty("instance", text("The request path the problem occurred on"))
                .addProperty("invalidParams", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("The fields or parameters that were not acceptable (400 only)").items(invalidParam));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

}
