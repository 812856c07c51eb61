package nl.werkdesk.permit.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.employer.EmployerEvent.EmployerRegistered;
import nl.werkdesk.eventsourcing.consumer.IdempotentConsumer;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.eventsourcing.store.EventMetadata;
import nl.werkdesk.permit.automation.PermitAutomation;
import nl.werkdesk.permit.view.KnownEmployer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the local list of employers from werkdesk.employers.v1 and lets the requests that waited for an
 * employer's registration be screened. Vacancies and job fairs do not matter here.
 */
@ApplicationScoped
public class EmployerConsumer {

    static final String NAME = "permit-service-employers";

    private final IdempotentConsumer consumer;
    private final PermitAutomation automation;

    EmployerConsumer(IdempotentConsumer consumer, PermitAutomation automation) {
        this.consumer = consumer;
        this.automation = automation;
    }

    @Incoming("employers")
    public Uni<Void> onEmployerEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(NAME, batch, EmployerEvent.CATALOG, EmployerEvent.class, incoming -> {
            if (!(incoming.event() instanceof EmployerRegistered registered)) {
                return Uni.createFrom().voidItem();
            }
            KnownEmployer employer = new KnownEmployer();
            employer.employerId = registered.employerId();
            employer.registeredOn = registered.registeredOn();
            return Panache.getSession().chain(session -> session.find(KnownEmployer.class, registered.employerId()))
                    .chain(existing -> existing != null
                            ? Uni.createFrom().failure(new PoisonMessage("employer " + registered.employerId() + " is registered twice"))
                            : employer.persist().replaceWithVoid())
                    .chain(() -> automation.screenWaitingForEmployer(registered.employerId(),
                            EventMetadata.causedBy(NAME, incoming.eventId())));
        });
    }
}
