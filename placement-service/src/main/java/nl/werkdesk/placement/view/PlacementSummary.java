package nl.werkdesk.placement.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.RiskReason;

/** A row of the placement list, kept by {@link PlacementProjection}. */
@Entity
@Table(name = "placements")
public class PlacementSummary extends PanacheEntityBase {

    public enum Status { ACTIVE, ENDED }

    @Id
    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "employer_id", nullable = false)
    public UUID employerId;

    @Column(name = "vacancy_id", nullable = false)
    public UUID vacancyId;

    @Column(name = "permit_id")
    public UUID permitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sector sector;

    @Column(nullable = false)
    public String location;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Column(name = "hours_per_week", nullable = false)
    public int hoursPerWeek;

    @Column(name = "hourly_wage_cents", nullable = false)
    public long hourlyWageCents;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type", nullable = false)
    public ContractType contractType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The day the oldest open risk was flagged; null when the placement is not at risk. */
    @Column(name = "at_risk_since")
    public LocalDate atRiskSince;

    /** The open risks, comma separated (RiskReason names). */
    @Column(name = "risk_reasons")
    public String riskReasons;

    @Column(name = "sustained_due_on", nullable = false)
    public LocalDate sustainedDueOn;

    @Column(name = "sustained_on")
    public LocalDate sustainedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    @Column(nullable = false)
    public long version;

    public List<RiskReason> risks() {
        return riskReasons == null || riskReasons.isEmpty() ? List.of()
                : Arrays.stream(riskReasons.split(",")).map(RiskReason::valueOf).toList();
    }
}
