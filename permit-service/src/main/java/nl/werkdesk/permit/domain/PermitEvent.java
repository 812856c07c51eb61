package nl.werkdesk.permit.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.permit.DeclineReason;
import nl.werkdesk.contracts.permit.EndReason;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.permit.domain.Facts.Information;

/**
 * What happened to a permit, as permit-service stores it: the permit's own vocabulary. The TWV's steps have the names
 * and fields they were always stored with (PermitPublication publishes them as the events of werkdesk.permits.v1); the
 * screening's wait for the other services' news is the service's own business and is not published.
 */
public sealed interface PermitEvent {

    UUID permitId();

    UUID participantId();

    /** The business date of the event: stored as occurred_at, published as ce_time. */
    LocalDate occurredOn();

    /** The employer requested a TWV at UWV for this participant and job. */
    record TwvRequested(UUID permitId, UUID participantId, UUID employerId, UUID vacancyId, long hourlyWageCents,
                        int hoursPerWeek, LocalDate startDate, LocalDate requestedOn, boolean viaIntermediary) implements PermitEvent {
        public LocalDate occurredOn() {
            return requestedOn;
        }
    }

    /**
     * Werkdesk could not screen the request yet: the other services had not told of the participant or the employer
     * ({@code awaiting}). The request waits; completing it is refused as not yet known until the information arrived.
     */
    record ScreeningDeferred(UUID permitId, UUID participantId, Set<Information> awaiting, LocalDate deferredOn) implements PermitEvent {
        public ScreeningDeferred {
            awaiting = Information.setOf(awaiting);
        }

        public LocalDate occurredOn() {
            return deferredOn;
        }
    }

    /**
     * Information a deferred screening waited for has arrived from the other services' topics; {@code receivedOn} is the
     * day Werkdesk could first have known it (the request, or the registration if that came later).
     */
    record InformationReceived(UUID permitId, UUID participantId, Set<Information> received, LocalDate receivedOn) implements PermitEvent {
        public InformationReceived {
            received = Information.setOf(received);
        }

        public LocalDate occurredOn() {
            return receivedOn;
        }
    }

    /** Werkdesk declined to pursue the request under its own rules ({@code eligibleFrom}: from when the participant may work). */
    record TwvRequestDeclined(UUID permitId, UUID participantId, LocalDate declinedOn, DeclineReason reason,
                              LocalDate eligibleFrom) implements PermitEvent {
        public LocalDate occurredOn() {
            return declinedOn;
        }
    }

    /** The application is complete: UWV's legal term to decide runs until {@code decisionDueOn}. */
    record TwvApplicationCompleted(UUID permitId, UUID participantId, LocalDate completedOn, LocalDate decisionDueOn)
            implements PermitEvent {
        public LocalDate occurredOn() {
            return completedOn;
        }
    }

    /** UWV granted the TWV for this employer and job. */
    record TwvGranted(UUID permitId, UUID participantId, UUID employerId, UUID vacancyId, LocalDate grantedOn,
                      LocalDate validFrom, LocalDate validUntil) implements PermitEvent {
        public LocalDate occurredOn() {
            return grantedOn;
        }
    }

    /** UWV refused the TWV. */
    record TwvRefused(UUID permitId, UUID participantId, LocalDate refusedOn, RefusalReason reason) implements PermitEvent {
        public LocalDate occurredOn() {
            return refusedOn;
        }
    }

    /** The employer withdrew the request. */
    record TwvWithdrawn(UUID permitId, UUID participantId, LocalDate withdrawnOn) implements PermitEvent {
        public LocalDate occurredOn() {
            return withdrawnOn;
        }
    }

    /** A granted TWV reached the end of its validity: {@code expiredOn} is the first day after validUntil. */
    record TwvExpired(UUID permitId, UUID participantId, LocalDate expiredOn) implements PermitEvent {
        public LocalDate occurredOn() {
            return expiredOn;
        }
    }

    /** The participant became a status holder: a pending or granted TWV is no longer required from {@code endedOn}. */
    record TwvNoLongerRequired(UUID permitId, UUID participantId, LocalDate endedOn) implements PermitEvent {
        public LocalDate occurredOn() {
            return endedOn;
        }
    }

    /** Reception ended after a rejected asylum application: the TWV ends on {@code endedOn}, the first day without it. */
    record TwvEnded(UUID permitId, UUID participantId, LocalDate endedOn, EndReason reason) implements PermitEvent {
        public LocalDate occurredOn() {
            return endedOn;
        }
    }
}
