package nl.werkdesk.reporting.view;

import nl.werkdesk.eventsourcing.core.RejectionCode;

/** Why a projection rebuild is not started: its own problem type (urn:nld:werkdesk:problem:<code>). */
public enum ProjectionRebuildRejection implements RejectionCode {
    /** Another replica's rebuild still reports; it is replaced only when it stops reporting (rebuild.stale-after). */
    REBUILD_ALREADY_RUNNING(Kind.STATE, "A projection rebuild is already running");

    private final Kind kind;
    private final String title;

    ProjectionRebuildRejection(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
