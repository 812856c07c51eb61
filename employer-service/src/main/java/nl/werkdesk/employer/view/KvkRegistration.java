package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** That a KvK number belongs to a registered employer: one employer per number (the primary key). */
@Entity
@Table(name = "employer_kvk_numbers")
public class KvkRegistration extends PanacheEntityBase {

    public static final String CONSTRAINT = "employer_kvk_numbers_unique";

    @Id
    @Column(name = "kvk_number")
    public String kvkNumber;

    @Column(name = "employer_id", nullable = false)
    public UUID employerId;
}
