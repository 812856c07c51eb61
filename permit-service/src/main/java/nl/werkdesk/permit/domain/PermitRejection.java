package nl.werkdesk.permit.domain;

import nl.werkdesk.eventsourcing.core.RejectionCode;

/**
 * Why the permit aggregate refuses a command: each is its own problem type (urn:nld:werkdesk:problem:<code>).
 * The permit decides on the participant's and employer's facts it learns from their topics; a request whose
 * screening still waits for them is refused as not known yet (409 with Retry-After), never with the code of a real
 * refusal: a participant who is known and may not work has the request declined, and then it is request-declined.
 */
public enum PermitRejection implements RejectionCode {
    ALREADY_REQUESTED(Kind.STATE, "TWV already requested"),
    NOT_REQUESTED(Kind.STATE, "No TWV requested"),
    APPLICATION_ALREADY_COMPLETED(Kind.STATE, "Application already complete"),
    APPLICATION_NOT_COMPLETE(Kind.STATE, "Application not complete"),
    ALREADY_GRANTED(Kind.STATE, "TWV already granted"),
    NOT_GRANTED(Kind.STATE, "TWV not granted"),
    REQUEST_DECLINED(Kind.STATE, "TWV request declined by Werkdesk"),
    PERMIT_CLOSED(Kind.STATE, "Permit closed"),
    PARTICIPANT_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "Participant not known to permit-service yet"),
    EMPLOYER_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "Employer not known to permit-service yet"),
    START_BEFORE_REQUEST(Kind.FIELD, "Start date before the request"),
    DATE_BEFORE_LATEST_STEP(Kind.FIELD, "Date before the permit's latest step"),
    VALID_UNTIL_REQUIRED(Kind.FIELD, "Last valid day required"),
    VALID_UNTIL_AFTER_W_DOCUMENT(Kind.FIELD, "Validity beyond the W-document"),
    VALID_FROM_AFTER_VALID_UNTIL(Kind.FIELD, "Validity starts after it ends"),
    EXPIRY_WITHIN_VALIDITY(Kind.FIELD, "Expiry within the validity");

    private final Kind kind;
    private final String title;

    PermitRejection(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
