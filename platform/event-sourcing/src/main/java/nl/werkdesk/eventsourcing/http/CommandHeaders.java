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

    @RestHeader("traceparent")
    @Parameter(in = ParameterIn.HEADER, name = "traceparent", required = false,
            description = "W3C trace context; recorded with the events this command causes.")
    public String traceparent;
}
