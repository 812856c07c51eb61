package nl.werkdesk.eventsourcing.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.werkdesk.eventsourcing.core.RejectionCode;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * Turns {@link Refusals} on resource methods into their operations' documented problem types: the 400 and 409
 * responses say which codes they can carry (an enum of problem type URIs, and the titles in the description), and a
 * 409 that can mean "not arrived yet" documents its Retry-After header. Runs at build time, before
 * {@link OpenApiConventions}, with the build's class index (which only an {@code @OpenApiFilter} is given), and finds
 * each method's operation by its operationId.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RefusalsFilter implements OASFilter {

    static final String PREFIX = "urn:nld:werkdesk:problem:";
    private static final DotName REFUSALS = DotName.createSimple(Refusals.class.getName());
    private static final DotName ALL = DotName.createSimple(Refusals.All.class.getName());
    private static final DotName OPERATION = DotName.createSimple("org.eclipse.microprofile.openapi.annotations.Operation");

    /** The problem types the kernel itself answers with on each status, beside the domain's codes. */
    private static final Map<String, List<String>> KERNEL_TYPES = Map.of(
            "400", List.of("invalid-input"),
            "409", List.of("concurrent-change", "already-exists"));

    private final Map<String, List<RejectionCode>> byOperation;

    /** Every {@link Refusals} in the index, resolved against its enum; fails (the build) on a code the enum lacks. */
    public RefusalsFilter(IndexView index) {
        this.byOperation = refusalsByOperation(index);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values()
                    .forEach(item -> item.getOperations().values().forEach(this::document));
        }
    }

    private static Map<String, List<RejectionCode>> refusalsByOperation(IndexView index) {
        Map<String, List<RejectionCode>> byOperation = new HashMap<>();
        for (AnnotationInstance refusals : index.getAnnotations(REFUSALS)) {
            // A @Refusals repeated inside @Refusals.All has no target of its own: it is read with its container below.
            if (refusals.target() != null && refusals.target().kind() == AnnotationTarget.Kind.METHOD) {
                add(byOperation, refusals.target(), refusals);
            }
        }
        for (AnnotationInstance all : index.getAnnotations(ALL)) {
            for (AnnotationInstance refusals : all.value().asNestedArray()) {
                add(byOperation, all.target(), refusals);
            }
        }
        return byOperation;
    }

    private static void add(Map<String, List<RejectionCode>> byOperation, AnnotationTarget method, AnnotationInstance refusals) {
        AnnotationInstance operation = method.asMethod().annotation(OPERATION);
        String where = method.asMethod().declaringClass().name() + "." + method.asMethod().name();
        if (operation == null || operation.value("operationId") == null) {
            throw new IllegalStateException(where + " has @Refusals but no @Operation(operationId = ...)");
        }
        RejectionCode[] known = codesOf(refusals.value("of").asClass().name().toString(), where);
        List<RejectionCode> codes = byOperation.computeIfAbsent(operation.value("operationId").asString(), id -> new ArrayList<>());
        for (String code : refusals.value().asStringArray()) {
            codes.add(Arrays.stream(known).filter(candidate -> candidate.code().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(where + " lists the refusal " + code + ", which is not one of "
                            + Arrays.stream(known).map(RejectionCode::code).toList())));
        }
    }

    private static RejectionCode[] codesOf(String enumName, String where) {
        try {
            Class<?> type = Class.forName(enumName, false, Thread.currentThread().getContextClassLoader());
            if (!type.isEnum() || !RejectionCode.class.isAssignableFrom(type)) {
                throw new IllegalStateException(where + ": " + enumName + " is not an enum of rejection codes");
            }
            return (RejectionCode[]) type.getEnumConstants();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(where + ": cannot load " + enumName, e);
        }
    }

    /** Documents the operation's codes on its 400 and 409 responses. */
    private void document(Operation operation) {
        List<RejectionCode> codes = operation.getOperationId() == null ? List.of() : byOperation.getOrDefault(operation.getOperationId(), List.of());
        if (codes.isEmpty()) {
            return;
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.responses(responses);
        Map<String, List<RejectionCode>> byStatus = codes.stream().distinct()
                .collect(Collectors.groupingBy(code -> code.kind() == RejectionCode.Kind.FIELD ? "400" : "409"));
        byStatus.forEach((status, statusCodes) -> {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(status.equals("400")
                        ? "Invalid input: the problem's invalidParams name each field or parameter and why"
                        : "Refused by the state of the resource, or a concurrent change");
                responses.addAPIResponse(status, response);
            }
            Set<String> types = new LinkedHashSet<>();
            KERNEL_TYPES.getOrDefault(status, List.of()).forEach(kernel -> types.add(PREFIX + kernel));
            statusCodes.forEach(code -> types.add(PREFIX + code.code()));
            response.description(response.getDescription() + ". Refusals: " + statusCodes.stream()
                    .map(code -> code.code() + " (" + code.title() + (code.kind() == RejectionCode.Kind.NOT_YET_KNOWN
                            ? "; another service's fact has not arrived yet: retry after Retry-After seconds" : "") + ")")
                    .collect(Collectors.joining(", ")));
            response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(
                    OASFactory.createSchema().addAllOf(OASFactory.createSchema().ref(OpenApiConventions.PROBLEM_REF)).addAllOf(
                            OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("type",
                                    OASFactory.createSchema().addType(SchemaType.STRING).enumeration(List.copyOf(types)))))));
            if (statusCodes.stream().anyMatch(code -> code.kind() == RejectionCode.Kind.NOT_YET_KNOWN)) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds after which a fact another service publishes has likely arrived, for a not-yet-known refusal")
                        .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
            }
        });
    }
}
