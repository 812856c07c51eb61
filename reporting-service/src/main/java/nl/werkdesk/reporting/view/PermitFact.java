package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A TWV from its request to UWV's decision. */
@Entity
@Table(name = "permit_facts")
@IdClass(FactId.class)
public class PermitFact extends PanacheEntityBase {

    @Id
    public int generation;

    /** The permit id. */
    @Id
    @Column(name = "permit_id")
    public UUID id;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "requested_on")
    public LocalDate requestedOn;

    @Column(name = "granted_on")
    public LocalDate grantedOn;

    @Column(name = "refused_on")
    public LocalDate refusedOn;

    /** Whether the intermediary handled the request (TwvRequested.viaIntermediary). */
    @Column(name = "via_intermediary")
    public Boolean viaIntermediary;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    /** Werkdesk declined to pursue the request (TwvRequestDeclined). */
    @Column(name = "declined_on")
    public LocalDate declinedOn;

    @Column(name = "no_longer_required_on")
    public LocalDate noLongerRequiredOn;

    /** The TWV ended with the participant's reception (TwvEnded). */
    @Column(name = "reception_ended_on")
    public LocalDate receptionEndedOn;
}
