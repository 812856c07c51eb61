package nl.werkdesk.permit.publication;

import java.util.List;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.permit.PermitEvent.TwvApplicationCompleted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvEnded;
import nl.werkdesk.contracts.permit.PermitEvent.TwvExpired;
import nl.werkdesk.contracts.permit.PermitEvent.TwvGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvNoLongerRequired;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRefused;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequestDeclined;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequested;
import nl.werkdesk.contracts.permit.PermitEvent.TwvWithdrawn;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.permit.domain.PermitEvent;

/**
 * The permit service's published language: each step of a TWV as the integration event of werkdesk.permits.v1 of the
 * same name, field for field (platform/contracts). The screening's wait for the other services' news (ScreeningDeferred,
 * InformationReceived) is published as nothing: what other services need of it is already in the steps (a request, and
 * its decline once the participant is known). Change this mapping on purpose, and the contract only through a new schema
 * or topic version.
 */
public final class PermitPublication {

    public static final Publication PUBLICATION = Publication.of(nl.werkdesk.contracts.permit.PermitEvent.CATALOG)
            .map(PermitEvent.class, PermitPublication::publish);

    private PermitPublication() {
    }

    static List<IntegrationEvent> publish(PermitEvent event) {
        if (event instanceof PermitEvent.TwvRequested requested) {
            return List.of(new TwvRequested(requested.permitId(), requested.participantId(), requested.employerId(), requested.vacancyId(),
                    requested.hourlyWageCents(), requested.hoursPerWeek(), requested.startDate(), requested.requestedOn(),
                    requested.viaIntermediary()));
        }
        if (event instanceof PermitEvent.ScreeningDeferred || event instanceof PermitEvent.InformationReceived) {
            return List.of();
        }
        if (event instanceof PermitEvent.TwvRequestDeclined declined) {
            return List.of(new TwvRequestDeclined(declined.permitId(), declined.participantId(), declined.declinedOn(), declined.reason(),
                    declined.eligibleFrom()));
        }
        if (event instanceof PermitEvent.TwvApplicationCompleted completed) {
            return List.of(new TwvApplicationCompleted(completed.permitId(), completed.participantId(), completed.completedOn(),
                    completed.decisionDueOn()));
        }
        if (event instanceof PermitEvent.TwvGranted granted) {
            return List.of(new TwvGranted(granted.permitId(), granted.participantId(), granted.employerId(), granted.vacancyId(),
                    granted.grantedOn(), granted.validFrom(), granted.validUntil()));
        }
        if (event instanceof PermitEvent.TwvRefused refused) {
            return List.of(new TwvRefused(refused.permitId(), refused.participantId(), refused.refusedOn(), refused.reason()));
        }
        if (event instanceof PermitEvent.TwvWithdrawn withdrawn) {
            return List.of(new TwvWithdrawn(withdrawn.permitId(), withdrawn.participantId(), withdrawn.withdrawnOn()));
        }
        if (event instanceof PermitEvent.TwvExpired expired) {
            return List.of(new TwvExpired(expired.permitId(), expired.participantId(), expired.expiredOn()));
        }
        if (event instanceof PermitEvent.TwvNoLongerRequired notRequired) {
            return List.of(new TwvNoLongerRequired(notRequired.permitId(), notRequired.participantId(), notRequired.endedOn()));
        }
        PermitEvent.TwvEnded ended = (PermitEvent.TwvEnded) event;
        return List.of(new TwvEnded(ended.permitId(), ended.participantId(), ended.endedOn(), ended.reason()));
    }
}
