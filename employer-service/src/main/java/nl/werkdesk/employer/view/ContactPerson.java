package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The employer's contact person: personal data, kept here only. Never logged (toString says nothing), never
 * in an event, never on Kafka.
 */
@Entity
@Table(name = "employer_contact_persons")
public class ContactPerson extends PanacheEntityBase {

    @Id
    @Column(name = "employer_id")
    public UUID employerId;

    @Column(nullable = false)
    public String name;

    public String phone;

    public String email;

    @Override
    public String toString() {
        return "ContactPerson[employer " + employerId + "]";
    }
}
