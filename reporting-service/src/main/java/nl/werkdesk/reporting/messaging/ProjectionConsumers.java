package nl.werkdesk.reporting.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.contracts.placement.PlacementEvent;
import nl.werkdesk.contracts.programme.ProgrammeEvent;
import nl.werkdesk.eventsourcing.consumer.IdempotentConsumer;
import nl.werkdesk.reporting.view.FactWriter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the projections up to date from every integration topic, the programme ledger's own included: each event
 * is applied once (its id recorded with the facts it wrote), and the facts do not depend on the order in which
 * the topics deliver. Each method takes a poll at once, applied in one transaction ({@link IdempotentConsumer}).
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
    public Uni<Void> onParticipantEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("reporting-participants", batch, ParticipantEvent.CATALOG, ParticipantEvent.class,
                incoming -> facts.project(incoming.eventId(), incoming.event(), incoming.sequence()));
    }

    @Incoming("employers")
    public Uni<Void> onEmployerEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("reporting-employers", batch, EmployerEvent.CATALOG, EmployerEvent.class,
                incoming -> facts.project(incoming.eventId(), incoming.event(), incoming.sequence()));
    }

    @Incoming("permits")
    public Uni<Void> onPermitEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("reporting-permits", batch, PermitEvent.CATALOG, PermitEvent.class,
                incoming -> facts.project(incoming.eventId(), incoming.event(), incoming.sequence()));
    }

    @Incoming("placements")
    public Uni<Void> onPlacementEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("reporting-placements", batch, PlacementEvent.CATALOG, PlacementEvent.class,
                incoming -> facts.project(incoming.eventId(), incoming.event(), incoming.sequence()));
    }

    @Incoming("programme")
    public Uni<Void> onProgrammeEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("reporting-programme", batch, ProgrammeEvent.CATALOG, ProgrammeEvent.class,
                incoming -> facts.project(incoming.eventId(), incoming.event(), incoming.sequence()));
    }
}
