package nl.werkdesk.permit.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent.AsylumApplicationRejected;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.contracts.participant.ParticipantEvent.ResidencePermitGranted;
import nl.werkdesk.eventsourcing.consumer.IdempotentConsumer;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.eventsourcing.store.EventMetadata;
import nl.werkdesk.permit.automation.PermitAutomation;
import nl.werkdesk.permit.view.KnownParticipant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the local view of each participant's right to work from werkdesk.participants.v1, so that the TWV
 * rules are decided here without asking participant-service, and acts on the news: a registration lets waiting
 * requests be screened, a residence permit makes open TWVs unnecessary, a rejection dates the end of reception
 * (applied by the due-dates job once that day has come).
 */
@ApplicationScoped
public class ParticipantConsumer {

    static final String NAME = "permit-service-participants";

    private final IdempotentConsumer consumer;
    private final PermitAutomation automation;

    ParticipantConsumer(IdempotentConsumer consumer, PermitAutomation automation) {
        this.consumer = consumer;
        this.automation = automation;
    }

    @Incoming("participants")
    public Uni<Void> onParticipantEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(NAME, batch, ParticipantEvent.CATALOG, ParticipantEvent.class, incoming -> {
            EventMetadata cause = EventMetadata.causedBy(NAME, incoming.eventId());
            ParticipantEvent event = incoming.event();
            if (event instanceof ParticipantRegistered registered) {
                return register(registered).chain(() -> automation.screenWaitingForParticipant(registered.participantId(), cause));
            }
            if (event instanceof ResidencePermitGranted granted) {
                return known(granted.participantId()).invoke(participant -> {
                    participant.statusHolderSince = granted.grantedOn();
                    participant.receptionEndsOn = null;
                    participant.rejectionEventId = null;
                }).chain(() -> automation.endAsNoLongerRequired(granted.participantId(), granted.grantedOn(), cause));
            }
            if (event instanceof AsylumApplicationRejected rejected) {
                return known(rejected.participantId()).invoke(participant -> {
                    participant.receptionEndsOn = rejected.receptionEndsOn();
                    participant.rejectionEventId = incoming.eventId();
                }).replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static Uni<Void> register(ParticipantRegistered registered) {
        if (registered.workEligibility() == null) {
            return Uni.createFrom().failure(new PoisonMessage("ParticipantRegistered without workEligibility"));
        }
        KnownParticipant participant = new KnownParticipant();
        participant.participantId = registered.participantId();
        participant.registeredOn = registered.registeredOn();
        participant.eligibleFrom = registered.workEligibility().from();
        participant.eligibleUntil = registered.workEligibility().until();
        return Panache.getSession().chain(session -> session.find(KnownParticipant.class, registered.participantId()))
                .chain(existing -> existing != null
                        ? Uni.createFrom().failure(new PoisonMessage("participant " + registered.participantId() + " is registered twice"))
                        : participant.persist().replaceWithVoid());
    }

    private static Uni<KnownParticipant> known(UUID participantId) {
        return Panache.getSession().chain(session -> session.find(KnownParticipant.class, participantId))
                .onItem().ifNull().failWith(() -> new PoisonMessage("participant " + participantId + " is not registered here"));
    }
}
