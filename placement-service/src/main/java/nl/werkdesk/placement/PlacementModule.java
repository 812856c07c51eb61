package nl.werkdesk.placement;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.eventsourcing.store.DomainEvents;
import nl.werkdesk.placement.domain.CommutingRegions;
import nl.werkdesk.placement.domain.Placement;
import nl.werkdesk.placement.domain.PlacementEvent;
import nl.werkdesk.placement.publication.PlacementPublication;
import nl.werkdesk.placement.view.PlacementProjection;

/** Wires the placement domain to the kernel: the aggregate, its stored events, its publication, the commuting regions and the milestone. */
@ApplicationScoped
public class PlacementModule {

    /** The placement's events as the store keeps them: the names and fields they have always been stored with, version 1. */
    static final DomainEvents<PlacementEvent> EVENTS = DomainEvents.of(PlacementEvent.class, PlacementEvent::occurredOn);

    public static final String STREAM_TYPE = "placement";

    @ConfigMapping(prefix = "werkdesk.placement")
    public interface Config {
        /** Per commuting region, the places in it: reception locations (azc) and job locations. */
        Map<String, List<String>> commutingRegions();

        /** How long a placement must last to count as sustained. */
        Period sustainedAfter();

        /** How often the milestone check looks for placements that became sustained. */
        Duration milestoneCheckInterval();

        /** At most this many placements per check; the next check takes the rest. */
        int milestoneBatchSize();
    }

    @Produces
    @Singleton
    CommutingRegions commutingRegions(Config config) {
        return new CommutingRegions(config.commutingRegions());
    }

    @Produces
    @Singleton
    Aggregate<Placement.Command, Placement.State, PlacementEvent> placements(CommutingRegions regions, Config config,
                                                                             PlacementProjection projection) {
        return new Aggregate<>(STREAM_TYPE, Placement.decider(regions, config.sustainedAfter()), EVENTS, projection);
    }

    /** What the relay publishes: the placement's events in the published language of werkdesk.placements.v1. */
    @Produces
    Publication publication() {
        return PlacementPublication.PUBLICATION;
    }
}
