package nl.werkdesk.eventsourcing.command;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.store.RecordedEvent;

/**
 * One kind of stream a service keeps: its type name, its decider, the catalog its events belong to, and the
 * inline projection that updates the service's views in the same transaction as every append.
 */
public record Aggregate<C, S, E extends IntegrationEvent>(String streamType, Decider<C, S, E> decider,
                                                         EventCatalog catalog, Class<E> eventClass,
                                                         InlineProjection<E> projection) {

    /** Updates read models from newly appended events, inside the append's transaction. */
    @FunctionalInterface
    public interface InlineProjection<E> {
        Uni<Void> apply(UUID streamId, List<RecordedEvent<E>> events);

        static <E> InlineProjection<E> none() {
            return (streamId, events) -> Uni.createFrom().voidItem();
        }
    }
}
