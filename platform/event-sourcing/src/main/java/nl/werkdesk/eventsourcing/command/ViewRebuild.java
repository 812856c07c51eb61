package nl.werkdesk.eventsourcing.command;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.werkdesk.eventsourcing.store.EventStore;
import nl.werkdesk.eventsourcing.store.RecordedEvent;

/**
 * Rebuilds a service's views from its own event store: every stored event of every aggregate, in the order it was
 * appended, through its aggregate's inline projection, as if each command had just run. The views are disposable:
 * whoever calls this has emptied them first (a service's test drops them and compares the rows). Views fed by other
 * services' topics are not rebuilt here; their consumers rebuild them from the topics.
 */
@ApplicationScoped
public class ViewRebuild {

    @ConfigMapping(prefix = "werkdesk.views.rebuild")
    public interface Config {
        /** Events read and applied per transaction. */
        @WithDefault("500")
        int pageSize();
    }

    private final EventStore store;
    private final Aggregates aggregates;
    private final Map<String, Aggregate<?, ?, ?>> byStreamType = new HashMap<>();
    private final Config config;

    ViewRebuild(EventStore store, Aggregates aggregates, Instance<Aggregate<?, ?, ?>> declared, Config config) {
        this.store = store;
        this.aggregates = aggregates;
        this.config = config;
        declared.forEach(aggregate -> byStreamType.put(aggregate.streamType(), aggregate));
    }

    /** Replays the whole store through the inline projections, a page per transaction; the number of events applied. */
    public Uni<Long> replayAll() {
        return replayFrom(0, 0);
    }

    private Uni<Long> replayFrom(long afterPosition, long applied) {
        return Panache.withTransaction(() -> store.readAll(byStreamType.keySet(), afterPosition, config.pageSize(), aggregates::codecOf)
                        .call(this::apply))
                .chain(page -> page.isEmpty() ? Uni.createFrom().item(applied)
                        : replayFrom(page.get(page.size() - 1).globalPosition(), applied + page.size()));
    }

    private Uni<Void> apply(List<RecordedEvent<Object>> page) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RecordedEvent<Object> recorded : page) {
            chain = chain.chain(() -> project(byStreamType.get(recorded.streamType()), recorded));
        }
        return chain;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Uni<Void> project(Aggregate aggregate, RecordedEvent<Object> recorded) {
        return aggregate.projection().apply(recorded.streamId(), List.of(recorded));
    }
}
