package nl.werkdesk.eventsourcing.cloudevents;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One CloudEvent as Werkdesk puts it on Kafka (NL GOV profile): the id, the producing service, the type, the stream
 * it is about and its version within that stream, the business time, the schema of the data, the W3C trace context
 * when there is one, and the data as JSON text.
 */
public record CloudEvent(UUID id, URI source, String type, UUID subject, OffsetDateTime time, long sequence, URI dataSchema,
                         String traceparent, String data) {
}
