package nl.werkdesk.eventsourcing.cloudevents;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.werkdesk.eventsourcing.tracing.TraceContext;

/**
 * One CloudEvent as Werkdesk puts it on Kafka (NL GOV profile): the id, the producing service, the type, the stream
 * it is about and its version within that stream, the business time, the schema of the data, the W3C trace context
 * (the distributed-tracing extension; {@link TraceContext#NONE} when there is none), and the data as JSON text.
 */
public record CloudEvent(UUID id, URI source, String type, UUID subject, OffsetDateTime time, long sequence, URI dataSchema,
                         TraceContext trace, String data) {
}
