package nl.werkdesk.eventsourcing;

import java.util.Optional;

/**
 * A command the domain refuses, with the reason in words a caseworker understands. When the refusal is
 * about one field of the command, it names that field (HTTP 400 with invalidParams); otherwise the state
 * of the journey forbids it (HTTP 409).
 */
public class Rejected extends RuntimeException {

    private final String field;
    private final String reason;

    /** The state does not allow this command now, e.g. "intake already completed". */
    public Rejected(String reason) {
        this(null, reason);
    }

    /** The value of one field is not acceptable, e.g. ("completedOn", "lies before the registration on 2025-02-03"). */
    public Rejected(String field, String reason) {
        super(field == null ? reason : field + " " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String reason() {
        return reason;
    }
}
