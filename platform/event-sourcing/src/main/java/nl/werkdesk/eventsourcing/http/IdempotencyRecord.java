package nl.werkdesk.eventsourcing.http;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** That a command with this Idempotency-Key was applied, and which stream version its response showed. */
@Entity
@Table(name = "idempotency_records")
public class IdempotencyRecord {

    @Id
    @Column(name = "idempotency_key")
    public String key;

    @Column(name = "request_fingerprint", nullable = false)
    public String requestFingerprint;

    @Column(name = "stream_id", nullable = false)
    public UUID streamId;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public int status;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
