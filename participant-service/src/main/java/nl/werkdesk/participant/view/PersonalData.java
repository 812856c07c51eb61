package nl.werkdesk.participant.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant's personal data: the only place it is kept. Never logged (toString says nothing), never
 * in an event, never on Kafka; deleted on erasure.
 */
@Entity
@Table(name = "participant_personal_data")
public class PersonalData extends PanacheEntityBase {

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(nullable = false)
    public String nationality;

    @Column(name = "v_number", nullable = false)
    public String vNumber;

    public String phone;

    @Override
    public String toString() {
        return "PersonalData[participant " + participantId + "]";
    }
}
