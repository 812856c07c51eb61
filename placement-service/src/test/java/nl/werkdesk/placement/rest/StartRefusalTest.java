package nl.werkdesk.placement.rest;

import static nl.werkdesk.placement.domain.PlacementRejection.EMPLOYER_NOT_OF_VACANCY;
import static nl.werkdesk.placement.domain.PlacementRejection.INTAKE_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.PARTICIPANT_LEFT;
import static nl.werkdesk.placement.domain.PlacementRejection.PARTICIPANT_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.RECEPTION_ENDED;
import static nl.werkdesk.placement.domain.PlacementRejection.RESIDENCE_PERMIT_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.START_BEFORE_ELIGIBILITY;
import static nl.werkdesk.placement.domain.PlacementRejection.TWV_DECISION_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.TWV_NOT_FOR_THIS_JOB;
import static nl.werkdesk.placement.domain.PlacementRejection.TWV_NOT_GRANTED;
import static nl.werkdesk.placement.domain.PlacementRejection.TWV_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.TWV_NOT_VALID_ON_START;
import static nl.werkdesk.placement.domain.PlacementRejection.VACANCY_CLOSED;
import static nl.werkdesk.placement.domain.PlacementRejection.VACANCY_NOT_KNOWN_YET;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.contracts.permit.RefusalReason;
import org.junit.jupiter.api.Test;

/**
 * A start the local views do not allow is refused with a code of its own. What placement-service has not received
 * (yet) is a not-yet-known refusal, 409 with Retry-After, that the same request overcomes once the fact arrives; what it
 * knows forbids the start is a real refusal, without Retry-After.
 */
@QuarkusTest
class StartRefusalTest {

    @Test
    void waitsForAnIntakeNotReceivedYetAndStartsOnceItArrives() {
        UUID participantId = Pilot.participant("Willinklaan", Pilot.MAY_WORK_FROM, Pilot.W_DOCUMENT_UNTIL);
        UUID employerId = UUID.randomUUID();
        UUID vacancyId = Pilot.vacancy(employerId, "Amsterdam", Pilot.VACANCY_OPENED);
        Pilot.twv(participantId, employerId, vacancyId, Pilot.TWV_FROM, Pilot.W_DOCUMENT_UNTIL);
        Map<String, Object> body = Api.startBody(participantId, employerId, vacancyId, Pilot.START);
        Api.refusedStart(body, INTAKE_NOT_KNOWN_YET);

        Pilot.intake(participantId, Pilot.INTAKE);
        Api.startWhenKnown(body).then().statusCode(201).body("status", equalTo("active"));
    }

    @Test
    void tellsATwvWhoseGrantHasNotArrivedFromOneUwvRefused() {
        Pilot.Job granted = requestedTwv();
        Map<String, Object> body = Api.startBody(granted, Pilot.START);
        Api.refusedStart(body, TWV_DECISION_NOT_KNOWN_YET);
        Pilot.permitEvent(new PermitEvent.TwvGranted(granted.permitId(), granted.participantId(), granted.employerId(), granted.vacancyId(),
                Pilot.TWV_GRANTED, Pilot.TWV_FROM, Pilot.W_DOCUMENT_UNTIL));
        Api.startWhenKnown(body).then().statusCode(201).body("permitId", equalTo(granted.permitId().toString()));

        Pilot.Job refused = requestedTwv();
        Pilot.permitEvent(new PermitEvent.TwvRefused(refused.permitId(), refused.participantId(), Pilot.TWV_GRANTED,
                RefusalReason.WAGE_NOT_MARKET_RATE));
        Api.refusedStart(Api.startBody(refused, Pilot.START), TWV_NOT_GRANTED);
    }

