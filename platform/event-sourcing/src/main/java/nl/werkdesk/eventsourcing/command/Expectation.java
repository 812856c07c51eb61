package nl.werkdesk.eventsourcing.command;

/**
 * Whether a command starts a new stream (register), acts on an existing one (complete intake), or acts on a
 * stream that the first command of any kind starts (a programme's one ledger).
 */
public enum Expectation {
    NEW_STREAM,
    EXISTING_STREAM,
    ANY_STREAM
}
