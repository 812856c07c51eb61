package nl.werkdesk.employer.publication;

import java.util.List;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.employer.domain.Employer;
import nl.werkdesk.employer.domain.JobFair;
import nl.werkdesk.employer.domain.Vacancy;
import nl.werkdesk.eventsourcing.publication.Publication;

/**
 * Employer-service's published language: the stored events of its three aggregates (employer, vacancy, job fair), each
 * as the integration event of werkdesk.employers.v1 of the same name (platform/contracts), field for field. The
 * contract is shared by the three kinds of stream; inside the service each aggregate has its own vocabulary, so a
 * vacancy cannot store a JobFairHeld. Contact persons are never in an event, and that one changed is not published. Change this mapping
 * on purpose, and the contract with it only through a new schema or topic version.
 */
public final class EmployerPublication {

    public static final Publication PUBLICATION = Publication.of(EmployerEvent.CATALOG)
            .map(Employer.Event.class, EmployerPublication::employer)
            .map(Vacancy.Event.class, EmployerPublication::vacancy)
            .map(JobFair.Event.class, EmployerPublication::jobFair);

    private EmployerPublication() {
    }

    static List<IntegrationEvent> employer(Employer.Event event) {
        if (event instanceof Employer.Event.EmployerRegistered registered) {
            return List.of(new EmployerEvent.EmployerRegistered(registered.employerId(), registered.registeredOn(), registered.tradeName(),
                    registered.kvkNumber(), registered.sector(), registered.temporaryEmploymentAgency(), registered.twvIntermediary()));
        }
        if (event instanceof Employer.Event.TwvIntermediaryChanged changed) {
            return List.of(new EmployerEvent.TwvIntermediaryChanged(changed.employerId(), changed.changedOn(), changed.twvIntermediary()));
        }
        // A new contact person is personal data of that person, and their date of change tells other services nothing.
        if (event instanceof Employer.Event.ContactPersonChanged) {
            return List.of();
        }
        throw new IllegalArgumentException("no publication of " + event.getClass().getName());
    }

    static List<IntegrationEvent> vacancy(Vacancy.Event event) {
        if (event instanceof Vacancy.Event.VacancyOpened opened) {
            return List.of(new EmployerEvent.VacancyOpened(opened.vacancyId(), opened.employerId(), opened.openedOn(), opened.title(),
                    opened.sector(), opened.hoursPerWeek(), opened.hourlyWageCents(), opened.requiredDutchLevel(), opened.location()));
        }
        if (event instanceof Vacancy.Event.VacancyFilled filled) {
            return List.of(new EmployerEvent.VacancyFilled(filled.vacancyId(), filled.employerId(), filled.filledOn(), filled.participantId()));
        }
        Vacancy.Event.VacancyClosed closed = (Vacancy.Event.VacancyClosed) event;
        return List.of(new EmployerEvent.VacancyClosed(closed.vacancyId(), closed.employerId(), closed.closedOn()));
    }

    static List<IntegrationEvent> jobFair(JobFair.Event event) {
        if (event instanceof JobFair.Event.JobFairHeld held) {
            return List.of(new EmployerEvent.JobFairHeld(held.jobFairId(), held.heldOn(), held.location(), held.employerIds()));
        }
        JobFair.Event.CandidateMetEmployer met = (JobFair.Event.CandidateMetEmployer) event;
        return List.of(new EmployerEvent.CandidateMetEmployer(met.jobFairId(), met.participantId(), met.employerId(), met.metOn()));
    }
}
