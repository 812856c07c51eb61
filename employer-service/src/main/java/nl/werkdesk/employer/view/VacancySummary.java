package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;

/** A row of the vacancy list, kept by {@link VacancyProjection}. */
@Entity
@Table(name = "vacancies")
public class VacancySummary extends PanacheEntityBase {

    public enum Status { OPEN, FILLED, CLOSED }

    @Id
    @Column(name = "vacancy_id")
    public UUID vacancyId;

    @Column(name = "employer_id", nullable = false)
    public UUID employerId;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sector sector;

    @Column(name = "hours_per_week", nullable = false)
    public int hoursPerWeek;

    @Column(name = "hourly_wage_cents", nullable = false)
    public long hourlyWageCents;

    @Enumerated(EnumType.STRING)
    @Column(name = "required_dutch_level", nullable = false)
    public LanguageLevel requiredDutchLevel;

    @Column(nullable = false)
    public String location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "filled_on")
    public LocalDate filledOn;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(nullable = false)
    public long version;
}
