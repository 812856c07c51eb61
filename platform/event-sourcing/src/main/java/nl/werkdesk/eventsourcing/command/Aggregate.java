package nl.werkdesk.eventsourcing.command;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.store.DomainEvents;
import nl.werkdesk.eventsourcing.store.RecordedEvent;

/**
 * One kind of stream a service keeps: its type name, its decider, its own vocabulary of events as the store keeps them
 * (names, schema versions, upcasters), and the inline projection that updates the service's views in the same
 * transaction as every append. What other services see of these events is the service's {@code Publication}.
 */
public record Aggregate<C, S, E>(String streamType, Decider<C, S, E> decider, DomainEvents<E> events,
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
