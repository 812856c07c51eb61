package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;

/** A row of the employer list, kept by {@link EmployerProjection}; one per KvK number ({@link #KVK_NUMBER_UNIQUE}). */
@Entity
@Table(name = "employers")
public class EmployerSummary extends PanacheEntityBase {

    public static final String KVK_NUMBER_UNIQUE = "employers_kvk_number_unique";

    @Id
    @Column(name = "employer_id")
    public UUID employerId;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "trade_name", nullable = false)
    public String tradeName;

    @Column(name = "kvk_number", nullable = false)
    public String kvkNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sector sector;

    @Column(name = "temporary_employment_agency", nullable = false)
    public boolean temporaryEmploymentAgency;

    @Column(name = "twv_intermediary_from")
    public LocalDate twvIntermediaryFrom;

    @Column(name = "twv_intermediary_until")
    public LocalDate twvIntermediaryUntil;

    @Column(nullable = false)
    public long version;
}
