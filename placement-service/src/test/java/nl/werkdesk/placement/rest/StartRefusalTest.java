package nl.werkdesk.placement.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.permit.PermitEvent;
import org.junit.jupiter.api.Test;

/**
 * A start the local views do not allow is refused with the reason, as problem details: 409 for where the
 * participant, vacancy or permit stand, 400 naming the field for an id nobody published.
 */
@QuarkusTest
class StartRefusalTest {

    @Test
    void refusesAParticipantWithoutIntake() {
        UUID participantId = Pilot.participant("Willinklaan", Pilot.MAY_WORK_FROM, Pilot.W_DOCUMENT_UNTIL);
        UUID employerId = UUID.randomUUID();
        UUID vacancyId = Pilot.vacancy(employerId, "Amsterdam", Pilot.VACANCY_OPENED);
        Pilot.twv(participantId, employerId, vacancyId, Pilot.TWV_FROM, Pilot.W_DOCUMENT_UNTIL);
        BadInputTest.problem(Api.refusedStart(Api.startBody(participantId, employerId, vacancyId, Pilot.START), 409,
                "has not completed the intake").then(), 409).body("title", equalTo("Refused"));
    }

    @Test
    void refusesAParticipantWithoutATwvForExactlyThisJob() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        UUID otherVacancy = Pilot.vacancy(job.employerId(), "Amsterdam", Pilot.VACANCY_OPENED);
        Api.refusedStart(Api.startBody(job.participantId(), job.employerId(), otherVacancy, Pilot.START), 409,
                "no status holder and has no granted TWV for this employer and vacancy");
    }

    @Test
    void refusesAStartOnATwvThatEndedOrBeforeItIsValid() {
        Pilot.Job job = Pilot.jobOnTwv("Kabelweg", "Amsterdam");
        Api.refusedStart(Api.startBody(job, "2025-03-28"), 409, "is not valid on 2025-03-28");
        Pilot.permitEvent(new PermitEvent.TwvEnded(job.permitId(), job.participantId(), LocalDate.of(2025, 4, 5),
                nl.werkdesk.contracts.permit.EndReason.RECEPTION_ENDED));
        Api.refusedStart(Api.startBody(job, Pilot.START), 409, "ended on 2025-04-05");
    }

    @Test
    void refusesAStartBeforeTheParticipantMayWorkAndAfterReceptionEnded() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        Api.refusedStart(Api.startBody(job, "2025-03-14"), 409, "may do paid work from 2025-03-15 only");
        Pilot.participantEvent(new ParticipantEvent.AsylumApplicationRejected(job.participantId(), LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 4, 7)));
        Api.refusedStart(Api.startBody(job, "2025-04-08"), 409, "reception ended on 2025-04-07");
    }

    @Test
    void refusesAClosedVacancy() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        Pilot.employerEvent(job.vacancyId(), new EmployerEvent.VacancyClosed(job.vacancyId(), job.employerId(), LocalDate.of(2025, 4, 1)));
        Api.refusedStart(Api.startBody(job, Pilot.START), 409, "the vacancy was closed on 2025-04-01");
    }

    @Test
    void refusesIdsNobodyPublishedByName() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        BadInputTest.invalid(Api.refusedStart(Api.startBody(UUID.randomUUID(), job.employerId(), job.vacancyId(), Pilot.START), 400,
                "participantId").then(), "participantId").body("invalidParams[0].reason", containsString("not a participant"));
        BadInputTest.invalid(Api.refusedStart(Api.startBody(job.participantId(), job.employerId(), UUID.randomUUID(), Pilot.START), 400,
                "vacancyId").then(), "vacancyId");
        BadInputTest.invalid(Api.refusedStart(Api.startBody(job.participantId(), UUID.randomUUID(), job.vacancyId(), Pilot.START), 400,
                "employerId").then(), "employerId").body("invalidParams[0].reason", containsString("is not the employer"));
    }
}
