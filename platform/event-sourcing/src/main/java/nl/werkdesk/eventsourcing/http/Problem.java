package nl.werkdesk.eventsourcing.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error response as RFC 9457 problem details, with the NL API Design Rules' invalidParams on 400.
 * Documented in every OpenAPI document by {@link OpenApiConventions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A field (a JSON path such as languages[1]) or parameter that was not acceptable, and why. */
    public record InvalidParam(String name, String reason) {
    }
}
