package nl.werkdesk.eventsourcing.command;

import java.util.OptionalLong;
import java.util.UUID;
import nl.werkdesk.eventsourcing.store.EventMetadata;

/**
 * A command addressed to one stream. {@code expectedVersion} is what the client saw (If-Match); without
 * it the handler retries on a concurrent append, deciding again on the fresh state.
 */
public record CommandRequest<C>(UUID streamId, Expectation expectation, C command, OptionalLong expectedVersion,
                                EventMetadata metadata) {
}
