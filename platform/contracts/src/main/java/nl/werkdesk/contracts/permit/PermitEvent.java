package nl.werkdesk.contracts.permit;

import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.Topics;

/**
 * The work permit (tewerkstellingsvergunning, TWV) of one participant for one employer and one job, from
 * request to decision and end, as published on werkdesk.permits.v1 (key: the permit id). Every event names
 * the participant, so that a consumer never has to wait for an earlier one to know whose permit it is.
 */
public sealed interface PermitEvent extends IntegrationEvent {

    EventCatalog CATALOG = EventCatalog.of("permit", Topics.PERMITS, "permit-service", PermitEvent.class);

    UUID permitId();

    UUID participantId();

    /** The employer requested a TWV at UWV for this participant and job. */
    record TwvRequested(UUID permitId, UUID participantId, UUID employerId, UUID vacancyId, long hourlyWageCents,
                        int hoursPerWeek, LocalDate startDate, LocalDate requestedOn, boolean viaIntermediary) implements PermitEvent {
        public LocalDate occurredOn() {
            return requestedOn;
        }
    }

    /**
     * Werkdesk declined to pursue the request under its own rules: the participant may not work yet on the
     * start date ({@code eligibleFrom} says from when), or is a status holder and needs no TWV.
     */
    record TwvRequestDeclined(UUID permitId, UUID participantId, LocalDate declinedOn, DeclineReason reason,
                              LocalDate eligibleFrom) implements PermitEvent {
        public LocalDate occurredOn() {
            return declinedOn;
        }
    }

    /** The application is complete: UWV's legal term to decide (5 weeks) runs from today. */
    record TwvApplicationCompleted(UUID permitId, UUID participantId, LocalDate completedOn, LocalDate decisionDueOn)
            implements PermitEvent {
        public LocalDate occurredOn() {
            return completedOn;
        }
    }

    /** UWV granted the TWV for this employer and job, valid until the W-document ends. */
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

    /**
     * Reception ended after a rejected asylum application: the TWV ends with it. {@code endedOn} is the first
     * day without it, the day after AsylumApplicationRejected.receptionEndsOn (reception's last day).
     */
    record TwvEnded(UUID permitId, UUID participantId, LocalDate endedOn, EndReason reason) implements PermitEvent {
        public LocalDate occurredOn() {
            return endedOn;
        }
    }
}
