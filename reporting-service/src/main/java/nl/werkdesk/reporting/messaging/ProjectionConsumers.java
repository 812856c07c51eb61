package nl.werkdesk.reporting.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.contracts.placement.PlacementEvent;
import nl.werkdesk.contracts.programme.ProgrammeEvent;
import nl.werkdesk.eventsourcing.consumer.IdempotentConsumer;
import nl.werkdesk.reporting.view.FactWriter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the projections up to date from every integration topic, the programme ledger's own included: each event
 * is applied once (its id recorded with the facts it wrote), and the facts do not depend on the order in which
 * the topics deliver.
 */
@ApplicationScoped
public class ProjectionConsumers {

    private final IdempotentConsumer consumer;
    private final FactWriter facts;

    ProjectionConsumers(IdempotentConsumer consumer, FactWriter facts) {
        this.consumer = consumer;
        this.facts = facts;
    }

    @Incoming("participants")
    public Uni<Void> onParticipantEvent(Message<String> message) {
        return consumer.consume("reporting-participants", message, ParticipantEvent.CATALOG, ParticipantEvent.class,
                incoming -> facts.project(incoming.eventId(), incoming.event(), incoming.sequence()));
    }

    @Incoming("employers")
    public Uni<Void> onEmployerEvent(Message<String> message) {
        return consumer.consume("reporting-employers", message, EmployerEvent.CATALOG, EmployerEvent.class,
                incoming -> facts.project(incoming.eventId(), incoming.event(), incoming.sequence()));
    }

    @Incoming("permits")
    public Uni<Void> onPermitEvent(Message<String> message) {
        return consumer.consume("reporting-permits", message, PermitEvent.CATALOG, PermitEvent.class,
                incoming -> facts.project(incoming.eventId(), incoming.event(), incoming.sequence()));
    }

    @Incoming("placements")
    public Uni<Void> onPlacementEvent(Message<String> message) {
        return consumer.consume("reporting-placements", message, PlacementEvent.CATALOG, PlacementEvent.class,
                incoming -> facts.project(incoming.eventId(), incoming.event(), incoming.sequence()));
    }

    @Incoming("programme")
    public Uni<Void> onProgrammeEvent(Message<String> message) {
        return consumer.consume("reporting-programme", message, ProgrammeEvent.CATALOG, ProgrammeEvent.class,
                incoming -> facts.project(incoming.eventId(), incoming.event(), incoming.sequence()));
    }
}
