package nl.werkdesk.eventsourcing;

import org.hibernate.exception.ConstraintViolationException;

/** Tells which unique constraint a failed write ran into (Hibernate Reactive reports its name). */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    /** True when {@code failure} was caused by a violation of the named constraint. */
    public static boolean of(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return String.valueOf(violation.getConstraintName()).contains(constraint)
                        || String.valueOf(violation.getMessage()).contains(constraint);
            }
        }
        return false;
    }
}
