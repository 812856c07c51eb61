package nl.werkdesk.employer.domain;

import nl.werkdesk.eventsourcing.core.RejectionCode;

/**
 * Why the employer aggregate refuses a command: each is its own problem type (urn:nld:werkdesk:problem:<code>). An
 * employer is decided on employer-service's own facts only, so none of these is a "not arrived yet".
 */
public enum EmployerRejection implements RejectionCode {
    EMPLOYER_ALREADY_REGISTERED(Kind.STATE, "Employer already registered"),
    EMPLOYER_NOT_REGISTERED(Kind.STATE, "Employer not registered"),
    TWV_INTERMEDIARY_UNCHANGED(Kind.STATE, "TWV intermediary arrangement already as requested"),
    KVK_NUMBER_INVALID(Kind.FIELD, "Not a KvK number"),
    KVK_NUMBER_ALREADY_REGISTERED(Kind.FIELD, "KvK number already registered"),
    TWV_INTERMEDIARY_ENDS_BEFORE_START(Kind.FIELD, "TWV intermediary ends before it starts"),
    DATE_BEFORE_EMPLOYER_REGISTRATION(Kind.FIELD, "Date before the employer's registration"),
    DATE_BEFORE_PREVIOUS_INTERMEDIARY_CHANGE(Kind.FIELD, "Date before the previous change of the TWV intermediary"),
    DATE_BEFORE_PREVIOUS_CONTACT_PERSON_CHANGE(Kind.FIELD, "Date before the previous change of the contact person");

    private final Kind kind;
    private final String title;

    EmployerRejection(Kind kind, String title) {
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
