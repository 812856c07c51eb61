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

    public RejectionCode code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String reason() {
        return reason;
    }
}
