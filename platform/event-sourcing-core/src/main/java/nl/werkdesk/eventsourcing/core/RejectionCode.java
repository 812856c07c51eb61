package nl.werkdesk.eventsourcing.core;

import java.util.Locale;

/**
 * Why a command was refused, as a stable code a client can act on without reading sentences. Each aggregate has one
 * enum of its codes; the HTTP layer answers each code with its own problem type, {@code urn:nld:werkdesk:problem:<code>},
 * and the {@link #title()} as the problem's title. The sentence for the case at hand goes in {@link Rejected#reason()}.
 *
 * <pre>{@code
 * public enum BookingRejection implements RejectionCode {
 *     ALREADY_REQUESTED(Kind.STATE, "Booking already requested"),
 *     DAY_BEFORE_REQUEST(Kind.FIELD, "Day lies before the request");
 *
 *     private final Kind kind;
 *     private final String title;
 *
 *     BookingRejection(Kind kind, String title) {
 *         this.kind = kind;
 *         this.title = title;
 *     }
 *
 *     public Kind kind() { return kind; }
 *     public String title() { return title; }
 * }
 * }</pre>
 */
public interface RejectionCode {

    /** What the refusal is about, which decides how a client recovers from it (and the HTTP status). */
    enum Kind {
        /** One value of the command is not acceptable: fix that field (HTTP 400, invalidParams names it). */
        FIELD,
        /** The state of the journey does not allow the command, now or ever (HTTP 409). */
        STATE,
        /**
         * The decision needs a fact that another service publishes and that has not arrived yet: the same command may
         * succeed a little later (HTTP 409 with Retry-After). Never the code of a real refusal.
         */
        NOT_YET_KNOWN
    }

    /** Kebab case, stable once published: INTAKE_ALREADY_COMPLETED is intake-already-completed. */
    default String code() {
        if (this instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        throw new IllegalStateException(getClass().getName() + " must be an enum or name its codes itself");
    }

    /** A short summary of the kind of refusal, the same for every occurrence (the problem's title). */
    String title();

    Kind kind();
}
