package nl.werkdesk.employer;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.employer.domain.Employer;
import nl.werkdesk.employer.domain.JobFair;
import nl.werkdesk.employer.domain.MinimumWages;
import nl.werkdesk.employer.domain.Vacancy;
import nl.werkdesk.employer.view.EmployerProjection;
import nl.werkdesk.employer.view.JobFairProjection;
import nl.werkdesk.employer.view.VacancyProjection;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.eventsourcing.store.DomainEvents;

/**
 * Wires the employer domain to the kernel: three kinds of stream (employer, vacancy, job fair) that publish
 * to one topic through one catalog, and the dated statutory minimum wage.
 */
@ApplicationScoped
public class EmployerModule {

    /** The stored events of the service's aggregates: for now the published records themselves (names and versions as published). */
    static final DomainEvents<EmployerEvent> EVENTS = DomainEvents.of(EmployerEvent.class, EmployerEvent::occurredOn);

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
    Aggregate<Employer.Command, Employer.State, EmployerEvent> employers(EmployerProjection projection) {
        return new Aggregate<>(EMPLOYER, Employer.DECIDER, EVENTS, projection);
    }

    @Produces
    @Singleton
    Aggregate<Vacancy.Command, Vacancy.State, EmployerEvent> vacancies(MinimumWages minimumWages, VacancyProjection projection) {
        return new Aggregate<>(VACANCY, Vacancy.decider(minimumWages), EVENTS, projection);
    }

    @Produces
    @Singleton
    Aggregate<JobFair.Command, JobFair.State, EmployerEvent> jobFairs(JobFairProjection projection) {
        return new Aggregate<>(JOB_FAIR, JobFair.DECIDER, EVENTS, projection);
    }

    /** What the relay publishes: for now the stored events themselves, as they always were. */
    @Produces
    Publication publication() {
        return Publication.of(EmployerEvent.CATALOG).identity(EmployerEvent.class);
    }
}