    @Test
    void waitsForATwvForExactlyThisJobThatHasNotArrived() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        UUID otherVacancy = Pilot.vacancy(job.employerId(), "Amsterdam", Pilot.VACANCY_OPENED);
        Api.refusedStart(Api.startBody(job.participantId(), job.employerId(), otherVacancy, Pilot.START), TWV_NOT_KNOWN_YET);
    }

    @Test
    void startsOnTheTwvItNamesAndWaitsForANamedOneNotReceivedYet() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        Map<String, Object> body = Api.startBody(job, Pilot.START);
        body.put("permitId", UUID.randomUUID().toString());
        Api.refusedStart(body, TWV_NOT_KNOWN_YET);

        Pilot.Job other = Pilot.jobOnTwv("Kabelweg", "Amsterdam");
        body.put("permitId", other.permitId().toString());
        Api.refusedStart(body, TWV_NOT_FOR_THIS_JOB).then().body("invalidParams[0].name", equalTo("permitId"));

        body.put("permitId", job.permitId().toString());
        Api.startWhenKnown(body).then().statusCode(201).body("permitId", equalTo(job.permitId().toString()));
    }

    @Test
    void waitsForTheResidencePermitThatATwvNoLongerRequiredReveals() {
        Pilot.Job job = requestedTwv();
        Pilot.permitEvent(new PermitEvent.TwvNoLongerRequired(job.permitId(), job.participantId(), LocalDate.of(2025, 3, 20)));
        Map<String, Object> body = Api.startBody(job, Pilot.START);
        Api.refusedStart(body, RESIDENCE_PERMIT_NOT_KNOWN_YET);

        Pilot.participantEvent(new ParticipantEvent.ResidencePermitGranted(job.participantId(), LocalDate.of(2025, 3, 20)));
        Api.startWhenKnown(body).then().statusCode(201).body("permitId", nullValue());
    }

    @Test
    void tellsAParticipantNotReceivedYetFromOneKnownToHaveLeft() {
        UUID participantId = UUID.randomUUID();
        UUID employerId = UUID.randomUUID();
        UUID vacancyId = Pilot.vacancy(employerId, "Amsterdam", Pilot.VACANCY_OPENED);
        Pilot.twv(participantId, employerId, vacancyId, Pilot.TWV_FROM, Pilot.W_DOCUMENT_UNTIL);
        Map<String, Object> body = Api.startBody(participantId, employerId, vacancyId, Pilot.START);
        Api.refusedStart(body, PARTICIPANT_NOT_KNOWN_YET);

        Pilot.participant(participantId, "Willinklaan", Pilot.MAY_WORK_FROM, Pilot.W_DOCUMENT_UNTIL);
        Pilot.intake(participantId, Pilot.INTAKE);
        Pilot.participantEvent(new ParticipantEvent.ParticipantLeftPilot(participantId, LeaveReason.FOUND_WORK_ELSEWHERE,
                LocalDate.of(2025, 4, 1)));
        Api.refusedStart(body, PARTICIPANT_LEFT);
    }

    @Test
    void refusesAStartOnATwvThatEndedOrBeforeItIsValid() {
        Pilot.Job job = Pilot.jobOnTwv("Kabelweg", "Amsterdam");
        Api.refusedStart(Api.startBody(job, "2025-03-28"), TWV_NOT_VALID_ON_START);
        Pilot.permitEvent(new PermitEvent.TwvEnded(job.permitId(), job.participantId(), LocalDate.of(2025, 4, 5),
                nl.werkdesk.contracts.permit.EndReason.RECEPTION_ENDED));
        Api.refusedStart(Api.startBody(job, Pilot.START), TWV_NOT_VALID_ON_START);
    }

    @Test
    void refusesAStartBeforeTheParticipantMayWorkAndAfterReceptionEnded() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        Api.refusedStart(Api.startBody(job, "2025-03-14"), START_BEFORE_ELIGIBILITY);
        Pilot.participantEvent(new ParticipantEvent.AsylumApplicationRejected(job.participantId(), LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 4, 7)));
        Api.refusedStart(Api.startBody(job, "2025-04-08"), RECEPTION_ENDED);
    }

    @Test
    void refusesAClosedVacancy() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        Pilot.employerEvent(job.vacancyId(), new EmployerEvent.VacancyClosed(job.vacancyId(), job.employerId(), LocalDate.of(2025, 4, 1)));
        Api.refusedStart(Api.startBody(job, Pilot.START), VACANCY_CLOSED);
    }

    @Test
    void answersIdsItHasNoEventAboutAsNotYetKnownAndAnotherEmployerByName() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        Api.refusedStart(Api.startBody(UUID.randomUUID(), job.employerId(), job.vacancyId(), Pilot.START), PARTICIPANT_NOT_KNOWN_YET);
        Api.refusedStart(Api.startBody(job.participantId(), job.employerId(), UUID.randomUUID(), Pilot.START), VACANCY_NOT_KNOWN_YET);
        Api.refusedStart(Api.startBody(job.participantId(), UUID.randomUUID(), job.vacancyId(), Pilot.START), EMPLOYER_NOT_OF_VACANCY)
                .then().body("invalidParams[0].name", equalTo("employerId"));
    }

    /** A participant who may work, after the intake, and a TWV requested for a vacancy, with no decision yet. */
    private static Pilot.Job requestedTwv() {
        UUID participantId = Pilot.participant("Willinklaan", Pilot.MAY_WORK_FROM, Pilot.W_DOCUMENT_UNTIL);
        Pilot.intake(participantId, Pilot.INTAKE);
        UUID employerId = UUID.randomUUID();
        UUID vacancyId = Pilot.vacancy(employerId, "Amsterdam", Pilot.VACANCY_OPENED);
        UUID permitId = UUID.randomUUID();
        Pilot.permitEvent(new PermitEvent.TwvRequested(permitId, participantId, employerId, vacancyId, 1425, 32, Pilot.TWV_FROM,
                LocalDate.of(2025, 3, 1), false));
        return new Pilot.Job(participantId, employerId, vacancyId, permitId);
    }
}
