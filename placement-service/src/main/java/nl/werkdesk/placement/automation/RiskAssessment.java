package nl.werkdesk.placement.automation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import nl.werkdesk.contracts.placement.PlacementEvent;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.command.CommandRequest;
import nl.werkdesk.eventsourcing.command.Expectation;
import nl.werkdesk.eventsourcing.consumer.IncomingEvent;
import nl.werkdesk.eventsourcing.store.EventMetadata;
import nl.werkdesk.placement.domain.Placement;
import nl.werkdesk.placement.view.PlacementSummary;

/**
 * Lets every active placement that a consumed event may threaten decide whether it is now at risk. Runs in
 * the consumer's transaction, so the record of the consumed event and any PlacementAtRisk commit together
 * (and a redelivered event has no effect); each PlacementAtRisk names the consumed event as its cause.
 */
@ApplicationScoped
public class RiskAssessment {

    private final CommandHandler handler;
    private final Aggregate<Placement.Command, Placement.State, PlacementEvent> placements;

    RiskAssessment(CommandHandler handler, Aggregate<Placement.Command, Placement.State, PlacementEvent> placements) {
        this.handler = handler;
        this.placements = placements;
    }

    public Uni<Void> ofParticipantsPlacements(UUID participantId, Placement.Command command, String consumer, IncomingEvent<?> cause) {
        return PlacementSummary.<PlacementSummary>list("participantId = ?1 and status = ?2", participantId, PlacementSummary.Status.ACTIVE)
                .chain(active -> assess(active, command, consumer, cause));
    }

    public Uni<Void> ofPlacementsOnPermit(UUID permitId, Placement.Command command, String consumer, IncomingEvent<?> cause) {
        return PlacementSummary.<PlacementSummary>list("permitId = ?1 and status = ?2", permitId, PlacementSummary.Status.ACTIVE)
                .chain(active -> assess(active, command, consumer, cause));
    }

    private Uni<Void> assess(List<PlacementSummary> active, Placement.Command command, String consumer, IncomingEvent<?> cause) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PlacementSummary placement : active) {
            CommandRequest<Placement.Command> request = new CommandRequest<>(placement.placementId, Expectation.EXISTING_STREAM, command,
                    OptionalLong.empty(), EventMetadata.causedBy(consumer, cause.eventId()));
            chain = chain.chain(() -> handler.handleInCurrentTransaction(placements, request).replaceWithVoid());
        }
        return chain;
    }
}
