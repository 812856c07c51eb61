package nl.werkdesk.placement.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.placement.domain.PlacementFacts;

/** A TWV as werkdesk.permits.v1 describes it: for one participant, employer and vacancy. */
@Entity
@Table(name = "known_permits")
public class KnownPermit extends PanacheEntityBase {

    @Id
    @Column(name = "permit_id")
    public UUID permitId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "employer_id", nullable = false)
    public UUID employerId;

    @Column(name = "vacancy_id", nullable = false)
    public UUID vacancyId;

    @Column(name = "granted_on")
    public LocalDate grantedOn;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** The first day the TWV no longer holds (or the day it was refused or declined), once it closed. */
    @Column(name = "ended_on")
    public LocalDate endedOn;

    /** How it closed, in the words of {@link PlacementFacts.Closure} (refused, expired, no longer required, ...). */
    @Column(name = "ended_by")
    public String endedBy;

    public PlacementFacts.Permit facts() {
        return new PlacementFacts.Permit(permitId, participantId, employerId, vacancyId, grantedOn, validFrom, validUntil, endedOn,
                PlacementFacts.Closure.of(endedBy));
    }
}
