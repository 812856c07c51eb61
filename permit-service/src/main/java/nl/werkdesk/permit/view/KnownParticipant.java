package nl.werkdesk.permit.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.permit.domain.Facts.ParticipantStanding;

/** A participant as werkdesk.participants.v1 told of them, kept by the participant consumer. Pseudonymous. */
@Entity
@Table(name = "known_participants")
public class KnownParticipant extends PanacheEntityBase {

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "eligible_from")
    public LocalDate eligibleFrom;

    @Column(name = "eligible_until")
    public LocalDate eligibleUntil;

    @Column(name = "status_holder_since")
    public LocalDate statusHolderSince;

    @Column(name = "reception_ends_on")
    public LocalDate receptionEndsOn;

    @Column(name = "rejection_event_id")
    public UUID rejectionEventId;

    public ParticipantStanding standing() {
        return new ParticipantStanding(registeredOn, eligibleFrom, eligibleUntil, statusHolderSince, receptionEndsOn);
    }
}
