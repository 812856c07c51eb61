package nl.werkdesk.reporting.domain;

import nl.werkdesk.eventsourcing.core.RejectionCode;

/** Why an export's account is refused: each its own problem type (urn:nld:werkdesk:problem:<code>). */
public enum MicrodataExportRejection implements RejectionCode {
    EXPORT_ALREADY_RECORDED(Kind.STATE, "Export already recorded"),
    /** A repeat of an Idempotency-Key whose first export had other records: the file would not be the one accounted for. */
    RECORDS_CHANGED_SINCE_EXPORT(Kind.STATE, "Records changed since the first export with this key"),
    K_BELOW_AGREEMENT(Kind.FIELD, "k below the data-sharing agreement's floor"),
    K_NOT_REACHED(Kind.FIELD, "k not reached"),
    NEGATIVE_COUNT(Kind.FIELD, "Negative count"),
    NOT_A_SHA_256(Kind.FIELD, "Not a SHA-256"),
    AS_OF_AFTER_EXPORT(Kind.FIELD, "As-of date after the export");

    private final Kind kind;
    private final String title;

    MicrodataExportRejection(Kind kind, String title) {
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
