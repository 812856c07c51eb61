package nl.werkdesk.employer;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import nl.werkdesk.employer.domain.Employer;
import nl.werkdesk.employer.domain.JobFair;
import nl.werkdesk.employer.domain.MinimumWages;
import nl.werkdesk.employer.domain.Vacancy;
import nl.werkdesk.employer.publication.EmployerPublication;
import nl.werkdesk.employer.view.EmployerProjection;
import nl.werkdesk.employer.view.JobFairProjection;
import nl.werkdesk.employer.view.VacancyProjection;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.eventsourcing.store.DomainEvents;

/**
 * Wires the employer domain to the kernel: three kinds of stream (employer, vacancy, job fair), each with its own
 * stored events, published to one topic through one publication, and the dated statutory minimum wage.
 */
@ApplicationScoped
public class EmployerModule {

    /** The stored events of each aggregate, under the names (and at the schema version 1) they were always stored with. */
    static final DomainEvents<Employer.Event> EMPLOYER_EVENTS = DomainEvents.of(Employer.Event.class, Employer.Event::occurredOn);
    static final DomainEvents<Vacancy.Event> VACANCY_EVENTS = DomainEvents.of(Vacancy.Event.class, Vacancy.Event::occurredOn);
    static final DomainEvents<JobFair.Event> JOB_FAIR_EVENTS = DomainEvents.of(JobFair.Event.class, JobFair.Event::occurredOn);

    public static final String EMPLOYER = "employer";
    public static final String VACANCY = "vacancy";
    public static final String JOB_FAIR = "job-fair";

    @ConfigMapping(prefix = "werkdesk.minimum-wage")
    public interface MinimumWageConfig {
        /** The gross hourly statutory minimum wage for adults, by the date it came into force. */
        List<Rate> rates();

        interface Rate {
            LocalDate validFrom();

            long hourlyCents();
        }
    }

    @Produces
    @Singleton
    MinimumWages minimumWages(MinimumWageConfig config) {
        return new MinimumWages(config.rates().stream()
                .map(rate -> new MinimumWages.MinimumWage(rate.validFrom(), rate.hourlyCents()))
                .toList());
    }

    @Produces
    @Singleton
    Aggregate<Employer.Command, Employer.State, Employer.Event> employers(EmployerProjection projection) {
        return new Aggregate<>(EMPLOYER, Employer.DECIDER, EMPLOYER_EVENTS, projection);
    }

    @Produces
    @Singleton
    Aggregate<Vacancy.Command, Vacancy.State, Vacancy.Event> vacancies(MinimumWages minimumWages, VacancyProjection projection) {
        return new Aggregate<>(VACANCY, Vacancy.decider(minimumWages), VACANCY_EVENTS, projection);
    }

    @Produces
    @Singleton
    Aggregate<JobFair.Command, JobFair.State, JobFair.Event> jobFairs(JobFairProjection projection) {
        return new Aggregate<>(JOB_FAIR, JobFair.DECIDER, JOB_FAIR_EVENTS, projection);
    }

    /** What the relay publishes: the three aggregates' events in the published language of werkdesk.employers.v1. */
    @Produces
    Publication publication() {
        return EmployerPublication.PUBLICATION;
    }
}
