package nl.werkdesk.eventsourcing.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.SessionSql;
import nl.werkdesk.eventsourcing.UniqueViolation;

/**
 * The service's event store: read a stream, append to it at an expected version. Appends run inside the
 * caller's Hibernate Reactive transaction, as one native statement on its connection, so that the inline view updates and the idempotency record
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
        return append(codec, streamId, streamType, expectedVersion, events, metadata, null);
    }

    /**
     * Appends events after {@code expectedVersion} and, when {@code idempotency} is given, records its key at the new
     * version, in one statement (one round trip, no entity to manage): a repeated key fails it with the key's unique
     * violation. Must run inside a transaction. Fails with a {@link ConcurrencyConflict} when another append got there
     * first.
     */
    public <E> Uni<List<RecordedEvent<E>>> append(EventCodec<E> codec, UUID streamId, String streamType, long expectedVersion,
                                                  List<E> events, EventMetadata metadata, IdempotencyMark idempotency) {
        String[] types = new String[events.size()];
        UUID[] eventIds = new UUID[events.size()];
        Instant[] occurredAt = new Instant[events.size()];
        return Panache.getSession()
                .chain(session -> {
                    // The parameters in appendStatement's order: the stream's three, six per event, then the key's four.
                    List<Object> parameters = new ArrayList<>(3 + EVENT_PARAMETERS * events.size() + 4);
                    parameters.add(streamId);
                    parameters.add(streamType);
                    parameters.add(codec.encode(metadata));
                    for (int i = 0; i < events.size(); i++) {
                        E event = events.get(i);
                        types[i] = codec.events().nameOf(event.getClass());
                        eventIds[i] = UUID.randomUUID();
                        occurredAt[i] = calendar.startOf(codec.events().occurredOn(event));
                        parameters.add(expectedVersion + i + 1);
                        parameters.add(eventIds[i]);
                        parameters.add(types[i]);
                        parameters.add(codec.events().currentVersion(types[i]));
                        parameters.add(codec.encode(event));
                        parameters.add(occurredAt[i].atOffset(ZoneOffset.UTC));
                    }
                    if (idempotency != null) {
                        parameters.add(idempotency.key());
                        parameters.add(idempotency.requestFingerprint());
                        parameters.add(expectedVersion + events.size());
                        parameters.add(idempotency.status());
                    }
                    return SessionSql.rows(session, appendStatement(events.size(), idempotency != null), parameters.toArray());
                })
                .onFailure(failure -> UniqueViolation.of(failure, STREAM_VERSION_CONSTRAINT)).transform(clash -> new ConcurrencyConflict(streamId, expectedVersion))
                .map(rows -> {
                    List<RecordedEvent<E>> recorded = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        int i = (int) (((Number) row[1]).longValue() - expectedVersion - 1);
                        metrics.counter("werkdesk.events.appended", "type", types[i]).increment();
                        recorded.add(new RecordedEvent<>(((Number) row[0]).longValue(), eventIds[i], streamId, streamType,
                                expectedVersion + i + 1, types[i], events.get(i), metadata, occurredAt[i], instant(row[2])));
                    }
                    return recorded;
                });
    }

    /** Parameters per event in the append's statement: version, event id, type, schema version, data, occurred at. */
    private static final int EVENT_PARAMETERS = 6;

    /**
     * The append of {@code count} events, and the idempotency record with it, as one statement (cached per shape), with
     * positional parameters: $1 stream id, $2 stream type, $3 metadata, then {@link #EVENT_PARAMETERS} per event, then the
     * key, its fingerprint, its version and its status.
     */
    private static String appendStatement(int count, boolean withIdempotency) {
        return APPEND_STATEMENTS.computeIfAbsent(count * 2 + (withIdempotency ? 1 : 0), shape -> {
            StringBuilder sql = new StringBuilder("WITH appended AS (INSERT INTO events (stream_id, stream_type, version, event_id,"
                    + " type, schema_version, data, metadata, occurred_at) VALUES ");
            for (int i = 0; i < count; i++) {
                int p = 4 + EVENT_PARAMETERS * i;
                sql.append(i == 0 ? "" : ", ").append("($1, $2, $").append(p).append(", $").append(p + 1).append(", $").append(p + 2)
                        .append(", $").append(p + 3).append(", cast($").append(p + 4).append(" as text)::jsonb, cast($3 as text)::jsonb, $")
                        .append(p + 5).append(')');
            }
            sql.append(" RETURNING global_position, version, recorded_at)");
            if (withIdempotency) {
                int p = 4 + EVENT_PARAMETERS * count;
                sql.append(", remembered AS (INSERT INTO idempotency_records (idempotency_key, request_fingerprint, stream_id, version,"
                        + " status) VALUES ($").append(p).append(", $").append(p + 1).append(", $1, $").append(p + 2).append(", $")
                        .append(p + 3).append("))");
            }
            return sql.append(" SELECT global_position, version, recorded_at FROM appended ORDER BY version").toString();
        });
    }

    private static final Map<Integer, String> APPEND_STATEMENTS = new ConcurrentHashMap<>();

    private static Instant instant(Object timestamp) {
        if (timestamp instanceof Instant instant) {
            return instant;
        }
        if (timestamp instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (timestamp instanceof java.sql.Timestamp sql) {
            return sql.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + timestamp.getClass().getName());
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
