package nl.werkdesk.eventsourcing.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.UniqueViolation;

/**
 * The service's event store: read a stream, append to it at an expected version. Appends run inside the
 * caller's Hibernate Reactive transaction, so that the inline view updates and the idempotency record
 * commit or roll back together with the events.
 */
@ApplicationScoped
public class EventStore {

    static final String STREAM_VERSION_CONSTRAINT = "events_stream_version_unique";

    private final BusinessCalendar calendar;
    private final MeterRegistry metrics;

    EventStore(BusinessCalendar calendar, MeterRegistry metrics) {
        this.calendar = calendar;
        this.metrics = metrics;
    }

    /**
     * The whole stream in version order; empty when it does not exist, or is a stream of another type (another aggregate
     * of the service, whose events this codec does not know).
     */
    public <E> Uni<List<RecordedEvent<E>>> readStream(EventCodec<E> codec, String streamType, UUID streamId) {
        return readStream(codec, streamType, streamId, Long.MAX_VALUE);
    }

    /** The stream up to and including {@code version}: what it looked like right after that event. */
    public <E> Uni<List<RecordedEvent<E>>> readStream(EventCodec<E> codec, String streamType, UUID streamId, long version) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "from StoredEvent where streamId = :streamId and streamType = :streamType and version <= :version order by version",
                                StoredEvent.class)
                        .setParameter("streamId", streamId)
                        .setParameter("streamType", streamType)
                        .setParameter("version", version)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> decode(codec, row)).toList());
    }

    /**
     * Appends events after {@code expectedVersion}. Must run inside a transaction. Fails with a
     * {@link ConcurrencyConflict} when another append got there first.
     */
    public <E> Uni<List<RecordedEvent<E>>> append(EventCodec<E> codec, UUID streamId, String streamType,
                                                                          long expectedVersion, List<E> events, EventMetadata metadata) {
        List<StoredEvent> rows = new ArrayList<>(events.size());
        long version = expectedVersion;
        String encodedMetadata = codec.encode(metadata);
        for (E event : events) {
            String type = codec.events().nameOf(event.getClass());
            StoredEvent row = new StoredEvent();
            row.streamId = streamId;
            row.streamType = streamType;
            row.version = ++version;
            row.eventId = UUID.randomUUID();
            row.type = type;
            row.schemaVersion = codec.events().currentVersion(type);
            row.data = codec.encode(event);
            row.metadata = encodedMetadata;
            row.occurredAt = calendar.startOf(codec.events().occurredOn(event));
            rows.add(row);
        }
        return Panache.getSession()
                .chain(session -> session.persistAll(rows.toArray()).call(session::flush))
                .onFailure(failure -> UniqueViolation.of(failure, STREAM_VERSION_CONSTRAINT)).transform(clash -> new ConcurrencyConflict(streamId, expectedVersion))
                .invoke(() -> rows.forEach(row -> metrics.counter("werkdesk.events.appended", "type", row.type).increment()))
                .map(ignored -> {
                    List<RecordedEvent<E>> recorded = new ArrayList<>(rows.size());
                    for (int i = 0; i < rows.size(); i++) {
                        StoredEvent row = rows.get(i);
                        recorded.add(new RecordedEvent<>(row.globalPosition, row.eventId, streamId, streamType, row.version,
                                row.type, events.get(i), metadata, row.occurredAt, row.recordedAt));
                    }
                    return recorded;
                });
    }

    /**
     * The events of several streams, of any of the service's aggregates, by business date (then as appended): a timeline
     * such as an employer's, with its vacancies and job fairs. {@code codecOf} gives the codec of a stream type.
     */
    public Uni<List<RecordedEvent<Object>>> readStreams(Collection<UUID> streamIds, Function<String, EventCodec<?>> codecOf) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "from StoredEvent where streamId in :streams order by occurredAt, globalPosition", StoredEvent.class)
                        .setParameter("streams", streamIds)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> EventStore.<Object>decode(codecOf.apply(row.streamType), row)).toList());
    }

    /**
     * Up to {@code limit} events of the given stream types after {@code afterPosition}, in the order they were appended
     * (global position): a page of the whole history, for rebuilding views. Committed rows only, as any read.
     */
    public Uni<List<RecordedEvent<Object>>> readAll(Collection<String> streamTypes, long afterPosition, int limit,
                                                    Function<String, EventCodec<?>> codecOf) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "from StoredEvent where streamType in :types and globalPosition > :after order by globalPosition",
                                StoredEvent.class)
                        .setParameter("types", streamTypes)
                        .setParameter("after", afterPosition)
                        .setMaxResults(limit)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> EventStore.<Object>decode(codecOf.apply(row.streamType), row)).toList());
    }

    private static <E> RecordedEvent<E> decode(EventCodec<? extends E> codec, StoredEvent row) {
        return new RecordedEvent<>(row.globalPosition, row.eventId, row.streamId, row.streamType, row.version, row.type,
                codec.decode(row.type, row.schemaVersion, row.data), codec.decodeMetadata(row.metadata), row.occurredAt, row.recordedAt);
    }
}
