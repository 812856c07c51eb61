package nl.werkdesk.eventsourcing.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A row of the append-only event table. The transaction id is filled in by the database and read only
 * by the relay, which uses plain SQL; JSON columns travel as text so that nothing re-encodes them.
 */
@Entity
@Table(name = "events")
public class StoredEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "global_position")
    public Long globalPosition;

    @Column(name = "stream_id", nullable = false, updatable = false)
    public UUID streamId;

    @Column(name = "stream_type", nullable = false, updatable = false)
    public String streamType;

    @Column(nullable = false, updatable = false)
    public long version;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String type;

    @Column(name = "schema_version", nullable = false, updatable = false)
    public int schemaVersion;

    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(read = "data::text", write = "cast(cast(? as text) as jsonb)")
    public String data;

    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(read = "metadata::text", write = "cast(cast(? as text) as jsonb)")
    public String metadata;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    public Instant recordedAt;
}
