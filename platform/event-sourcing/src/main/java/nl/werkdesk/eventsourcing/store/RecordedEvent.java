package nl.werkdesk.eventsourcing.store;

import java.time.Instant;
import java.util.UUID;

/** An event as the store holds it: the domain event plus where, when and by whom it was recorded. */
public record RecordedEvent<E>(long globalPosition, UUID eventId, UUID streamId, String streamType, long version,
                               String type, E event, EventMetadata metadata, Instant occurredAt, Instant recordedAt) {
}
