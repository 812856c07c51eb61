package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A rebuild of the projections into a new generation, with its progress. */
@Entity
@Table(name = "projection_rebuilds")
public class ProjectionRebuild extends PanacheEntityBase {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    public int generation;

    @Column(nullable = false)
    public String status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** Moved on with every batch; a running rebuild that stops reporting was abandoned by its replica. */
    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Offsets to read: the end of every partition of every topic when the rebuild started. */
    @Column(name = "target_offsets", nullable = false)
    public long targetOffsets;

    @Column(name = "consumed_offsets", nullable = false)
    public long consumedOffsets;

    @Column(name = "events_applied", nullable = false)
    public long eventsApplied;

    /** Records that are no event this service can read (they went to the dead-letter topic when they first came). */
    @Column(name = "events_skipped", nullable = false)
    public long eventsSkipped;

    public String failure;

    /** Wall time of the replay's Kafka polls, in ms (issue 17: where a rebuild's time goes). */
    @Column(name = "poll_millis", nullable = false)
    public long pollMillis;

    /** Wall time of decoding the replayed records into events, in ms. */
    @Column(name = "decode_millis", nullable = false)
    public long decodeMillis;

    /** Wall time of the replay's transactions that write the facts, as the rebuild waits for them, in ms. */
    @Column(name = "write_millis", nullable = false)
    public long writeMillis;

    /** Wall time of the switch's deletes of the older generations, in ms; null until it switched. */
    @Column(name = "delete_millis")
    public Long deleteMillis;

    /** Wall time of the switch's count of the new generation (reporting_fill), in ms; null until it switched. */
    @Column(name = "fill_millis")
    public Long fillMillis;
}
