package nl.werkdesk.placement.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.permit.DeclineReason;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.contracts.permit.PermitEvent.TwvEnded;
import nl.werkdesk.contracts.permit.PermitEvent.TwvExpired;
import nl.werkdesk.contracts.permit.PermitEvent.TwvGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvNoLongerRequired;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRefused;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequestDeclined;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequested;
import nl.werkdesk.contracts.permit.PermitEvent.TwvWithdrawn;
import nl.werkdesk.eventsourcing.consumer.IdempotentConsumer;
import nl.werkdesk.eventsourcing.consumer.IncomingEvent;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.placement.automation.RiskAssessment;
import nl.werkdesk.placement.domain.Placement.Command;
import nl.werkdesk.placement.domain.PlacementFacts.Closure;
import nl.werkdesk.placement.view.KnownParticipant;
import nl.werkdesk.placement.view.KnownPermit;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each participant's TWVs from werkdesk.permits.v1 (for which employer and vacancy, granted and valid when, or
 * how and when they closed), and lets an expiry or end put the placements that rest on the TWV at risk.
 */
@ApplicationScoped
public class PermitConsumer {

    static final String NAME = "placement-service-permits";

    private final IdempotentConsumer consumer;
    private final RiskAssessment risks;

    PermitConsumer(IdempotentConsumer consumer, RiskAssessment risks) {
        this.consumer = consumer;
        this.risks = risks;
    }

    @Incoming("permits")
    public Uni<Void> onPermitEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(NAME, batch, PermitEvent.CATALOG, PermitEvent.class, this::apply);
    }

    private Uni<Void> apply(IncomingEvent<PermitEvent> incoming) {
        PermitEvent event = incoming.event();
        if (event instanceof TwvRequested requested) {
            return known(requested.permitId(), requested.participantId(), requested.employerId(), requested.vacancyId()).replaceWithVoid();
        }
        if (event instanceof TwvGranted granted) {
            return known(granted.permitId(), granted.participantId(), granted.employerId(), granted.vacancyId()).invoke(permit -> {
                permit.grantedOn = granted.grantedOn();
                permit.validFrom = granted.validFrom();
                permit.validUntil = granted.validUntil();
            }).replaceWithVoid();
        }
        if (event instanceof TwvRefused refused) {
            return end(refused.permitId(), refused.refusedOn(), Closure.REFUSED);
        }
        if (event instanceof TwvRequestDeclined declined) {
            return end(declined.permitId(), declined.declinedOn(),
                    declined.reason() == DeclineReason.NOT_REQUIRED_STATUS_HOLDER ? Closure.DECLINED_AS_STATUS_HOLDER : Closure.DECLINED);
        }
        if (event instanceof TwvExpired expired) {
            return end(expired.permitId(), expired.expiredOn(), Closure.EXPIRED)
                    .chain(() -> assessPlacements(expired.participantId(), expired.permitId(), expired.expiredOn(), incoming));
        }
        if (event instanceof TwvEnded ended) {
            return end(ended.permitId(), ended.endedOn(), Closure.ENDED)
                    .chain(() -> assessPlacements(ended.participantId(), ended.permitId(), ended.endedOn(), incoming));
        }
        if (event instanceof TwvWithdrawn withdrawn) {
            return end(withdrawn.permitId(), withdrawn.withdrawnOn(), Closure.WITHDRAWN);
        }
        if (event instanceof TwvNoLongerRequired notRequired) {
            return end(notRequired.permitId(), notRequired.endedOn(), Closure.NO_LONGER_REQUIRED);
        }
        return Uni.createFrom().voidItem();
    }

    /** The permit's row, made on the first event that names its employer and vacancy. */
    private static Uni<KnownPermit> known(UUID permitId, UUID participantId, UUID employerId, UUID vacancyId) {
        return KnownPermit.<KnownPermit>findById(permitId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            KnownPermit permit = new KnownPermit();
            permit.permitId = permitId;
            permit.participantId = participantId;
            permit.employerId = employerId;
            permit.vacancyId = vacancyId;
            return permit.<KnownPermit>persist();
        });
    }

    private static Uni<Void> end(UUID permitId, LocalDate on, Closure how) {
        return KnownPermit.<KnownPermit>findById(permitId).chain(permit -> {
            if (permit == null) {
                return Uni.createFrom().failure(new PoisonMessage("TWV " + permitId + " " + how.words() + " but was never requested"));
            }
            if (permit.endedOn == null) {
                permit.endedOn = on;
                permit.endedBy = how.words();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** A status holder needs no TWV: the participant's residence status comes along to the decision. */
    private Uni<Void> assessPlacements(UUID participantId, UUID permitId, LocalDate endedOn, IncomingEvent<PermitEvent> incoming) {
        return KnownParticipant.<KnownParticipant>findById(participantId).chain(participant -> risks.ofPlacementsOnPermit(permitId,
                new Command.AssessPermitEnd(permitId, endedOn, participant == null ? null : participant.statusHolderSince), NAME, incoming));
    }
}
