package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.employer.domain.KnownParticipant;

/** A participant of the pilot as werkdesk.participants.v1 tells it, kept by the participant consumer. Pseudonymous. */
@Entity
@Table(name = "pilot_participants")
public class PilotParticipant extends PanacheEntityBase {

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    public KnownParticipant known() {
        return new KnownParticipant(participantId, registeredOn, leftOn);
    }
}
