package nl.werkdesk.participant.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.participant.domain.Participant.ResidenceStatus;

/** A row of the participant list, kept by {@link ParticipantProjection}. */
@Entity
@Table(name = "participants")
public class ParticipantSummary extends PanacheEntityBase {

    public enum Status { ACTIVE, LEFT }

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(nullable = false)
    public String location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "residence_status", nullable = false)
    public ResidenceStatus residenceStatus;

    @Column(name = "intake_completed_on")
    public LocalDate intakeCompletedOn;

    @Column(name = "activity_count", nullable = false)
    public int activityCount;

    @Column(name = "eligible_from")
    public LocalDate eligibleFrom;

    @Column(name = "eligible_until")
    public LocalDate eligibleUntil;

    @Column(name = "status_holder_since")
    public LocalDate statusHolderSince;

    @Column(name = "reception_ends_on")
    public LocalDate receptionEndsOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "personal_data_erased_on")
    public LocalDate personalDataErasedOn;

    @Column(nullable = false)
    public long version;
}
