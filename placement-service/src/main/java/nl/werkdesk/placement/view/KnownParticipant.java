package nl.werkdesk.placement.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.placement.domain.PlacementFacts;

/** A participant as werkdesk.participants.v1 describes them: only what starting a placement depends on. */
@Entity
@Table(name = "known_participants")
public class KnownParticipant extends PanacheEntityBase {

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "intake_completed_on")
    public LocalDate intakeCompletedOn;

    @Column(name = "eligible_from")
    public LocalDate eligibleFrom;

    @Column(name = "eligible_until")
    public LocalDate eligibleUntil;

    @Column(name = "ineligible_reason")
    public String ineligibleReason;

    @Column(name = "status_holder_since")
    public LocalDate statusHolderSince;

    @Column(name = "reception_ends_on")
    public LocalDate receptionEndsOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    /** Where COA moved the participant last, and when; null until a relocation arrives. */
    @Column(name = "relocated_to")
    public String relocatedTo;

    @Column(name = "relocated_on")
    public LocalDate relocatedOn;

    public PlacementFacts.Participant facts() {
        return new PlacementFacts.Participant(registeredOn, intakeCompletedOn, eligibleFrom, eligibleUntil, ineligibleReason,
                statusHolderSince, receptionEndsOn, leftOn, relocatedTo, relocatedOn);
    }
}
