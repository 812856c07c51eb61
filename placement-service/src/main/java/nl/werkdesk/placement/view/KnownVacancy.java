package nl.werkdesk.placement.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.placement.domain.PlacementFacts;

/** A vacancy as werkdesk.employers.v1 describes it. */
@Entity
@Table(name = "known_vacancies")
public class KnownVacancy extends PanacheEntityBase {

    @Id
    @Column(name = "vacancy_id")
    public UUID vacancyId;

    @Column(name = "employer_id", nullable = false)
    public UUID employerId;

    /** Where the work is. */
    @Column(nullable = false)
    public String location;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    @Column(name = "filled_on")
    public LocalDate filledOn;

    /** The participant who filled it; null when filled from outside the pilot. */
    @Column(name = "filled_by")
    public UUID filledBy;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    public PlacementFacts.Vacancy facts() {
        return new PlacementFacts.Vacancy(employerId, location, openedOn, filledOn, filledBy, closedOn);
    }
}
