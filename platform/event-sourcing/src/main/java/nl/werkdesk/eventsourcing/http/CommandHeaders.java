package nl.werkdesk.eventsourcing.http;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestHeader;

/** The request headers every command endpoint understands; use as a {@code @BeanParam}. */
public class CommandHeaders {

    @RestHeader("If-Match")
    @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = false,
            description = "The ETag (stream version) the client last saw; the command is refused with 412 when the resource has changed since.")
    public String ifMatch;

    @RestHeader("Idempotency-Key")
    @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = false,
            description = "A unique key per intended change (e.g. a UUID). Repeating the request with the same key and body replays the first response; the same key with another body is refused with 422.")
    public String idempotencyKey;

    // OpenTelemetry's propagator reads it (the command's server span joins the caller's trace); declared here so that
    // the OpenAPI document names it. The events record the server span's context, not this header (EventMetadata).
    @RestHeader("traceparent")
    @Parameter(in = ParameterIn.HEADER, name = "traceparent", required = false,
            description = "W3C trace context; the command joins this trace, and the events it causes carry it on to Kafka.")
    public String traceparent;
}
