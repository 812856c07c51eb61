package nl.werkdesk.placement.automation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.Unavailability;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.command.CommandRequest;
import nl.werkdesk.eventsourcing.command.Expectation;
import nl.werkdesk.eventsourcing.store.EventMetadata;
import nl.werkdesk.placement.PlacementModule;
import nl.werkdesk.placement.domain.Placement;
import nl.werkdesk.placement.domain.PlacementEvent;
import nl.werkdesk.placement.view.PlacementSummary;
import org.jboss.logging.Logger;

/**
 * Looks, on each business date, for placements that reached their milestone (26 weeks) and lets each record
 * PlacementSustained. The decider emits it once per placement, so a repeated check, a second replica or an
 * overlapping run adds nothing: a concurrent append is decided again and then finds the milestone recorded. The placement
 * list only says which placements to ask; each decides on its own stream.
 */
@ApplicationScoped
public class SustainedMilestoneCheck {

    static final String ACTOR = "placement-service:sustained-milestone";
    private static final Logger LOG = Logger.getLogger(SustainedMilestoneCheck.class);
    private static final String DUE = "sustainedOn is null and sustainedDueOn <= ?1 and (endedOn is null or endedOn >= sustainedDueOn)";

    private final CommandHandler handler;
    private final Aggregate<Placement.Command, Placement.State, PlacementEvent> placements;
    private final BusinessCalendar calendar;
    private final PlacementModule.Config config;

    SustainedMilestoneCheck(CommandHandler handler, Aggregate<Placement.Command, Placement.State, PlacementEvent> placements,
                            BusinessCalendar calendar, PlacementModule.Config config) {
        this.handler = handler;
        this.placements = placements;
        this.calendar = calendar;
        this.config = config;
    }

    @Scheduled(identity = "sustained-milestone", every = "${werkdesk.placement.milestone-check-interval}",
            delayed = "${werkdesk.placement.milestone-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> scheduled() {
        return check(calendar.today()).replaceWithVoid();
    }

    /** Records every milestone due on {@code today}; answers how many placements it recorded one for. */
    public Uni<Integer> check(LocalDate today) {
        return Panache.withSession(() -> PlacementSummary.<PlacementSummary>find(DUE, Sort.by("sustainedDueOn").and("placementId"), today)
                        .page(Page.ofSize(config.milestoneBatchSize())).list())
                .map(due -> due.stream().map(row -> row.placementId).toList())
                .chain(ids -> recordEach(ids, today))
                .onFailure().invoke(failure -> LOG.warnf("the sustained milestone check failed: %s", Unavailability.describe(failure)))
                .onFailure().recoverWithItem(0);
    }

    private Uni<Integer> recordEach(List<UUID> placementIds, LocalDate today) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (UUID placementId : placementIds) {
            CommandRequest<Placement.Command> request = new CommandRequest<>(placementId, Expectation.EXISTING_STREAM,
                    new Placement.Command.RecordSustainedMilestone(today), OptionalLong.empty(), EventMetadata.byActor(ACTOR));
            chain = chain.chain(recorded -> handler.handle(placements, request, result -> Uni.createFrom().voidItem())
                    .map(result -> recorded + result.appended().size())
                    .onFailure().invoke(failure -> LOG.warnf("placement %s: milestone not recorded: %s", placementId,
                            Unavailability.describe(failure)))
                    .onFailure().recoverWithItem(recorded));
        }
        return chain;
    }
}
