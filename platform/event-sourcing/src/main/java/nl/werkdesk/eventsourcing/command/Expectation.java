package nl.werkdesk.eventsourcing.command;

/** Whether a command starts a new stream (register) or acts on an existing one (complete intake). */
public enum Expectation {
    NEW_STREAM,
    EXISTING_STREAM
}
