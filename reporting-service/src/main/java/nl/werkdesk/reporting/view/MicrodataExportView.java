package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An export of the researcher's records as its event recorded it, for the operator's list. */
@Entity
@Table(name = "microdata_exports")
public class MicrodataExportView extends PanacheEntityBase {

    @Id
    @Column(name = "export_id")
    public UUID exportId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "exported_by", nullable = false)
    public String exportedBy;

    @Column(name = "exported_on", nullable = false)
    public LocalDate exportedOn;

    @Column(name = "exported_at", nullable = false)
    public Instant exportedAt;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    public String location;

    public Integer phase;

    @Column(nullable = false)
    public String format;

    @Column(nullable = false)
    public int records;

    @Column(nullable = false)
    public int k;

    @Column(name = "k_reached")
    public Integer kReached;

    /** Comma-separated, in their order; empty for none. */
    @Column(nullable = false)
    public String generalisations;

    @Column(name = "records_suppressed", nullable = false)
    public int recordsSuppressed;

    @Column(nullable = false)
    public String sha256;

    public List<String> generalisationList() {
        return generalisations.isEmpty() ? List.of() : List.of(generalisations.split(","));
    }
}
