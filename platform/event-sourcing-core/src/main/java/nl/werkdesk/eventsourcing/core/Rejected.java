package nl.werkdesk.eventsourcing.core;

import java.util.Optional;

/**
 * A command the domain refuses: a {@link RejectionCode} that says which refusal it is, and the reason in words a
 * caseworker understands. A {@link RejectionCode.Kind#FIELD} refusal names the field it is about (HTTP 400 with
 * invalidParams); the others are about the state of the journey (HTTP 409) or a fact that has not arrived yet (HTTP 409
 * with Retry-After).
 */
public class Rejected extends RuntimeException {

    private final RejectionCode code;
    private final String field;
    private final String reason;

    /** The state does not allow this command now, e.g. (INTAKE_ALREADY_COMPLETED, "the intake was completed on 2025-02-10"). */
    public Rejected(RejectionCode code, String reason) {
        this(code, null, reason);
    }

    /** The value of one field is not acceptable, e.g. (DATE_BEFORE_REGISTRATION, "completedOn", "lies before the registration on 2025-02-03"). */
    public Rejected(RejectionCode code, String field, String reason) {
        super(field == null ? code.code() + ": " + reason : code.code() + ": " + field + " " + reason, null, false, false);
        if ((code.kind() == RejectionCode.Kind.FIELD) != (field != null)) {
            throw new IllegalArgumentException(code.code() + " is a " + code.kind() + " refusal: "
                    + (field == null ? "name the field it is about" : "it is about no field"));
        }
        this.code = code;
        this.field = field;
        this.reason = reason;
    }

    /**
     * A refusal without a code of its own (problem type "refused"), for the services that have no rejection codes yet.
     * Goes away once every aggregate has its enum of codes.
     */
    public Rejected(String reason) {
        this(Uncoded.REFUSED, null, reason);
    }

    /** A field refusal without a code of its own (problem type "invalid-input"); goes away with {@link #Rejected(String)}. */
    public Rejected(String field, String reason) {
        this(Uncoded.INVALID_INPUT, field, reason);
    }

    public RejectionCode code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String reason() {
        return reason;
    }

    /** The codes of refusals made before their aggregate had codes: the problem types every service answered with until then. */
    enum Uncoded implements RejectionCode {
        REFUSED(Kind.STATE, "Refused"),
        INVALID_INPUT(Kind.FIELD, "Invalid input");

        private final Kind kind;
        private final String title;

        Uncoded(Kind kind, String title) {
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
}
