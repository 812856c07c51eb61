package nl.werkdesk.eventsourcing.sample;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.consumer.IdempotentConsumer;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.eventsourcing.store.DomainEvents;
import nl.werkdesk.eventsourcing.store.EventMetadata;
import nl.werkdesk.eventsourcing.sample.CounterEvent.CounterIncremented;
import nl.werkdesk.eventsourcing.sample.CounterEvent.CounterOpened;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Wires the sample counter to the kernel, with an inline view and a Kafka consumer of its own topic. */
@ApplicationScoped
public class SampleModule {

    /**
     * The metadata the consumer's effect would give a command it issues, taken after a database round trip of the effect,
     * per counter: the trace tests read the consumer span's context from it.
     */
    public static final Map<UUID, EventMetadata> CAUSED_BY_CONSUMER = new ConcurrentHashMap<>();

    /** Lets a test make the inline view fail, to prove the append rolls back with it. */
    public static final AtomicBoolean FAIL_INLINE_VIEW = new AtomicBoolean();

    @Produces
    @Singleton
    Aggregate<Counter.Command, Counter.State, CounterEvent> counters() {
        return new Aggregate<>("counter", Counter.DECIDER, DomainEvents.of(CounterEvent.class, CounterEvent::occurredOn), (counterId, events) -> {
            if (FAIL_INLINE_VIEW.get()) {
                return Uni.createFrom().failure(new IllegalStateException("inline view failed on purpose"));
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var recorded : events) {
                chain = chain.chain(() -> applyInline(counterId, recorded.event()));
            }
            return chain;
        });
    }

    private static Uni<Void> applyInline(java.util.UUID counterId, CounterEvent event) {
        java.util.UUID viewId = inlineViewId(counterId);
        if (event instanceof CounterOpened) {
            CounterTotal total = new CounterTotal();
            total.counterId = viewId;
            total.source = "inline";
            return total.persist().replaceWithVoid();
        }
        if (event instanceof CounterIncremented incremented) {
            return Panache.getSession().chain(session -> session.find(CounterTotal.class, viewId))
                    .invoke(total -> total.total += incremented.by()).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /** The inline view and the consumer view keep their rows apart. */
    public static java.util.UUID inlineViewId(java.util.UUID counterId) {
        return new java.util.UUID(counterId.getMostSignificantBits(), ~counterId.getLeastSignificantBits());
    }

    @Produces
    Publication publication() {
        return Publication.of(SampleEvent.CATALOG).map(CounterEvent.class, SamplePublication::publish);
    }

    @ApplicationScoped
    public static class TotalsConsumer {

        private final IdempotentConsumer consumer;

        TotalsConsumer(IdempotentConsumer consumer) {
            this.consumer = consumer;
        }

        /** Takes a poll at once: Quarkus sees the batch type and consumes the channel in batches. */
        @Incoming("sample-in")
        public Uni<Void> onCounterEvents(KafkaRecordBatch<String, String> batch) {
            return consumer.consume("sample-totals", batch, SampleEvent.CATALOG, SampleEvent.class, incoming -> {
                if (incoming.event() instanceof SampleEvent.CounterOpened) {
                    CounterTotal total = new CounterTotal();
                    total.counterId = incoming.subject();
                    total.source = "consumer";
                    return total.persist().replaceWithVoid();
                }
                if (incoming.event() instanceof SampleEvent.CounterIncremented incremented) {
                    return Panache.getSession().chain(session -> session.find(CounterTotal.class, incoming.subject()))
                            .invoke(total -> total.total += incremented.by())
                            .invoke(() -> CAUSED_BY_CONSUMER.put(incoming.subject(), EventMetadata.causedBy("sample-totals", incoming.eventId())))
                            .replaceWithVoid();
                }
                return Uni.createFrom().voidItem();
            });
        }
    }
}
