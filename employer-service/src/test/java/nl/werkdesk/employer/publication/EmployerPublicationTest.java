package nl.werkdesk.employer.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.TwvIntermediary;
import nl.werkdesk.employer.domain.Employer;
import nl.werkdesk.employer.domain.JobFair;
import nl.werkdesk.employer.domain.Vacancy;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.testing.ContractSchemas;
import org.junit.jupiter.api.Test;

/**
 * Every stored event of the three aggregates is published as one event of werkdesk.employers.v1 of the same name, that
 * its JSON Schema accepts, with the very data it is stored with: the published language did not change when the
 * aggregates got vocabularies of their own. The one exception is a change of contact person, which is not published.
 */
class EmployerPublicationTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final UUID EMPLOYER = UUID.fromString("0b9f3c2e-1d4a-4e5f-8a6b-7c8d9e0f1a2b");
    static final UUID VACANCY = UUID.fromString("5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    static final UUID FAIR = UUID.fromString("7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b");
    static final UUID PARTICIPANT = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    static final UUID EVENT = UUID.fromString("7d1c2b3a-0000-4000-8000-000000000002");
    static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    static final List<Employer.Event> EMPLOYER_EVENTS = List.of(
            new Employer.Event.EmployerRegistered(EMPLOYER, DAY, "Bakkerij De Molen", "12345678", Sector.HOME_CARE, false,
                    new TwvIntermediary(DAY, DAY.plusMonths(5))),
            new Employer.Event.TwvIntermediaryChanged(EMPLOYER, DAY, null),
            new Employer.Event.ContactPersonChanged(EMPLOYER, DAY));
    static final List<Vacancy.Event> VACANCY_EVENTS = List.of(
            new Vacancy.Event.VacancyOpened(VACANCY, EMPLOYER, DAY, "Productiemedewerker", Sector.PRODUCTION, 32, 1500,
                    LanguageLevel.A2, "Amsterdam"),
            new Vacancy.Event.VacancyFilled(VACANCY, EMPLOYER, DAY, PARTICIPANT),
            new Vacancy.Event.VacancyClosed(VACANCY, EMPLOYER, DAY));
    static final List<JobFair.Event> JOB_FAIR_EVENTS = List.of(
            new JobFair.Event.JobFairHeld(FAIR, DAY, "azc Willinklaan", List.of(EMPLOYER)),
            new JobFair.Event.CandidateMetEmployer(FAIR, PARTICIPANT, EMPLOYER, DAY));

    @Test
    void publishesEveryEventAsOneIntegrationEventOfTheSameNameWithItsStoredDataThatItsSchemaAccepts() throws Exception {
        SealedTypes.assertEveryTypeHasAnExample(Employer.Event.class, EMPLOYER_EVENTS);
        SealedTypes.assertEveryTypeHasAnExample(Vacancy.Event.class, VACANCY_EVENTS);
        SealedTypes.assertEveryTypeHasAnExample(JobFair.Event.class, JOB_FAIR_EVENTS);
        List<Object> all = new ArrayList<>(EMPLOYER_EVENTS);
        all.addAll(VACANCY_EVENTS);
        all.addAll(JOB_FAIR_EVENTS);
        for (Object event : all) {
            if (event instanceof Employer.Event.ContactPersonChanged) {
                continue;
            }
            List<Publication.Published> published = EmployerPublication.PUBLICATION.publish(EVENT, event);
            String name = event.getClass().getSimpleName();
            assertEquals(1, published.size(), name);
            assertEquals(EVENT, published.get(0).id(), name + ": the stored event's id");
            assertEquals(name, published.get(0).type().name());
            String data = JSON.writeValueAsString(published.get(0).event());
            ContractSchemas.assertValid(published.get(0).type(), data);
            assertEquals(JSON.readTree(JSON.writeValueAsString(event)), JSON.readTree(data), name + ": published as stored");
        }
    }

    @Test
    void publishesNothingOfAChangeOfContactPerson() {
        assertEquals(List.of(), EmployerPublication.PUBLICATION.publish(EVENT, new Employer.Event.ContactPersonChanged(EMPLOYER, DAY)));
    }

    @Test
    void publishesAVacancyFilledOutsideThePilotWithANullParticipant() throws Exception {
        var published = EmployerPublication.PUBLICATION.publish(EVENT, new Vacancy.Event.VacancyFilled(VACANCY, EMPLOYER, DAY, null)).get(0);
        ContractSchemas.assertValid(published.type(), JSON.writeValueAsString(published.event()));
        assertNull(((nl.werkdesk.contracts.employer.EmployerEvent.VacancyFilled) published.event()).participantId());
    }
}
