package nl.werkdesk.permit.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An employer as werkdesk.employers.v1 told of it, kept by the employer consumer. */
@Entity
@Table(name = "known_employers")
public class KnownEmployer extends PanacheEntityBase {

    @Id
    @Column(name = "employer_id")
    public UUID employerId;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;
}
