package nl.werkdesk.eventsourcing.consumer;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event from another service's topic: its id (for deduplication), subject (stream id) and data. */
public record IncomingEvent<E>(UUID eventId, String cloudEventType, UUID subject, OffsetDateTime time, long sequence, E event) {
}
