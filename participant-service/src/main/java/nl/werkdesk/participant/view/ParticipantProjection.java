package nl.werkdesk.participant.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate.InlineProjection;
import nl.werkdesk.eventsourcing.store.RecordedEvent;
import nl.werkdesk.participant.domain.Participant.ResidenceStatus;
import nl.werkdesk.participant.domain.ParticipantEvent;
import nl.werkdesk.participant.domain.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.participant.domain.ParticipantEvent.AsylumApplicationRejected;
import nl.werkdesk.participant.domain.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.participant.domain.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.participant.domain.ParticipantEvent.ParticipantPersonalDataErased;
import nl.werkdesk.participant.domain.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.participant.domain.ParticipantEvent.RelocatedByCOA;
import nl.werkdesk.participant.domain.ParticipantEvent.ResidencePermitGranted;

/**
 * Keeps the participant list in step with the events, inside the append's transaction; on erasure it
 * deletes the personal data, so that the erasure and its event commit together.
 */
@ApplicationScoped
public class ParticipantProjection implements InlineProjection<ParticipantEvent> {

    @Override
    public Uni<Void> apply(UUID participantId, List<RecordedEvent<ParticipantEvent>> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RecordedEvent<ParticipantEvent> recorded : events) {
            chain = chain.chain(() -> apply(participantId, recorded));
        }
        return chain;
    }

    private Uni<Void> apply(UUID participantId, RecordedEvent<ParticipantEvent> recorded) {
        if (recorded.event() instanceof ParticipantRegistered registered) {
            ParticipantSummary summary = new ParticipantSummary();
            summary.participantId = participantId;
            summary.registeredOn = registered.registeredOn();
            summary.location = registered.location();
            summary.status = ParticipantSummary.Status.ACTIVE;
            summary.residenceStatus = ResidenceStatus.ASYLUM_SEEKER;
            summary.eligibleFrom = registered.workEligibility().from();
            summary.eligibleUntil = registered.workEligibility().until();
            summary.version = recorded.version();
            return summary.persist().replaceWithVoid();
        }
        return Panache.getSession()
                .chain(session -> session.find(ParticipantSummary.class, participantId))
                .chain(summary -> {
                    summary.version = recorded.version();
                    return change(summary, recorded.event());
                });
    }

    private Uni<Void> change(ParticipantSummary summary, ParticipantEvent event) {
        if (event instanceof IntakeCompleted intake) {
            summary.intakeCompletedOn = intake.completedOn();
        } else if (event instanceof ActivityCompleted) {
            summary.activityCount++;
        } else if (event instanceof RelocatedByCOA relocated) {
            summary.location = relocated.toLocation();
        } else if (event instanceof ResidencePermitGranted granted) {
            summary.residenceStatus = ResidenceStatus.STATUS_HOLDER;
            summary.statusHolderSince = granted.grantedOn();
            summary.receptionEndsOn = null;
        } else if (event instanceof AsylumApplicationRejected rejected) {
            summary.residenceStatus = ResidenceStatus.REJECTED;
            summary.receptionEndsOn = rejected.receptionEndsOn();
        } else if (event instanceof ParticipantLeftPilot left) {
            summary.status = ParticipantSummary.Status.LEFT;
            summary.leftOn = left.leftOn();
        } else if (event instanceof ParticipantPersonalDataErased erased) {
            summary.personalDataErasedOn = erased.erasedOn();
            return PersonalData.delete("participantId", summary.participantId).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
