package nl.werkdesk.placement.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Consumer;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.employer.EmployerEvent.VacancyClosed;
import nl.werkdesk.contracts.employer.EmployerEvent.VacancyFilled;
import nl.werkdesk.contracts.employer.EmployerEvent.VacancyOpened;
import nl.werkdesk.eventsourcing.consumer.IdempotentConsumer;
import nl.werkdesk.eventsourcing.consumer.IncomingEvent;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.placement.view.KnownVacancy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the vacancies from werkdesk.employers.v1: whose they are, where the work is, and whether they are open. */
@ApplicationScoped
public class EmployerConsumer {

    static final String NAME = "placement-service-employers";

    private final IdempotentConsumer consumer;

    EmployerConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("employers")
    public Uni<Void> onEmployerEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(NAME, batch, EmployerEvent.CATALOG, EmployerEvent.class, EmployerConsumer::apply);
    }

    private static Uni<Void> apply(IncomingEvent<EmployerEvent> incoming) {
        EmployerEvent event = incoming.event();
        if (event instanceof VacancyOpened opened) {
            return KnownVacancy.<KnownVacancy>findById(opened.vacancyId()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().failure(new PoisonMessage("vacancy " + opened.vacancyId() + " is opened twice"));
                }
                KnownVacancy vacancy = new KnownVacancy();
                vacancy.vacancyId = opened.vacancyId();
                vacancy.employerId = opened.employerId();
                vacancy.location = opened.location();
                vacancy.openedOn = opened.openedOn();
                return vacancy.persist().replaceWithVoid();
            });
        }
        if (event instanceof VacancyFilled filled) {
            return update(filled.vacancyId(), vacancy -> {
                vacancy.filledOn = filled.filledOn();
                vacancy.filledBy = filled.participantId();
            });
        }
        if (event instanceof VacancyClosed closed) {
            return update(closed.vacancyId(), vacancy -> vacancy.closedOn = closed.closedOn());
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> update(UUID vacancyId, Consumer<KnownVacancy> change) {
        return KnownVacancy.<KnownVacancy>findById(vacancyId).chain(vacancy -> {
            if (vacancy == null) {
                return Uni.createFrom().failure(new PoisonMessage("vacancy " + vacancyId + " was never opened"));
            }
            change.accept(vacancy);
            return Uni.createFrom().voidItem();
        });
    }
}
