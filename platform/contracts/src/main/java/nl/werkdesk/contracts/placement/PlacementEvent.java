package nl.werkdesk.contracts.placement;

import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.Topics;

/**
 * A participant's job with one employer, from start to end, as published on werkdesk.placements.v1 (key:
 * the placement id). Every event names the participant.
 */
public sealed interface PlacementEvent extends IntegrationEvent {

    EventCatalog CATALOG = EventCatalog.of("placement", Topics.PLACEMENTS, "placement-service", PlacementEvent.class);

    UUID placementId();

    UUID participantId();

    /**
     * The participant started work. {@code permitId} is the granted TWV it rests on; null for a status
     * holder, who needs none.
     */
    record PlacementStarted(UUID placementId, UUID participantId, UUID employerId, UUID vacancyId, UUID permitId,
                            Sector sector, String location, LocalDate startedOn, int hoursPerWeek, long hourlyWageCents,
                            ContractType contractType) implements PlacementEvent {
        public LocalDate occurredOn() {
            return startedOn;
        }
    }

    /** The hours or the wage changed. */
    record PlacementChanged(UUID placementId, UUID participantId, LocalDate changedOn, int hoursPerWeek, long hourlyWageCents)
            implements PlacementEvent {
        public LocalDate occurredOn() {
            return changedOn;
        }
    }

    /** Something threatens the placement (a relocation out of the job's region, the permit, the asylum status). */
    record PlacementAtRisk(UUID placementId, UUID participantId, LocalDate flaggedOn, RiskReason reason) implements PlacementEvent {
        public LocalDate occurredOn() {
            return flaggedOn;
        }
    }

    /** The caseworker confirmed that a placement at risk continues. */
    record PlacementContinued(UUID placementId, UUID participantId, LocalDate confirmedOn) implements PlacementEvent {
        public LocalDate occurredOn() {
            return confirmedOn;
        }
    }

    /**
     * The placement ended. {@code endedOn} is the first day out of the job: the participant worked up to, not including,
     * that day (so a placement lasts endedOn - startedOn days, and one ended on its 26-week milestone lasted 26 weeks).
     */
    record PlacementEnded(UUID placementId, UUID participantId, LocalDate endedOn, EndReason reason) implements PlacementEvent {
        public LocalDate occurredOn() {
            return endedOn;
        }
    }

    /**
     * The placement lasted 26 weeks: a sustained placement, the usual re-integration yardstick. It holds unless a
     * PlacementSustainedWithdrawn follows.
     */
    record PlacementSustained(UUID placementId, UUID participantId, LocalDate sustainedOn) implements PlacementEvent {
        public LocalDate occurredOn() {
            return sustainedOn;
        }
    }

    /**
     * The placement no longer counts as sustained from {@code withdrawnOn} on. placement-service publishes it right after
     * the PlacementEnded that withdraws it: an end reported after the milestone was recorded but dated before it (the news
     * came late), so the placement did not last 26 weeks after all. It is dated on that end (its endedOn), which lies
     * before the milestone, so as of any date the placement does not count as sustained.
     */
    record PlacementSustainedWithdrawn(UUID placementId, UUID participantId, LocalDate withdrawnOn) implements PlacementEvent {
        public LocalDate occurredOn() {
            return withdrawnOn;
        }
    }
}
