package nl.werkdesk.placement.domain;

import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.RiskReason;

/**
 * What happens to a placement, as placement-service stores it: the aggregate's own vocabulary. Other services see these
 * events only as {@code PlacementPublication} maps them onto werkdesk.placements.v1. The names and fields are those the
 * store has always held, so every stored row reads as it was written. Every event names the participant.
 */
public sealed interface PlacementEvent {

    UUID placementId();

    UUID participantId();

    /** The business date of the event. */
    LocalDate occurredOn();

    /** The participant started work; {@code permitId} is the granted TWV it rests on, null for a status holder. */
    record PlacementStarted(UUID placementId, UUID participantId, UUID employerId, UUID vacancyId, UUID permitId,
                            Sector sector, String location, LocalDate startedOn, int hoursPerWeek, long hourlyWageCents,
                            ContractType contractType) implements PlacementEvent {
        public LocalDate occurredOn() {
            return startedOn;
        }
    }

    /** The hours or the wage changed from {@code changedOn} on. */
    record PlacementChanged(UUID placementId, UUID participantId, LocalDate changedOn, int hoursPerWeek, long hourlyWageCents)
            implements PlacementEvent {
        public LocalDate occurredOn() {
            return changedOn;
        }
    }

    /** Something threatens the placement: a relocation out of the job's region, the end of its TWV, a rejected asylum application. */
    record PlacementAtRisk(UUID placementId, UUID participantId, LocalDate flaggedOn, RiskReason reason) implements PlacementEvent {
        public LocalDate occurredOn() {
            return flaggedOn;
        }
    }

    /** The caseworker confirmed that a placement at risk continues: its open risks are resolved. */
    record PlacementContinued(UUID placementId, UUID participantId, LocalDate confirmedOn) implements PlacementEvent {
        public LocalDate occurredOn() {
            return confirmedOn;
        }
    }

    /** The placement ended; {@code endedOn} is the first day out of the job. */
    record PlacementEnded(UUID placementId, UUID participantId, LocalDate endedOn, EndReason reason) implements PlacementEvent {
        public LocalDate occurredOn() {
            return endedOn;
        }
    }

    /** The placement lasted until its milestone (26 weeks), dated on the milestone itself. */
    record PlacementSustained(UUID placementId, UUID participantId, LocalDate sustainedOn) implements PlacementEvent {
        public LocalDate occurredOn() {
            return sustainedOn;
        }
    }

    /**
     * The milestone no longer holds: the placement ended on {@code withdrawnOn}, before its milestone, and that end was
     * recorded after the milestone was. Follows that PlacementEnded in the same append.
     */
    record PlacementSustainedWithdrawn(UUID placementId, UUID participantId, LocalDate withdrawnOn) implements PlacementEvent {
        public LocalDate occurredOn() {
            return withdrawnOn;
        }
    }
}
