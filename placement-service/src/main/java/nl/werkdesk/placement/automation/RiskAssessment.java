package nl.werkdesk.placement.automation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.command.CommandRequest;
import nl.werkdesk.eventsourcing.command.Expectation;
import nl.werkdesk.eventsourcing.consumer.IncomingEvent;
import nl.werkdesk.eventsourcing.store.EventMetadata;
import nl.werkdesk.placement.domain.Placement;
import nl.werkdesk.placement.domain.PlacementEvent;
import nl.werkdesk.placement.view.PlacementSummary;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Lets every active placement that a consumed event may threaten decide, on its own stream, whether it is now at risk.
 * Runs in the consumer's transaction, so the record of the consumed event and any PlacementAtRisk commit together
 * (and a redelivered event has no effect); each PlacementAtRisk names the consumed event as its cause. The placement
 * list only says which streams to ask.
 *
 * <p>The consumer's change to its local view is written (flushed) before the list is read: a start deciding at the same
 * moment waits for it and is then decided again ({@code StartFacts.confirm}), or has committed and is in the list.
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
        return Panache.getSession().chain(Mutiny.Session::flush)
                .chain(() -> PlacementSummary.<PlacementSummary>list("participantId = ?1 and status = ?2", participantId,
                        PlacementSummary.Status.ACTIVE))
                .chain(active -> assess(active, command, consumer, cause));
    }

    public Uni<Void> ofPlacementsOnPermit(UUID permitId, Placement.Command command, String consumer, IncomingEvent<?> cause) {
        return Panache.getSession().chain(Mutiny.Session::flush)
                .chain(() -> PlacementSummary.<PlacementSummary>list("permitId = ?1 and status = ?2", permitId, PlacementSummary.Status.ACTIVE))
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
