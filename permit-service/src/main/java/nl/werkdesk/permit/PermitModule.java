package nl.werkdesk.permit;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Period;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.eventsourcing.store.DomainEvents;
import nl.werkdesk.permit.domain.Permit;
import nl.werkdesk.permit.domain.PermitEvent;
import nl.werkdesk.permit.publication.PermitPublication;
import nl.werkdesk.permit.view.PermitProjection;

/** Wires the permit domain to the kernel: the aggregate, its stored events, its publication and the service's settings. */
@ApplicationScoped
public class PermitModule {

    /**
     * The permit's events as the store keeps them: the TWV's steps under the names and in the JSON they were always stored
     * with (rows stored before the permit had its own vocabulary read unchanged), and the screening's wait.
     */
    static final DomainEvents<PermitEvent> EVENTS = DomainEvents.of(PermitEvent.class, PermitEvent::occurredOn);

    public static final String STREAM_TYPE = "permit";

    @ConfigMapping(prefix = "werkdesk.permit")
    public interface Config {
        /** UWV's legal term to decide, from the day the application is complete (5 weeks). */
        Period decisionTerm();

        /** How often the due-dates job looks for what has become due (expiry, end of reception, waiting requests). */
        Duration dueDatesInterval();
    }

    @Produces
    @Singleton
    Aggregate<Permit.Command, Permit.State, PermitEvent> permits(PermitProjection projection) {
        return new Aggregate<>(STREAM_TYPE, Permit.DECIDER, EVENTS, projection);
    }

    /** What the relay publishes: the permit's steps in the published language of werkdesk.permits.v1. */
    @Produces
    Publication publication() {
        return PermitPublication.PUBLICATION;
    }
}
