package nl.werkdesk.eventsourcing.command;

import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.store.RecordedEvent;

/** The state of a stream after a command, its version (the ETag) and the events the command appended. */
public record CommandResult<S, E>(UUID streamId, S state, long version, List<RecordedEvent<E>> appended) {
}
