package nl.werkdesk.employer.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.employer.view.PilotParticipant;
import nl.werkdesk.eventsourcing.consumer.IdempotentConsumer;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the local list of pilot participants from werkdesk.participants.v1, so that filling a vacancy or
 * recording a fair meeting can check the participant without asking participant-service. Only the id and
 * the dates of joining and leaving are kept; the other events do not matter here.
 */
@ApplicationScoped
public class ParticipantConsumer {

    static final String NAME = "employer-service-participants";

    private final IdempotentConsumer consumer;

    ParticipantConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("participants")
    public Uni<Void> onParticipantEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(NAME, batch, ParticipantEvent.CATALOG, ParticipantEvent.class, incoming -> {
            if (incoming.event() instanceof ParticipantRegistered registered) {
                PilotParticipant participant = new PilotParticipant();
                participant.participantId = registered.participantId();
                participant.registeredOn = registered.registeredOn();
                return Panache.getSession().chain(session -> session.find(PilotParticipant.class, registered.participantId())
                        .chain(existing -> existing != null
                                ? Uni.createFrom().failure(new PoisonMessage("participant " + registered.participantId() + " is registered twice"))
                                : participant.persist().replaceWithVoid()));
            }
            if (incoming.event() instanceof ParticipantLeftPilot left) {
                return Panache.getSession().chain(session -> session.find(PilotParticipant.class, left.participantId()))
                        .chain(participant -> {
                            if (participant == null) {
                                return Uni.createFrom().failure(new PoisonMessage("participant " + left.participantId() + " left before registering"));
                            }
                            participant.leftOn = left.leftOn();
                            return Uni.createFrom().voidItem();
                        });
            }
            return Uni.createFrom().voidItem();
        });
    }
}
