package nl.werkdesk.eventsourcing.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every service's OpenAPI document follow the house conventions and the NL API Design Rules without
 * annotating each operation: the major version in the server URL, the API-Version header on every success,
 * the ETag on commands and single resources, and problem details on every error an operation can answer.
 */
public class OpenApiConventions implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String API_VERSION = "API-Version";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String basePath = ConfigProvider.getConfig().getOptionalValue("werkdesk.openapi.base-path", String.class).orElse("/api/v1");
        openAPI.servers(List.of(OASFactory.createServer().url(basePath).description("This service, major version " + basePath.substring(basePath.lastIndexOf('/') + 1))));
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.components(components);
        components.addSchema("Problem", problemSchema());
        components.addHeader(API_VERSION, OASFactory.createHeader()
                .description("The full version of the API that answered (semantic versioning)")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).examples(List.of("1.0.0"))));
        components.addHeader("ETag", OASFactory.createHeader()
                .description("The version of the resource; send it back in If-Match to change it only if nobody else did")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).examples(List.of("\"3\""))));
        if (openAPI.getPaths() == null) {
            return;
        }
        Paths stripped = OASFactory.createPaths();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            String relative = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
            stripped.addPathItem(relative.isEmpty() ? "/" : relative, item);
            item.getOperations().forEach((method, operation) -> conventions(relative, method, operation));
        });
        openAPI.paths(stripped);
    }

    private static void conventions(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.responses(responses);
        boolean hasPathParameter = path.contains("{");
        boolean hasParameters = hasPathParameter || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean isCommand = method == PathItem.HttpMethod.POST;
        boolean singleResource = path.endsWith("}");

        Map<String, String> errors = new LinkedHashMap<>();
        if (isCommand || hasParameters) {
            errors.put("400", "Invalid input: the problem's invalidParams name each field or parameter and why");
        }
        errors.put("401", "No valid bearer token");
        errors.put("403", "The token's role does not allow this");
        if (hasPathParameter) {
            errors.put("404", "No resource with this id");
        }
        if (isCommand) {
            errors.put("409", "Refused by the state of the resource, or a concurrent change");
            if (hasPathParameter) {
                errors.put("412", "If-Match names a version the resource no longer has");
            }
            errors.put("413", "The request body is too large");
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
            if (status.startsWith("4") || status.startsWith("5")) {
                // Problem content documented already (a refusal's problem types, RefusalsFilter) is kept.
                if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
                    response.content(problemContent());
                }
            } else if (status.startsWith("2") || status.startsWith("3")) {
                Map<String, Header> headers = response.getHeaders() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(response.getHeaders());
                headers.putIfAbsent(API_VERSION, OASFactory.createHeader().ref(API_VERSION));
                if (isCommand || singleResource) {
                    headers.putIfAbsent("ETag", OASFactory.createHeader().ref("ETag"));
                }
                response.headers(headers);
            }
        });
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
                .description("Problem details (RFC 9457)")
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
