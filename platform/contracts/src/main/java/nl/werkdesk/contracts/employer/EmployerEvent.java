package nl.werkdesk.contracts.employer;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.Topics;

/**
 * Employers, their vacancies and the job fairs where they meet participants, as published on
 * werkdesk.employers.v1. Three kinds of stream share the topic: an employer, a vacancy and a job fair; the
 * key is the stream's id. No contact persons or other personal data: those stay in employer-service.
 */
public sealed interface EmployerEvent extends IntegrationEvent {

    EventCatalog CATALOG = EventCatalog.of("employer", Topics.EMPLOYERS, "employer-service", EmployerEvent.class);

    /** An employer joined the pilot (registered by the Werkgeversservicepunt). */
    record EmployerRegistered(UUID employerId, LocalDate registeredOn, String tradeName, String kvkNumber, Sector sector,
                              boolean temporaryEmploymentAgency, TwvIntermediary twvIntermediary) implements EmployerEvent {
        public LocalDate occurredOn() {
            return registeredOn;
        }
    }

    /** Whether, and from/until when, an intermediary takes the employer's TWV paperwork changed. */
    record TwvIntermediaryChanged(UUID employerId, LocalDate changedOn, TwvIntermediary twvIntermediary) implements EmployerEvent {
        public LocalDate occurredOn() {
            return changedOn;
        }
    }

    /** A vacancy opened, at or above the statutory minimum wage in force on the day. */
    record VacancyOpened(UUID vacancyId, UUID employerId, LocalDate openedOn, String title, Sector sector, int hoursPerWeek,
                         long hourlyWageCents, LanguageLevel requiredDutchLevel, String location) implements EmployerEvent {
        public LocalDate occurredOn() {
            return openedOn;
        }
    }

    /** The vacancy was filled, by a participant of the pilot or otherwise (participantId null). */
    record VacancyFilled(UUID vacancyId, UUID employerId, LocalDate filledOn, UUID participantId) implements EmployerEvent {
        public LocalDate occurredOn() {
            return filledOn;
        }
    }

    /** The vacancy was closed without being filled. */
    record VacancyClosed(UUID vacancyId, UUID employerId, LocalDate closedOn) implements EmployerEvent {
        public LocalDate occurredOn() {
            return closedOn;
        }
    }

    /** A job fair (banenmarkt) took place, with these employers taking part. */
    record JobFairHeld(UUID jobFairId, LocalDate heldOn, String location, List<UUID> employerIds) implements EmployerEvent {
        public LocalDate occurredOn() {
            return heldOn;
        }
    }

    /** At a job fair, a participant met an employer. */
    record CandidateMetEmployer(UUID jobFairId, UUID participantId, UUID employerId, LocalDate metOn) implements EmployerEvent {
        public LocalDate occurredOn() {
            return metOn;
        }
    }
}
