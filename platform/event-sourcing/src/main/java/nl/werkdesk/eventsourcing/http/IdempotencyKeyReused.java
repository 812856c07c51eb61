package nl.werkdesk.eventsourcing.http;

/** The Idempotency-Key was already used for a different request (HTTP 422). */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("this Idempotency-Key was already used for a different request", null, false, false);
    }
}
