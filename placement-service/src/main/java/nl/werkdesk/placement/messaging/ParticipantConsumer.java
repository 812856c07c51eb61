package nl.werkdesk.placement.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Consumer;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent.AsylumApplicationRejected;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.contracts.participant.ParticipantEvent.RelocatedByCOA;
import nl.werkdesk.contracts.participant.ParticipantEvent.ResidencePermitGranted;
import nl.werkdesk.eventsourcing.consumer.IdempotentConsumer;
import nl.werkdesk.eventsourcing.consumer.IncomingEvent;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.placement.automation.RiskAssessment;
import nl.werkdesk.placement.domain.Placement.Command;
import nl.werkdesk.placement.view.KnownParticipant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps what placements depend on from werkdesk.participants.v1 (intake, work eligibility, residence status,
 * leaving, the latest relocation), and lets a relocation or an asylum rejection put the participant's active placements
 * at risk.
 */
@ApplicationScoped
public class ParticipantConsumer {

    static final String NAME = "placement-service-participants";

    private final IdempotentConsumer consumer;
    private final RiskAssessment risks;

    ParticipantConsumer(IdempotentConsumer consumer, RiskAssessment risks) {
        this.consumer = consumer;
        this.risks = risks;
    }

    @Incoming("participants")
    public Uni<Void> onParticipantEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(NAME, batch, ParticipantEvent.CATALOG, ParticipantEvent.class, this::apply);
    }

    private Uni<Void> apply(IncomingEvent<ParticipantEvent> incoming) {
        ParticipantEvent event = incoming.event();
        if (event instanceof ParticipantRegistered registered) {
            return register(registered);
        }
        if (event instanceof IntakeCompleted intake) {
            return update(intake.participantId(), participant -> participant.intakeCompletedOn = intake.completedOn());
        }
        if (event instanceof ResidencePermitGranted granted) {
            return update(granted.participantId(), participant -> {
                participant.statusHolderSince = granted.grantedOn();
                participant.receptionEndsOn = null;
            });
        }
        if (event instanceof ParticipantLeftPilot left) {
            return update(left.participantId(), participant -> participant.leftOn = left.leftOn());
        }
        if (event instanceof RelocatedByCOA relocated) {
            return update(relocated.participantId(), participant -> {
                participant.relocatedTo = relocated.toLocation();
                participant.relocatedOn = relocated.relocatedOn();
            }).chain(() -> risks.ofParticipantsPlacements(relocated.participantId(),
                    new Command.AssessRelocation(relocated.toLocation(), relocated.relocatedOn()), NAME, incoming));
        }
        if (event instanceof AsylumApplicationRejected rejected) {
            return update(rejected.participantId(), participant -> participant.receptionEndsOn = rejected.receptionEndsOn())
                    .chain(() -> risks.ofParticipantsPlacements(rejected.participantId(),
                            new Command.AssessAsylumRejection(rejected.rejectedOn()), NAME, incoming));
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> register(ParticipantRegistered registered) {
        return KnownParticipant.<KnownParticipant>findById(registered.participantId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new PoisonMessage("participant " + registered.participantId() + " is registered twice"));
            }
            KnownParticipant participant = new KnownParticipant();
            participant.participantId = registered.participantId();
            participant.registeredOn = registered.registeredOn();
            participant.eligibleFrom = registered.workEligibility().from();
            participant.eligibleUntil = registered.workEligibility().until();
            participant.ineligibleReason = registered.workEligibility().reason();
            return participant.persist().replaceWithVoid();
        });
    }

    private static Uni<Void> update(UUID participantId, Consumer<KnownParticipant> change) {
        return known(participantId).invoke(change).replaceWithVoid();
    }

    /** A later step of a journey this service never saw begin cannot be applied. */
    private static Uni<KnownParticipant> known(UUID participantId) {
        return KnownParticipant.<KnownParticipant>findById(participantId).onItem().ifNull()
                .failWith(() -> new PoisonMessage("participant " + participantId + " is not registered"));
    }
}
