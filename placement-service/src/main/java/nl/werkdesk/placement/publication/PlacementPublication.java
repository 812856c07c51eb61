package nl.werkdesk.placement.publication;

import java.util.List;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementAtRisk;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementChanged;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementContinued;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustained;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustainedWithdrawn;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.placement.domain.PlacementEvent;

/**
 * placement-service's published language: each stored {@link PlacementEvent} as the integration event of
 * werkdesk.placements.v1 of the same name (platform/contracts), field for field. Change this mapping on purpose, and the
 * contract with it only through a new schema or topic version.
 */
public final class PlacementPublication {

    public static final Publication PUBLICATION = Publication.of(nl.werkdesk.contracts.placement.PlacementEvent.CATALOG)
            .map(PlacementEvent.class, PlacementPublication::publish);

    private PlacementPublication() {
    }

    static List<IntegrationEvent> publish(PlacementEvent event) {
        if (event instanceof PlacementEvent.PlacementStarted started) {
            return List.of(new PlacementStarted(started.placementId(), started.participantId(), started.employerId(), started.vacancyId(),
                    started.permitId(), started.sector(), started.location(), started.startedOn(), started.hoursPerWeek(),
                    started.hourlyWageCents(), started.contractType()));
        }
        if (event instanceof PlacementEvent.PlacementChanged changed) {
            return List.of(new PlacementChanged(changed.placementId(), changed.participantId(), changed.changedOn(), changed.hoursPerWeek(),
                    changed.hourlyWageCents()));
        }
        if (event instanceof PlacementEvent.PlacementAtRisk atRisk) {
            return List.of(new PlacementAtRisk(atRisk.placementId(), atRisk.participantId(), atRisk.flaggedOn(), atRisk.reason()));
        }
        if (event instanceof PlacementEvent.PlacementContinued continued) {
            return List.of(new PlacementContinued(continued.placementId(), continued.participantId(), continued.confirmedOn()));
        }
        if (event instanceof PlacementEvent.PlacementEnded ended) {
            return List.of(new PlacementEnded(ended.placementId(), ended.participantId(), ended.endedOn(), ended.reason()));
        }
        if (event instanceof PlacementEvent.PlacementSustained sustained) {
            return List.of(new PlacementSustained(sustained.placementId(), sustained.participantId(), sustained.sustainedOn()));
        }
        PlacementEvent.PlacementSustainedWithdrawn withdrawn = (PlacementEvent.PlacementSustainedWithdrawn) event;
        return List.of(new PlacementSustainedWithdrawn(withdrawn.placementId(), withdrawn.participantId(), withdrawn.withdrawnOn()));
    }
}
