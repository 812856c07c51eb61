package nl.werkdesk.eventsourcing.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.Unavailability;
import nl.werkdesk.eventsourcing.cloudevents.CloudEvent;
import nl.werkdesk.eventsourcing.cloudevents.CloudEventCodec;
import nl.werkdesk.eventsourcing.command.Aggregates;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.eventsourcing.store.EventCodec;
import nl.werkdesk.eventsourcing.tracing.MessagingSpans;
import nl.werkdesk.eventsourcing.tracing.TraceContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The outbox relay: tails the event table after commit and publishes each event once, in order, as the
 * CloudEvents its service's {@link Publication} maps it to, keyed by its stream id. The mapping runs here, at publishing
 * time (docs/decisions.md): the event store holds the domain events only, and the ids the mapping gives are derived from
 * the stored event's id, so they are the same whenever it is published. One replica at a time holds the relay's advisory lock; it wakes on
 * NOTIFY and polls as a fallback, and retries with backoff while Kafka or the database is away.
 *
 * <p>Gap safety: positions are taken at insert but become visible at commit, so the relay reads in
 * (transaction id, position) order and only below the oldest transaction still running.
 *
 * <p>Each batch is one Kafka transaction ({@link RelayProducer}): a batch that fails half way (the broker goes
 * away) is aborted as a whole, so a stream on the topic never has a gap that a later event jumps over, and the
 * batch is sent again. The checkpoint moves after the commit; what a crash in between leaves on the topic is
 * skipped on recovery ({@link PublishedTail}), which first fences the producer that relayed before, so that a
 * commit of its still under way has landed when the topic is read ({@link RelayProducer}). Consumers read with
 * isolation.level=read_committed.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String NOTIFY_CHANNEL = "werkdesk_events";
    static final String CHECKPOINT = "outbox";
    /** pg_advisory_lock key of the relay: one active relay per service database. */
    public static final long LOCK_KEY = 0x57_45_52_4B_44_45_53_4BL;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    // ORDER BY names the table's columns: a bare "transaction_id" would mean the text alias, and "1003" sorts
    // before "838", so a batch would end on the wrong event and the next one send events again.
    private static final String READ_BATCH = """
            SELECT global_position, transaction_id::text AS transaction_id, stream_id, stream_type, version, event_id, type,
                   schema_version, data::text AS data, metadata::text AS metadata, occurred_at
              FROM events
             WHERE (transaction_id, global_position) > ($1::text::xid8, $2)
               AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             ORDER BY events.transaction_id, events.global_position
             LIMIT $3""";
    private static final String READ_CHECKPOINT =
            "SELECT transaction_id::text AS transaction_id, global_position FROM relay_checkpoint WHERE relay = $1";
    private static final String SAVE_CHECKPOINT = """
            INSERT INTO relay_checkpoint AS c (relay, transaction_id, global_position, updated_at)
            VALUES ($1, $2::text::xid8, $3, now())
            ON CONFLICT (relay) DO UPDATE
               SET transaction_id = excluded.transaction_id, global_position = excluded.global_position, updated_at = now()
             WHERE (c.transaction_id, c.global_position) < (excluded.transaction_id, excluded.global_position)""";
    /** The stored events of the last records on the topic, by the stream (ce_subject) and version (ce_sequence) they carry. */
    private static final String POSITIONS_OF = """
            SELECT e.stream_id, e.version, e.transaction_id::text AS transaction_id, e.global_position
              FROM events e JOIN unnest($1::uuid[], $2::bigint[]) AS last(stream_id, version)
                ON e.stream_id = last.stream_id AND e.version = last.version""";
    private static final String LAG = """
            SELECT count(*) AS waiting, COALESCE(EXTRACT(EPOCH FROM now() - min(recorded_at)), 0) AS oldest_seconds
              FROM events WHERE (transaction_id, global_position) > ($1::text::xid8, $2)""";

    private final Vertx vertx;
    private final Pool pool;
    private final RelayProducer producer;
    /** The producer blocks; it gets a thread of its own so that no event loop waits for Kafka. */
    private final ExecutorService producerThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "werkdesk-relay-producer");
        thread.setDaemon(true);
        return thread;
    });
    private final Publication publication;
    private final Aggregates aggregates;
    private final RelayConfig config;
    private final ZoneId zone;
    private final Map<String, Object> kafkaConfig;
    private final PgConnectOptions connectOptions;
    private final MessagingSpans spans;

    private final io.micrometer.core.instrument.Counter publishFailures;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong waitingEvents = new AtomicLong();
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();
    private volatile boolean wakeAgain;
    private volatile boolean stopped;
    private volatile boolean needsRecovery = true;
    private volatile PgConnection leaderConnection;
    private volatile PgSubscriber subscriber;
    private volatile Position checkpoint;
    private volatile Map<Integer, Position> publishedTail = Map.of();
    private volatile PublishedTail.Tail tail;
    private volatile long pausedUntilNanos;
    private volatile int consecutiveFailures;
    private final List<Long> timers = new ArrayList<>();

    OutboxRelay(Vertx vertx, Pool pool,
                Publication publication, Aggregates aggregates, RelayConfig config, BusinessCalendar calendar, MeterRegistry metrics,
                MessagingSpans spans,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.vertx = vertx;
        this.pool = pool;
        this.producer = new RelayProducer(kafkaConfig, config.kafka(), applicationName, config.topic(), config.producerCloseTimeout());
        this.publication = publication;
        this.aggregates = aggregates;
        this.config = config;
        this.zone = calendar.zone();
        this.kafkaConfig = kafkaConfig;
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        this.connectOptions = options;
        this.spans = spans;
        this.publishFailures = metrics.counter("werkdesk.relay.publish.failures");
        Gauge.builder("werkdesk.relay.lag.events", waitingEvents, AtomicLong::get)
                .description("Events appended but not yet published to Kafka").register(metrics);
        Gauge.builder("werkdesk.relay.lag.oldest.seconds", oldestWaitingSeconds, AtomicLong::get)
                .description("Age of the oldest event not yet published to Kafka").baseUnit("seconds").register(metrics);
        // Read from the lock itself, so it cannot disagree with it; the lag above says nothing when no replica leads.
        Gauge.builder("werkdesk.relay.leading", this, relay -> relay.isLeader() ? 1 : 0)
                .description("1 while this replica holds the relay lock and relays, else 0").register(metrics);
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            campaign();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        stopLeading();
        producerThread.submit(producer::close);
        producerThread.shutdown();
    }

    /** True while this replica holds the relay lock. */
    public boolean isLeader() {
        return leaderConnection != null;
    }

    /** Rounds of publishing that failed (Kafka or the database away) since start. */
    public double publishFailures() {
        return publishFailures.count();
    }

    /** Events appended but not yet acknowledged by Kafka, as last measured. */
    public long lag() {
        return waitingEvents.get();
    }

    private void campaign() {
        if (stopped) {
            return;
        }
        PgConnection.connect(vertx, new PgConnectOptions(connectOptions).setMetricsName("werkdesk-relay-lock"))
                .chain(connection -> connection.query("SELECT pg_try_advisory_lock(" + LOCK_KEY + ") AS locked").execute()
                        .map(rows -> rows.iterator().next().getBoolean("locked"))
                        .onFailure().call(connection::close)
                        .call(locked -> locked ? Uni.createFrom().voidItem() : connection.close())
                        .invoke(locked -> {
                            if (locked) {
                                lead(connection);
                            }
                        }))
                .subscribe().with(
                        locked -> {
                            if (!locked) {
                                retryCampaign();
                            }
                        },
                        failure -> {
                            LOG.debugf("relay could not reach the database to take the lock: %s", Unavailability.describe(failure));
                            retryCampaign();
                        });
    }

    private void retryCampaign() {
        if (!stopped) {
            vertx.setTimer(config.leaderRetryInterval().toMillis(), id -> campaign());
        }
    }

    private void lead(PgConnection connection) {
        LOG.infof("relay for %s is active on this replica", config.topic());
        leaderConnection = connection;
        needsRecovery = true;
        checkpoint = null;
        connection.closeHandler(() -> {
            if (leaderConnection == connection) {
                LOG.warn("relay lost its database connection and with it the relay lock; campaigning again");
                stopLeading();
                retryCampaign();
            }
        });
        PgSubscriber listener = PgSubscriber.subscriber(vertx, new PgConnectOptions(connectOptions).setMetricsName("werkdesk-relay-listener"))
                .reconnectPolicy(attempts -> config.pollInterval().toMillis());
        listener.channel(NOTIFY_CHANNEL).handler(payload -> wake()).subscribeHandler(this::wake);
        subscriber = listener;
        listener.connect().subscribe().with(ok -> wake(), failure -> LOG.debug("relay listener not connected yet; polling"));
        synchronized (timers) {
            timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake()));
            timers.add(vertx.setPeriodic(config.lagInterval().toMillis(), id -> measureLag()));
        }
        wake();
    }

    /**
     * Gives up the relay's timers, listener and lock, and its lag figures: a replica that no longer relays reports no lag,
     * since a figure frozen at its last measurement would keep the relay-lag alert (deploy/k8s/base/monitoring) firing
     * for a relay that another replica now runs.
     */
    private void stopLeading() {
        PgConnection connection;
        synchronized (timers) {
            connection = leaderConnection;
            leaderConnection = null;
            timers.forEach(vertx::cancelTimer);
            timers.clear();
            waitingEvents.set(0);
            oldestWaitingSeconds.set(0);
        }
        PgSubscriber listener = subscriber;
        subscriber = null;
        if (listener != null) {
            listener.closeAndForget();
        }
        if (connection != null) {
            connection.closeAndForget();
        }
    }

    /** Publishes whatever is waiting; concurrent wake-ups fold into one more round. */
    void wake() {
        if (!isLeader() || System.nanoTime() < pausedUntilNanos) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            wakeAgain = true;
            return;
        }
        wakeAgain = false;
        drain().subscribe().with(
                done -> {
                    if (consecutiveFailures > 0) {
                        LOG.infof("relay for %s publishes again after %d failed attempt(s)", config.topic(), consecutiveFailures);
                    }
                    consecutiveFailures = 0;
                    draining.set(false);
                    if (wakeAgain) {
                        wake();
                    }
                },
                failure -> {
                    needsRecovery = true;
                    publishFailures.increment();
                    int failures = ++consecutiveFailures;
                    long backoff = Math.min(config.maxBackoff().toMillis(), config.minBackoff().toMillis() << Math.min(failures - 1, 16));
                    if (failures == 1) {
                        LOG.warnf("relay for %s cannot publish, retrying with backoff: %s", config.topic(), Unavailability.describe(failure));
                    } else {
                        LOG.debugf("relay for %s still cannot publish (attempt %d): %s", config.topic(), failures, failure);
                    }
                    pausedUntilNanos = System.nanoTime() + backoff * 1_000_000;
                    draining.set(false);
                    vertx.setTimer(backoff, id -> {
                        pausedUntilNanos = 0;
                        wake();
                    });
                });
    }

    private Uni<Void> drain() {
        return loadCheckpoint().chain(this::recoverIfNeeded).chain(this::publishBatches);
    }

    private Uni<Void> loadCheckpoint() {
        if (checkpoint != null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(READ_CHECKPOINT).execute(Tuple.of(CHECKPOINT)).invoke(rows -> {
            var iterator = rows.iterator();
            if (iterator.hasNext()) {
                Row row = iterator.next();
                checkpoint = Position.of(row.getString("transaction_id"), row.getLong("global_position"));
            } else {
                checkpoint = Position.START;
            }
        }).replaceWithVoid();
    }

    /**
     * After a crash, a failed batch or a new lead: learn from the topic itself what is already there, once the transaction
     * of whichever producer relayed before is settled (a commit still under way would otherwise land after the read).
     */
    private Uni<Void> recoverIfNeeded() {
        if (!needsRecovery) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
                    producer.fenceEarlier();
                    return PublishedTail.read(kafkaConfig, config.topic(), publication.catalog().source().toString(), config.tailTimeout());
                })
                .runSubscriptionOn(producerThread)
                .chain(found -> {
                    List<PublishedTail.StreamVersion> last = found.lastEvents().values().stream().flatMap(List::stream).toList();
                    if (last.isEmpty()) {
                        return Uni.createFrom().item(new PositionedTail(found, Map.of()));
                    }
                    Tuple lastEvents = Tuple.of(last.stream().map(PublishedTail.StreamVersion::streamId).toArray(UUID[]::new),
                            last.stream().map(PublishedTail.StreamVersion::version).toArray(Long[]::new));
                    return pool.preparedQuery(POSITIONS_OF).execute(lastEvents).map(rows -> {
                        Map<PublishedTail.StreamVersion, Position> byEvent = new HashMap<>();
                        for (Row row : rows) {
                            byEvent.put(new PublishedTail.StreamVersion(row.getUUID("stream_id"), row.getLong("version")),
                                    Position.of(row.getString("transaction_id"), row.getLong("global_position")));
                        }
                        // On each partition, the latest of its records that is one of this service's stored events.
                        Map<Integer, Position> byPartition = new HashMap<>();
                        found.lastEvents().forEach((partition, events) -> events.stream().map(byEvent::get)
                                .filter(java.util.Objects::nonNull).max(Position::compareTo)
                                .ifPresent(position -> byPartition.put(partition, position)));
                        return new PositionedTail(found, byPartition);
                    });
                })
                .invoke(positioned -> {
                    tail = positioned.tail();
                    publishedTail = positioned.positions();
                    needsRecovery = false;
                })
                .replaceWithVoid();
    }

    private record PositionedTail(PublishedTail.Tail tail, Map<Integer, Position> positions) {
    }

    /**
     * Batch after batch until one comes back short. Each batch is a Uni of its own that completes before the next one
     * starts: chaining the next batch inside the previous one kept every batch read so far reachable until the whole
     * backlog was out, and a relay with a 256 MB heap ran out of memory two thirds into a backlog of 200,000 events
     * (bench/results/2026-11-29-relay-before-fix.md).
     */
    private Uni<Void> publishBatches() {
        return Multi.createBy().repeating().uni(this::publishBatch).whilst(full -> full).onItem().ignoreAsUni();
    }

    /** Publishes the next batch and moves the checkpoint past it; true when the batch was full (more may wait). */
    private Uni<Boolean> publishBatch() {
        return pool.preparedQuery(READ_BATCH)
                .execute(Tuple.of(String.valueOf(checkpoint.transactionId()), checkpoint.globalPosition(), config.batchSize()))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>(rows.size());
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    boolean full = batch.size() >= config.batchSize();
                    Row lastRow = batch.get(batch.size() - 1);
                    Position last = Position.of(lastRow.getString("transaction_id"), lastRow.getLong("global_position"));
                    return publish(batch)
                            .chain(() -> pool.preparedQuery(SAVE_CHECKPOINT)
                                    .execute(Tuple.of(CHECKPOINT, String.valueOf(last.transactionId()), last.globalPosition())))
                            .invoke(() -> checkpoint = last)
                            .replaceWith(full);
                });
    }

    /**
     * Sends the batch in order in one Kafka transaction; completes when it is committed. Each record's publish span
     * (MessagingSpans) ends then, or marked failed when the transaction is not committed.
     */
    private Uni<Void> publish(List<Row> batch) {
        List<ProducerRecord<String, String>> records = new ArrayList<>(batch.size());
        List<Span> publishSpans = new ArrayList<>(batch.size());
        try {
            for (Row row : batch) {
                if (!alreadyOnTopic(row)) {
                    records.addAll(toRecords(row, publishSpans));
                }
            }
        } catch (RuntimeException e) {
            publishSpans.forEach(span -> MessagingSpans.end(span, e));
            throw e;
        }
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            producer.publishInTransaction(records);
            return records.size();
        }).runSubscriptionOn(producerThread)
                .onItemOrFailure().invoke((published, failure) -> publishSpans.forEach(span -> MessagingSpans.end(span, failure)))
                .replaceWithVoid();
    }

    private boolean alreadyOnTopic(Row row) {
        if (publishedTail.isEmpty() || tail == null) {
            return false;
        }
        Position published = publishedTail.get(tail.partitionOf(row.getUUID("stream_id").toString()));
        Position position = Position.of(row.getString("transaction_id"), row.getLong("global_position"));
        return published != null && !position.isAfter(published);
    }

    /**
     * The CloudEvents of one stored event, in Kafka's binary content mode, as its service's publication maps it. An
     * event published as it is stored (the identity, no upcast) keeps its stored JSON text; any other is encoded anew.
     * Each record gets a publish span (added to {@code publishSpans}), a child of the trace context the event was
     * appended in; the record's traceparent names that span, so that its consumers continue the command's trace.
     */
    private List<ProducerRecord<String, String>> toRecords(Row row, List<Span> publishSpans) {
        EventCodec<?> codec = aggregates.codecOf(row.getString("stream_type"));
        String type = row.getString("type");
        int schemaVersion = row.getInteger("schema_version");
        String storedData = row.getString("data");
        Object event = codec.decode(type, schemaVersion, storedData);
        boolean asStored = schemaVersion == codec.events().currentVersion(type);
        TraceContext appendedIn = codec.decodeMetadata(row.getString("metadata")).trace();
        List<ProducerRecord<String, String>> records = new ArrayList<>(1);
        for (Publication.Published published : publication.publish(row.getUUID("event_id"), event)) {
            String data = published.event() == event && asStored ? storedData : codec.encode(published.event());
            Span span = spans.startPublish(config.topic(), published.id(), published.type().cloudEventType(), appendedIn);
            publishSpans.add(span);
            CloudEvent cloudEvent = new CloudEvent(published.id(), publication.catalog().source(), published.type().cloudEventType(),
                    row.getUUID("stream_id"), row.getOffsetDateTime("occurred_at").atZoneSameInstant(zone).toOffsetDateTime(),
                    row.getLong("version"), published.type().dataSchema(), TraceContext.of(Context.root().with(span)), data);
            records.add(CloudEventCodec.record(config.topic(), cloudEvent));
        }
        return records;
    }

    private void measureLag() {
        Position from = checkpoint;
        PgConnection leading = leaderConnection;
        if (from == null || leading == null) {
            return;
        }
        pool.preparedQuery(LAG).execute(Tuple.of(String.valueOf(from.transactionId()), from.globalPosition()))
                .subscribe().with(rows -> {
                    Row row = rows.iterator().next();
                    // A measurement that comes back after the lead was lost must not bring back the figures stopLeading reset.
                    synchronized (timers) {
                        if (leaderConnection == leading) {
                            waitingEvents.set(row.getLong("waiting"));
                            oldestWaitingSeconds.set(row.getNumeric("oldest_seconds").longValue());
                        }
                    }
                }, failure -> LOG.debugf("relay lag not measured: %s", Unavailability.describe(failure)));
    }
}
