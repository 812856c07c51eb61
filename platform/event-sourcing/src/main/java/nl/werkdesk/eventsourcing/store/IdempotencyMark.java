package nl.werkdesk.eventsourcing.store;

/**
 * The Idempotency-Key a command's events are appended under: written into idempotency_records by the append's own
 * statement, so that a repeated key fails the append (and the transaction) at once.
 */
public record IdempotencyMark(String key, String requestFingerprint, int status) {
}
