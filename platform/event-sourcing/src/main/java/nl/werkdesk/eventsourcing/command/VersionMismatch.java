package nl.werkdesk.eventsourcing.command;

/** The client's If-Match names a version the stream no longer has (HTTP 412). */
public class VersionMismatch extends RuntimeException {

    public VersionMismatch(long expected, long actual) {
        super("If-Match names version " + expected + " but the current version is " + actual, null, false, false);
    }

    /** Another command appended between the client's read and this append. */
    public VersionMismatch(long expected) {
        super("If-Match names version " + expected + " but another change was made at the same time", null, false, false);
    }
}
