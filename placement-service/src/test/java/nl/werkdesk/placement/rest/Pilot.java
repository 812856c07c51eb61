package nl.werkdesk.placement.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.contracts.permit.PermitEvent;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the participant, employer and permit services would have published about a participant and a job,
 * with the dates of a typical journey: registered in February 2025, allowed to work from 15 March, a TWV from
 * 1 April, starting on 7 April.
 */
final class Pilot {

    static final LocalDate REGISTERED = LocalDate.of(2025, 2, 3);
    static final LocalDate INTAKE = LocalDate.of(2025, 2, 10);
    static final LocalDate MAY_WORK_FROM = LocalDate.of(2025, 3, 15);
    static final LocalDate W_DOCUMENT_UNTIL = LocalDate.of(2026, 3, 1);
    static final LocalDate VACANCY_OPENED = LocalDate.of(2025, 3, 1);
    static final LocalDate TWV_GRANTED = LocalDate.of(2025, 3, 25);
    static final LocalDate TWV_FROM = LocalDate.of(2025, 4, 1);
    static final String START = "2025-04-07";

    /** A participant, an employer's vacancy and a TWV for exactly that job. */
    record Job(UUID participantId, UUID employerId, UUID vacancyId, UUID permitId) {
    }

    private Pilot() {
    }

    /** A participant who completed the intake and may work, with a granted TWV for a job at {@code jobLocation}. */
    static Job jobOnTwv(String azc, String jobLocation) {
        UUID participantId = participant(azc, MAY_WORK_FROM, W_DOCUMENT_UNTIL);
        intake(participantId, INTAKE);
        UUID employerId = UUID.randomUUID();
        UUID vacancyId = vacancy(employerId, jobLocation, VACANCY_OPENED);
        UUID permitId = twv(participantId, employerId, vacancyId, TWV_FROM, W_DOCUMENT_UNTIL);
        return new Job(participantId, employerId, vacancyId, permitId);
    }

    static UUID participant(String azc, LocalDate mayWorkFrom, LocalDate mayWorkUntil) {
        return participant(UUID.randomUUID(), azc, mayWorkFrom, mayWorkUntil);
    }

    static UUID participant(UUID participantId, String azc, LocalDate mayWorkFrom, LocalDate mayWorkUntil) {
        LocalDate registeredOn = mayWorkFrom.isBefore(REGISTERED) ? mayWorkFrom : REGISTERED;
        participantEvent(new ParticipantEvent.ParticipantRegistered(participantId, registeredOn, azc, registeredOn.minusMonths(5),
                AsylumTrack.REGULAR, WDocumentType.W, mayWorkUntil, List.of("ar", "en"),
                new WorkEligibility(mayWorkFrom, mayWorkUntil, "nl-2023-11-29", null)));
        return participantId;
    }

    static void intake(UUID participantId, LocalDate on) {
        participantEvent(new ParticipantEvent.IntakeCompleted(participantId, on, Set.of(Sector.HORECA), LanguageLevel.A1, LanguageLevel.B1,
                List.of()));
    }

    static UUID vacancy(UUID employerId, String location, LocalDate openedOn) {
        UUID vacancyId = UUID.randomUUID();
        employerEvent(vacancyId, new EmployerEvent.VacancyOpened(vacancyId, employerId, openedOn, "Kitchen assistant", Sector.HORECA, 32,
                1425, LanguageLevel.A1, location));
        return vacancyId;
    }

    static UUID twv(UUID participantId, UUID employerId, UUID vacancyId, LocalDate validFrom, LocalDate validUntil) {
        UUID permitId = UUID.randomUUID();
        permitEvent(new PermitEvent.TwvGranted(permitId, participantId, employerId, vacancyId, validFrom.minusDays(7), validFrom, validUntil));
        return permitId;
    }

    static ProducerRecord<String, String> participantEvent(ParticipantEvent event) {
        return CloudEventPublisher.publish(ParticipantEvent.CATALOG, event.participantId(), event);
    }

    static ProducerRecord<String, String> employerEvent(UUID streamId, EmployerEvent event) {
        return CloudEventPublisher.publish(EmployerEvent.CATALOG, streamId, event);
    }

    static ProducerRecord<String, String> permitEvent(PermitEvent event) {
        return CloudEventPublisher.publish(PermitEvent.CATALOG, event.permitId(), event);
    }
}
