package nl.werkdesk.eventsourcing.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.werkdesk.eventsourcing.core.RejectionCode;

/**
 * The refusals an operation can answer with, documented in its OpenAPI responses by {@link OpenApiConventions}: each
 * code as a problem type of the 400 (field refusals) or 409 (the state of the journey, and facts not arrived yet, with
 * Retry-After) response. The build fails on a code the enum does not have, and on a method without an operationId.
 *
 * <pre>{@code
 * @POST
 * @Path("/intake")
 * @Operation(operationId = "completeIntake", summary = "Record the intake interview")
 * @Refusals(of = ParticipantRejection.class, value = {"intake-already-completed", "date-before-registration"})
 * public Uni<Response> completeIntake(...)
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Refusals.All.class)
public @interface Refusals {

    /** The aggregate's enum of rejection codes. */
    Class<? extends RejectionCode> of();

    /** The codes this operation can refuse with, as clients see them (intake-already-completed). */
    String[] value();

    /** Refusals of more than one aggregate on one operation. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface All {
        Refusals[] value();
    }
}
