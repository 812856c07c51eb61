package nl.werkdesk.permit.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate.InlineProjection;
import nl.werkdesk.eventsourcing.store.RecordedEvent;
import nl.werkdesk.permit.domain.Facts.Information;
import nl.werkdesk.permit.domain.Permit.Status;
import nl.werkdesk.permit.domain.PermitEvent;
import nl.werkdesk.permit.domain.PermitEvent.InformationReceived;
import nl.werkdesk.permit.domain.PermitEvent.ScreeningDeferred;
import nl.werkdesk.permit.domain.PermitEvent.TwvApplicationCompleted;
import nl.werkdesk.permit.domain.PermitEvent.TwvEnded;
import nl.werkdesk.permit.domain.PermitEvent.TwvExpired;
import nl.werkdesk.permit.domain.PermitEvent.TwvGranted;
import nl.werkdesk.permit.domain.PermitEvent.TwvNoLongerRequired;
import nl.werkdesk.permit.domain.PermitEvent.TwvRefused;
import nl.werkdesk.permit.domain.PermitEvent.TwvRequestDeclined;
import nl.werkdesk.permit.domain.PermitEvent.TwvRequested;
import nl.werkdesk.permit.domain.PermitEvent.TwvWithdrawn;

/**
 * Keeps the permit list in step with the events, inside the append's transaction: the only writer of the list, so a
 * rebuild from the event store gives every row back as it was.
 */
@ApplicationScoped
public class PermitProjection implements InlineProjection<PermitEvent> {

    @Override
    public Uni<Void> apply(UUID permitId, List<RecordedEvent<PermitEvent>> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RecordedEvent<PermitEvent> recorded : events) {
            chain = chain.chain(() -> apply(permitId, recorded));
        }
        return chain;
    }

    private Uni<Void> apply(UUID permitId, RecordedEvent<PermitEvent> recorded) {
        if (recorded.event() instanceof TwvRequested requested) {
            PermitSummary summary = new PermitSummary();
            summary.permitId = permitId;
            summary.participantId = requested.participantId();
            summary.employerId = requested.employerId();
            summary.vacancyId = requested.vacancyId();
            summary.status = Status.REQUESTED;
            summary.requestedOn = requested.requestedOn();
            summary.startDate = requested.startDate();
            summary.version = recorded.version();
            return summary.persist().replaceWithVoid();
        }
        return Panache.getSession()
                .chain(session -> session.find(PermitSummary.class, permitId))
                .invoke(summary -> {
                    summary.version = recorded.version();
                    change(summary, recorded.event());
                    if (summary.status != Status.REQUESTED) {
                        // Only a requested permit waits for information, as in the decider's state.
                        summary.awaitingParticipant = false;
                        summary.awaitingEmployer = false;
                    }
                })
                .replaceWithVoid();
    }

    private static void change(PermitSummary summary, PermitEvent event) {
        if (event instanceof ScreeningDeferred deferred) {
            summary.awaitingParticipant |= deferred.awaiting().contains(Information.PARTICIPANT);
            summary.awaitingEmployer |= deferred.awaiting().contains(Information.EMPLOYER);
        } else if (event instanceof InformationReceived received) {
            summary.awaitingParticipant &= !received.received().contains(Information.PARTICIPANT);
            summary.awaitingEmployer &= !received.received().contains(Information.EMPLOYER);
        } else if (event instanceof TwvRequestDeclined declined) {
            summary.status = Status.DECLINED;
            summary.closedOn = declined.declinedOn();
        } else if (event instanceof TwvApplicationCompleted completed) {
            summary.status = Status.APPLICATION_COMPLETE;
            summary.completedOn = completed.completedOn();
            summary.decisionDueOn = completed.decisionDueOn();
        } else if (event instanceof TwvGranted granted) {
            summary.status = Status.GRANTED;
            summary.decidedOn = granted.grantedOn();
            summary.validUntil = granted.validUntil();
        } else if (event instanceof TwvRefused refused) {
            summary.status = Status.REFUSED;
            summary.decidedOn = refused.refusedOn();
            summary.closedOn = refused.refusedOn();
        } else if (event instanceof TwvWithdrawn withdrawn) {
            summary.status = Status.WITHDRAWN;
            summary.closedOn = withdrawn.withdrawnOn();
        } else if (event instanceof TwvExpired expired) {
            summary.status = Status.EXPIRED;
            summary.closedOn = expired.expiredOn();
        } else if (event instanceof TwvNoLongerRequired notRequired) {
            summary.status = Status.NO_LONGER_REQUIRED;
            summary.closedOn = notRequired.endedOn();
        } else if (event instanceof TwvEnded ended) {
            summary.status = Status.ENDED;
            summary.closedOn = ended.endedOn();
        }
    }
}
