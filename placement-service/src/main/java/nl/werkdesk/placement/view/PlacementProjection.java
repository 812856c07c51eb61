package nl.werkdesk.placement.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate.InlineProjection;
import nl.werkdesk.eventsourcing.store.RecordedEvent;
import nl.werkdesk.placement.PlacementModule;
import nl.werkdesk.placement.domain.Placement;
import nl.werkdesk.placement.domain.PlacementEvent;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementAtRisk;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementChanged;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementContinued;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementEnded;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementStarted;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementSustained;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementSustainedWithdrawn;

/** Keeps the placement list in step with the events, inside the append's transaction: it shows what they say, nothing more. */
@ApplicationScoped
public class PlacementProjection implements InlineProjection<PlacementEvent> {

    private final PlacementModule.Config config;

    PlacementProjection(PlacementModule.Config config) {
        this.config = config;
    }

    @Override
    public Uni<Void> apply(UUID placementId, List<RecordedEvent<PlacementEvent>> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RecordedEvent<PlacementEvent> recorded : events) {
            chain = chain.chain(() -> apply(placementId, recorded));
        }
        return chain;
    }

    private Uni<Void> apply(UUID placementId, RecordedEvent<PlacementEvent> recorded) {
        if (recorded.event() instanceof PlacementStarted started) {
            PlacementSummary row = new PlacementSummary();
            row.placementId = placementId;
            row.participantId = started.participantId();
            row.employerId = started.employerId();
            row.vacancyId = started.vacancyId();
            row.permitId = started.permitId();
            row.sector = started.sector();
            row.location = started.location();
            row.startedOn = started.startedOn();
            row.hoursPerWeek = started.hoursPerWeek();
            row.hourlyWageCents = started.hourlyWageCents();
            row.contractType = started.contractType();
            row.status = PlacementSummary.Status.ACTIVE;
            row.sustainedDueOn = Placement.sustainedDueOn(started.startedOn(), config.sustainedAfter());
            row.version = recorded.version();
            return row.persist().replaceWithVoid();
        }
        return Panache.getSession()
                .chain(session -> session.find(PlacementSummary.class, placementId))
                .invoke(row -> {
                    row.version = recorded.version();
                    change(row, recorded.event());
                })
                .replaceWithVoid();
    }

    private static void change(PlacementSummary row, PlacementEvent event) {
        if (event instanceof PlacementChanged changed) {
            row.hoursPerWeek = changed.hoursPerWeek();
            row.hourlyWageCents = changed.hourlyWageCents();
        } else if (event instanceof PlacementAtRisk atRisk) {
            List<String> reasons = new ArrayList<>(row.risks().stream().map(Enum::name).toList());
            reasons.add(atRisk.reason().name());
            row.riskReasons = String.join(",", reasons);
            if (row.atRiskSince == null) {
                row.atRiskSince = atRisk.flaggedOn();
            }
        } else if (event instanceof PlacementContinued) {
            row.riskReasons = null;
            row.atRiskSince = null;
        } else if (event instanceof PlacementEnded ended) {
            row.status = PlacementSummary.Status.ENDED;
            row.endedOn = ended.endedOn();
            row.endReason = ended.reason();
            row.riskReasons = null;
            row.atRiskSince = null;
        } else if (event instanceof PlacementSustained sustained) {
            row.sustainedOn = sustained.sustainedOn();
        } else if (event instanceof PlacementSustainedWithdrawn) {
            row.sustainedOn = null;
        }
    }
}
