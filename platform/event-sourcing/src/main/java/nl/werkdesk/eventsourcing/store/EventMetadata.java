package nl.werkdesk.eventsourcing.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;
import nl.werkdesk.eventsourcing.tracing.TraceContext;

/**
 * Who and what caused an event: the acting user (token subject), the request or message it belongs to,
 * the event that caused it (for events caused by other events) and the W3C trace context ({@code traceparent},
 * {@code tracestate}) of the span that appended it, which the relay carries on to Kafka. Rows written before the
 * trace state was kept read it as null.
 */
public record EventMetadata(String actor, UUID correlationId, UUID causationId, String traceparent, String tracestate) {

    /** Metadata of an event the acting user causes, in the current trace (a command's server span). */
    public static EventMetadata byActor(String actor) {
        return new EventMetadata(actor, UUID.randomUUID(), null, TraceContext.current());
    }

    /**
     * For an event a service appends because it consumed another's: the consumer acts, the event caused it, and the
     * consumer's span (current while the kernel applies the record) continues the trace.
     */
    public static EventMetadata causedBy(String consumer, UUID causingEventId) {
        return new EventMetadata("consumer:" + consumer, causingEventId, causingEventId, TraceContext.current());
    }

    public EventMetadata(String actor, UUID correlationId, UUID causationId, TraceContext trace) {
        this(actor, correlationId, causationId, trace.traceparent(), trace.tracestate());
    }

    /** The trace context the event was appended in; {@link TraceContext#NONE} for none. */
    @JsonIgnore
    public TraceContext trace() {
        return new TraceContext(traceparent, tracestate);
    }
}
