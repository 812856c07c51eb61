package nl.werkdesk.eventsourcing.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.werkdesk.eventsourcing.Unavailability;
import nl.werkdesk.eventsourcing.command.StreamAlreadyExists;
import nl.werkdesk.eventsourcing.command.StreamNotFound;
import nl.werkdesk.eventsourcing.command.VersionMismatch;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.eventsourcing.core.RejectionCode;
import nl.werkdesk.eventsourcing.store.ConcurrencyConflict;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure a client can cause or meet, as application/problem+json: a clear 4xx that names the field,
 * a 503 when a backing service is away, and never a stack trace. Logs never carry request values, which
 * may be personal data.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String PREFIX = "urn:nld:werkdesk:problem:";
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * A refusal by the domain: its code is the problem type and its title the problem's title, the sentence the
     * detail. A field refusal is a 400 naming the field; a fact not arrived yet a 409 with Retry-After, so that a
     * client retries it and only it.
     */
    @ServerExceptionMapper
    public Response rejected(Rejected rejected, HttpServerRequest request) {
        RejectionCode code = rejected.code();
        return switch (code.kind()) {
            case FIELD -> {
                String field = rejected.field().orElseThrow();
                yield build(new Problem(PREFIX + code.code(), code.title(), 400, "The command was refused: " + field + " " + rejected.reason(),
                        request.path(), List.of(new Problem.InvalidParam(field, rejected.reason()))));
            }
            case STATE -> problem(409, code.code(), code.title(), rejected.reason(), request);
            case NOT_YET_KNOWN -> Response.fromResponse(problem(409, code.code(), code.title(), rejected.reason(), request))
                    .header(HttpHeaders.RETRY_AFTER, notYetKnownRetryAfter())
                    .build();
        };
    }

    private static String notYetKnownRetryAfter() {
        return String.valueOf(ConfigProvider.getConfig().getOptionalValue("werkdesk.http.not-yet-known-retry-after", Duration.class)
                .orElse(Duration.ofSeconds(2)).toSeconds());
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter invalid, HttpServerRequest request) {
        return invalid(request, invalid.name() + " " + invalid.reason(), List.of(new Problem.InvalidParam(invalid.name(), invalid.reason())));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, HttpServerRequest request) {
        List<Problem.InvalidParam> params = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.InvalidParam(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.InvalidParam::name))
                .distinct()
                .toList();
        return invalid(request, "The request has " + params.size() + " invalid field(s): "
                + String.join(", ", params.stream().map(Problem.InvalidParam::name).toList()), params);
    }

    /** Named one by one: Quarkus REST has its own mappers for some of these, which a more general type would not override. */
    @ServerExceptionMapper({JsonProcessingException.class, com.fasterxml.jackson.core.JsonParseException.class,
            UnrecognizedPropertyException.class, InvalidFormatException.class, MismatchedInputException.class,
            ValueInstantiationException.class, com.fasterxml.jackson.databind.exc.InvalidTypeIdException.class,
            com.fasterxml.jackson.databind.exc.InvalidNullException.class, JsonMappingException.class})
    public Response unreadableJson(JsonProcessingException exception, HttpServerRequest request) {
        return jsonProblem(exception, request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, HttpServerRequest request) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return jsonProblem(json, request);
            }
        }
        int status = exception.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        if (status == 400) {
            return invalid(request, "The request could not be read", List.of(new Problem.InvalidParam("body", "could not be read")));
        }
        if (status == 413) {
            return problem(413, "too-large", "Request too large", "The request body is larger than this API accepts", request);
        }
        return problem(status, slug(title), title, switch (status) {
            case 404 -> "There is no resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource cannot answer in the media type asked for";
            case 415 -> "This resource accepts application/json";
            default -> title;
        }, request);
    }

    @ServerExceptionMapper
    public Response notFound(StreamNotFound notFound, HttpServerRequest request) {
        return problem(404, "not-found", "Not found", "There is no " + notFound.streamType() + " with id " + notFound.streamId(), request);
    }

    @ServerExceptionMapper
    public Response alreadyExists(StreamAlreadyExists exists, HttpServerRequest request) {
        return problem(409, "already-exists", "Already exists", exists.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response concurrencyConflict(ConcurrencyConflict conflict, HttpServerRequest request) {
        return problem(409, "concurrent-change", "Concurrent change",
                "Another change to this resource was made at the same time; read it again and retry", request);
    }

    @ServerExceptionMapper
    public Response versionMismatch(VersionMismatch mismatch, HttpServerRequest request) {
        return problem(412, "version-mismatch", "Precondition failed", mismatch.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReused reused, HttpServerRequest request) {
        return problem(422, "idempotency-key-reused", "Idempotency-Key reused", reused.getMessage(), request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException exception, HttpServerRequest request) {
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized",
                        "A valid bearer token is required", request))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, HttpServerRequest request) {
        return problem(403, "forbidden", "Forbidden", "Your role does not allow this", request);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable failure, HttpServerRequest request) {
        if (Unavailability.isUnavailable(failure)) {
            LOG.warnf("503 on %s %s: a backing service is unavailable (%s)", request.method(), request.path(), Unavailability.describe(failure));
            return Response.fromResponse(problem(503, "unavailable", "Service unavailable",
                            "A backing service is temporarily unavailable; nothing was changed. Retry in a few seconds.", request))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf("500 on %s %s, incident %s: %s", request.method(), request.path(), incident, Unavailability.describe(failure));
        return problem(500, "internal", "Internal error",
                "Something went wrong on our side; nothing was changed. Incident " + incident, request);
    }

    private static Response jsonProblem(JsonProcessingException exception, HttpServerRequest request) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return invalid(request, "Unknown field " + field, List.of(new Problem.InvalidParam(field, "is not a field of this request")));
        }
        if (exception instanceof InvalidFormatException format) {
            String field = path(format);
            String expected = format.getTargetType() == null ? "another type" : describe(format.getTargetType());
            return invalid(request, field + " must be " + expected, List.of(new Problem.InvalidParam(field, "must be " + expected)));
        }
        if (exception instanceof ValueInstantiationException instantiation) {
            String field = path(instantiation);
            String reason = instantiation.getCause() == null ? "is not valid" : String.valueOf(instantiation.getCause().getMessage());
            return invalid(request, field + " " + reason, List.of(new Problem.InvalidParam(field, reason)));
        }
        if (exception instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            String expected = mismatched.getTargetType() == null ? "of another type" : describe(mismatched.getTargetType());
            return invalid(request, field + " must be " + expected, List.of(new Problem.InvalidParam(field, "must be " + expected)));
        }
        if (exception instanceof DatabindException databind && databind instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return invalid(request, field + " is not valid", List.of(new Problem.InvalidParam(field, "is not valid")));
        }
        return invalid(request, "The body is not well-formed JSON", List.of(new Problem.InvalidParam("body", "is not well-formed JSON")));
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(ProblemMappers::jsonName).toList();
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (yyyy-mm-dd)";
            case "UUID" -> "a UUID";
            case "Integer", "int", "Long", "long", "Short", "short" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "BigDecimal", "Double", "double" -> "a number";
            case "String" -> "a string";
            case "List", "Set" -> "an array";
            default -> type.isRecord() ? "an object" : "of type " + type.getSimpleName();
        };
    }

    private static String jsonName(Object constant) {
        try {
            var property = constant.getClass().getField(((Enum<?>) constant).name())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return property == null ? ((Enum<?>) constant).name() : property.value();
        } catch (NoSuchFieldException e) {
            return ((Enum<?>) constant).name();
        }
    }

    /** The JSON path of the failing field: personalData.name, languages[1]. */
    static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The field a Bean Validation violation is about, without the Java method and parameter names. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && !field.isEmpty()) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null || parameter.equals("body") ? "body" : parameter;
    }

    static Response invalid(HttpServerRequest request, String detail, List<Problem.InvalidParam> params) {
        return build(new Problem(PREFIX + "invalid-input", "Invalid input", 400, detail, request.path(), params));
    }

    static Response problem(int status, String kind, String title, String detail, HttpServerRequest request) {
        return build(new Problem(PREFIX + kind, title, status, detail, request.path(), null));
    }

    private static Response build(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
