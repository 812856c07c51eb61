package nl.werkdesk.eventsourcing.store;

import java.util.UUID;

/** Another command appended to the stream first: the expected version is no longer the current one. */
public class ConcurrencyConflict extends RuntimeException {

    private final UUID streamId;
    private final long expectedVersion;

    public ConcurrencyConflict(UUID streamId, long expectedVersion) {
        super("stream " + streamId + " moved on from version " + expectedVersion, null, false, false);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public UUID streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
