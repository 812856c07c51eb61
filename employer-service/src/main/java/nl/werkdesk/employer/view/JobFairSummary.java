package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A row of the job fair list, kept by {@link JobFairProjection}. */
@Entity
@Table(name = "job_fairs")
public class JobFairSummary extends PanacheEntityBase {

    @Id
    @Column(name = "job_fair_id")
    public UUID jobFairId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false)
    public String location;

    @Column(name = "meeting_count", nullable = false)
    public int meetingCount;

    @Column(nullable = false)
    public long version;
}
