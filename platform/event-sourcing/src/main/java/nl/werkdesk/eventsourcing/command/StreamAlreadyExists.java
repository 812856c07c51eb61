package nl.werkdesk.eventsourcing.command;

import java.util.UUID;

/** A command that starts a stream named one that already exists. */
public class StreamAlreadyExists extends RuntimeException {

    public StreamAlreadyExists(String streamType, UUID streamId) {
        super(streamType + " " + streamId + " already exists", null, false, false);
    }
}
