package nl.werkdesk.permit.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.permit.domain.Facts.Information;
import nl.werkdesk.permit.domain.Permit.Status;

/**
 * A row of the permit list, kept by {@link PermitProjection} from the permit's events alone. The awaiting flags show
 * what a requested permit's screening waits for (ScreeningDeferred, InformationReceived); no command decides on them.
 */
@Entity
@Table(name = "permits")
public class PermitSummary extends PanacheEntityBase {

    @Id
    @Column(name = "permit_id")
    public UUID permitId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "employer_id", nullable = false)
    public UUID employerId;

    @Column(name = "vacancy_id", nullable = false)
    public UUID vacancyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "awaiting_participant", nullable = false)
    public boolean awaitingParticipant;

    @Column(name = "awaiting_employer", nullable = false)
    public boolean awaitingEmployer;

    @Column(name = "requested_on", nullable = false)
    public LocalDate requestedOn;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "decision_due_on")
    public LocalDate decisionDueOn;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(nullable = false)
    public long version;

    /** What a requested permit still waits for; nothing once it moved on or closed. */
    public Set<Information> awaiting() {
        Set<Information> awaiting = EnumSet.noneOf(Information.class);
        if (awaitingParticipant) {
            awaiting.add(Information.PARTICIPANT);
        }
        if (awaitingEmployer) {
            awaiting.add(Information.EMPLOYER);
        }
        return awaiting;
    }
}
