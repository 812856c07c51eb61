package nl.werkdesk.eventsourcing.command;

import java.util.UUID;

/** A command or query named a stream that does not exist. */
public class StreamNotFound extends RuntimeException {

    private final String streamType;
    private final UUID streamId;

    public StreamNotFound(String streamType, UUID streamId) {
        super("no " + streamType + " " + streamId, null, false, false);
        this.streamType = streamType;
        this.streamId = streamId;
    }

    public String streamType() {
        return streamType;
    }

    public UUID streamId() {
        return streamId;
    }
}
