package nl.werkdesk.participant.domain;

import nl.werkdesk.eventsourcing.core.RejectionCode;

/**
 * Why the participant aggregate refuses a command: each is its own problem type (urn:nld:werkdesk:problem:<code>).
 * A participant is decided on the participant service's own facts only, so none of these is a "not arrived yet".
 */
public enum ParticipantRejection implements RejectionCode {
    ALREADY_REGISTERED(Kind.STATE, "Participant already registered"),
    NOT_REGISTERED(Kind.STATE, "Participant not registered"),
    PARTICIPANT_LEFT(Kind.STATE, "Participant left the pilot"),
    INTAKE_ALREADY_COMPLETED(Kind.STATE, "Intake already completed"),
    INTAKE_NOT_COMPLETED(Kind.STATE, "Intake not completed yet"),
    ALREADY_STATUS_HOLDER(Kind.STATE, "Participant is a status holder"),
    ASYLUM_ALREADY_REJECTED(Kind.STATE, "Asylum application already rejected"),
    PERSONAL_DATA_ALREADY_ERASED(Kind.STATE, "Personal data already erased"),
    ASYLUM_APPLICATION_AFTER_REGISTRATION(Kind.FIELD, "Asylum application dated after the registration"),
    W_DOCUMENT_EXPIRED(Kind.FIELD, "W-document not valid on the registration date"),
    BIRTH_NOT_BEFORE_ASYLUM_APPLICATION(Kind.FIELD, "Date of birth not before the asylum application"),
    DATE_BEFORE_FIRST_POLICY(Kind.FIELD, "Date before the first work eligibility policy"),
    V_NUMBER_ALREADY_REGISTERED(Kind.FIELD, "V-number already registered"),
    DATE_BEFORE_REGISTRATION(Kind.FIELD, "Date before the registration"),
    DATE_BEFORE_INTAKE(Kind.FIELD, "Date before the intake"),
    NOT_CURRENT_LOCATION(Kind.FIELD, "Not the participant's current location"),
    ALREADY_AT_LOCATION(Kind.FIELD, "Participant already at this location"),
    DATE_BEFORE_PREVIOUS_RELOCATION(Kind.FIELD, "Date before the previous relocation"),
    DATE_BEFORE_STATUS_CHANGE(Kind.FIELD, "Date before the previous status change"),
    DATE_BEFORE_LATEST_STEP(Kind.FIELD, "Date before the latest step of the journey");

    private final Kind kind;
    private final String title;

    ParticipantRejection(Kind kind, String title) {
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
