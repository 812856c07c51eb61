package nl.werkdesk.reporting.domain;

import nl.werkdesk.eventsourcing.core.RejectionCode;

/**
 * Why the programme ledger refuses a command: each is its own problem type (urn:nld:werkdesk:problem:<code>). The ledger
 * is decided on its own events and the configured phases and locations only, so none of these is a "not arrived yet".
 * Each names the field to fix (400 with invalidParams); a correction below zero depends on what the booking stands at,
 * but it is still the amount that must change.
 */
public enum ProgrammeLedgerRejection implements RejectionCode {
    AMOUNT_NOT_POSITIVE(Kind.FIELD, "Amount not more than zero"),
    NOT_A_PILOT_PHASE(Kind.FIELD, "Not a phase of the pilot"),
    NOT_A_PILOT_LOCATION(Kind.FIELD, "Not a location of the pilot"),
    UNKNOWN_BOOKING(Kind.FIELD, "Not a booking of this ledger"),
    CORRECTION_OF_ZERO(Kind.FIELD, "Correction of zero"),
    CORRECTION_BEFORE_BOOKING(Kind.FIELD, "Correction dated before the booking"),
    BOOKING_BELOW_ZERO(Kind.FIELD, "Correction takes the booking below zero");

    private final Kind kind;
    private final String title;

    ProgrammeLedgerRejection(Kind kind, String title) {
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
