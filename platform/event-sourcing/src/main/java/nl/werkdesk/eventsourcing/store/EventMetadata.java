package nl.werkdesk.eventsourcing.store;

import java.util.UUID;

/**
 * Who and what caused an event: the acting user (token subject), the request or message it belongs to,
 * the event that caused it (for events caused by other events) and the W3C trace context.
 */
public record EventMetadata(String actor, UUID correlationId, UUID causationId, String traceparent) {

    public static EventMetadata byActor(String actor) {
        return new EventMetadata(actor, UUID.randomUUID(), null, null);
    }

    /** For an event a service appends because it consumed another's: the consumer acts, the event caused it. */
    public static EventMetadata causedBy(String consumer, UUID causingEventId) {
        return new EventMetadata("consumer:" + consumer, causingEventId, causingEventId, null);
    }
}
