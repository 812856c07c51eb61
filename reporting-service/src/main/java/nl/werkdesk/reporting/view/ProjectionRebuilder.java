package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import nl.werkdesk.contracts.Catalogs;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.eventsourcing.SessionSql;
import nl.werkdesk.eventsourcing.Unavailability;
import nl.werkdesk.eventsourcing.cloudevents.CloudEvent;
import nl.werkdesk.eventsourcing.cloudevents.CloudEventCodec;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.reporting.ReportingModule;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Rebuilds every projection from the beginning of the topics while the service keeps running. A rebuild takes the
 * next generation number; from then on the live consumers write each event into the live generation and the new
 * one, while this rebuilder reads every topic from offset zero up to the end offsets it found at the start (a plain
 * consumer with assigned partitions, no consumer group, read committed) and writes into the new generation only.
 * When it has read up to those offsets, every event is in the new generation, either read by the rebuild (before
 * the start) or written by the live consumers (after it), and the metrics switch to it in one transaction. The
 * facts are upserts that do not depend on order or repetition ({@link FactWriter}), so the result equals the one
 * the live consumers built event by event, and the rebuild and the live consumers may write the same row.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);
    private static final String NEXT_GENERATION = "SELECT nextval('projection_generation_seq')";
    private static final String RECORD_PROGRESS = """
            UPDATE projection_rebuilds
               SET target_offsets = $2, consumed_offsets = $3, events_applied = events_applied + $4,
                   events_skipped = events_skipped + $5, heartbeat_at = $6, poll_millis = $8, decode_millis = $9,
                   write_millis = $10
             WHERE generation = $1 AND status = $7""";
    /** Every table of facts: each row carries its generation. */
    public static final List<String> FACT_TABLES = List.of("participant_facts", "permit_facts", "placement_facts",
            "placement_terms_facts", "budget_allocation_facts", "expenditure_booking_facts", "expenditure_correction_facts", "activity_facts",
            "event_facts");
    /** The facts and what is counted from them. */
    private static final List<String> ALL_TABLES = Stream.concat(FACT_TABLES.stream(), ScopeAggregates.TABLES.stream())
            .toList();

    private final Map<String, Object> kafkaConfig;
    private final ReportingModule.Config.Rebuild config;
    private final FactWriter facts;
    /** The rebuild writes through the PostgreSQL client directly: batches, which Hibernate's native queries do not send. */
    private final Pool pool;
    private final CloudEventCodec codec;
    /** The rebuild reads Kafka with a blocking consumer: on a thread of its own, never on an event loop. */
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "werkdesk-projection-rebuild");
        worker.setDaemon(true);
        return worker;
    });
    private volatile boolean stopping;

    ProjectionRebuilder(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ReportingModule.Config config,
                        FactWriter facts, Pool pool, CloudEventCodec codec) {
        this.kafkaConfig = kafkaConfig;
        this.config = config.rebuild();
        this.facts = facts;
        this.pool = pool;
        this.codec = codec;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        thread.shutdownNow();
    }

    /**
     * Starts a rebuild into a new generation and returns at once; {@link Rejected} (409) while another one runs. A
     * running rebuild whose replica stopped reporting for longer than werkdesk.reporting.rebuild.stale-after is
     * replaced.
     */
    public Uni<ProjectionRebuild> start(String requestedBy) {
        return Panache.withTransaction(() -> ProjectionState.<ProjectionState>findById(ProjectionState.ID, LockModeType.PESSIMISTIC_WRITE)
                        .chain(state -> abandonStale(state).chain(() -> Panache.getSession()
                                .chain(session -> SessionSql.rows(session, NEXT_GENERATION)).map(rows -> rows.get(0)[0])
                                .chain(next -> {
                                    Instant now = Instant.now();
                                    ProjectionRebuild rebuild = new ProjectionRebuild();
                                    rebuild.generation = ((Number) next).intValue();
                                    rebuild.status = ProjectionRebuild.RUNNING;
                                    rebuild.requestedBy = requestedBy;
                                    rebuild.startedAt = now;
                                    rebuild.heartbeatAt = now;
                                    state.buildingGeneration = rebuild.generation;
                                    return rebuild.<ProjectionRebuild>persist();
                                }))))
                .invoke(rebuild -> {
                    LOG.infof("rebuilding the projections into generation %d", rebuild.generation);
                    int generation = rebuild.generation;
                    thread.submit(() -> run(generation));
                });
    }

    private Uni<Void> abandonStale(ProjectionState state) {
        if (state.buildingGeneration == null) {
            return Uni.createFrom().voidItem();
        }
        return ProjectionRebuild.<ProjectionRebuild>findById(state.buildingGeneration).invoke(running -> {
            if (running != null && running.heartbeatAt.isAfter(Instant.now().minus(config.staleAfter()))) {
                throw new Rejected(ProjectionRebuildRejection.REBUILD_ALREADY_RUNNING, "a rebuild into generation "
                        + running.generation + " is running since " + running.startedAt + "; wait for it to finish");
            }
            if (running != null) {
                LOG.warnf("rebuild into generation %d stopped reporting; a new rebuild replaces it", running.generation);
                fail(running, "abandoned: its replica stopped reporting");
            }
        }).replaceWithVoid();
    }

    private void run(int generation) {
        try (KafkaConsumer<String, String> consumer = consumer(generation)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (EventCatalog catalog : Catalogs.ALL) {
                Optional.ofNullable(consumer.partitionsFor(catalog.topic())).orElse(List.of())
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            // With read_committed these are the last stable offsets: what committed relay transactions put there.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long target = partitions.stream().mapToLong(partition -> end.get(partition) - begin.get(partition)).sum();
            Durations durations = new Durations();
            record(generation, target, 0, List.of(), 0, durations);
            while (!reachedEnd(consumer, end)) {
                if (stopping) {
                    return;
                }
                long polling = System.nanoTime();
                var records = consumer.poll(config.pollTimeout());
                long decoding = System.nanoTime();
                List<FactWriter.Sequenced> events = new ArrayList<>();
                int skipped = 0;
                for (ConsumerRecord<String, String> record : records) {
                    Optional<FactWriter.Sequenced> event = read(record);
                    if (event.isPresent()) {
                        events.add(event.get());
                    } else {
                        skipped++;
                    }
                }
                long writing = System.nanoTime();
                durations.poll += decoding - polling;
                durations.decode += writing - decoding;
                long consumed = partitions.stream()
                        .mapToLong(partition -> Math.min(consumer.position(partition), end.get(partition)) - begin.get(partition)).sum();
                record(generation, target, consumed, events, skipped, durations);
                durations.write += System.nanoTime() - writing;
            }
            switchTo(generation, durations);
            LOG.infof("the projections now read generation %d; rebuilt %d offsets in %d ms: replay %d ms (Kafka polls %d ms,"
                            + " decoding %d ms, fact writes %d ms), switch %d ms (older generations deleted %d ms, counts filled %d ms)",
                    generation, target, millis(System.nanoTime() - durations.started), millis(durations.replay()),
                    millis(durations.poll), millis(durations.decode), millis(durations.write),
                    millis(durations.delete + durations.fill), millis(durations.delete), millis(durations.fill));
        } catch (RuntimeException e) {
            if (stopping) {
                return;
            }
            LOG.errorf("rebuild into generation %d failed: %s", generation, Unavailability.describe(e));
            await(() -> Panache.withTransaction(() -> ProjectionRebuild.<ProjectionRebuild>findById(generation)
                    .chain(rebuild -> rebuild == null || !ProjectionRebuild.RUNNING.equals(rebuild.status)
                            ? Uni.createFrom().voidItem()
                            : ProjectionState.<ProjectionState>findById(ProjectionState.ID, LockModeType.PESSIMISTIC_WRITE).invoke(state -> {
                                fail(rebuild, e.getClass().getSimpleName());
                                if (Integer.valueOf(generation).equals(state.buildingGeneration)) {
                                    state.buildingGeneration = null;
                                }
                            }).replaceWithVoid())));
        }
    }

    /**
     * Applies one poll and reports progress, in one transaction: every fact kind as one batch (a few round trips per
     * poll rather than one per event); stops the rebuild if it was replaced meanwhile.
     */
    private void record(int generation, long target, long consumed, List<FactWriter.Sequenced> events, int skipped,
                        Durations durations) {
        Tuple progress = Tuple.from(List.of(generation, target, consumed, (long) events.size(), (long) skipped,
                OffsetDateTime.now(ZoneOffset.UTC), ProjectionRebuild.RUNNING, millis(durations.poll), millis(durations.decode),
                millis(durations.write)));
        await(() -> pool.withTransaction(connection -> connection.preparedQuery(RECORD_PROGRESS).execute(progress)
                .chain(updated -> {
                    if (updated.rowCount() == 0) {
                        throw new IllegalStateException("rebuild " + generation + " was replaced");
                    }
                    return connection.query(ScopeAggregates.BULK).execute().chain(() -> facts.writeAll(connection, events, generation));
                })));
    }

    /**
     * The metrics read the new generation from now on; the older ones are removed in the same transaction. Records where
     * the rebuild's time went, in {@code durations} and on the rebuild.
     */
    private void switchTo(int generation, Durations durations) {
        await(() -> Panache.withTransaction(() -> ProjectionState.<ProjectionState>findById(ProjectionState.ID, LockModeType.PESSIMISTIC_WRITE)
                .chain(state -> ProjectionRebuild.<ProjectionRebuild>findById(generation).chain(rebuild -> {
                    if (!Integer.valueOf(generation).equals(state.buildingGeneration)) {
                        throw new IllegalStateException("rebuild " + generation + " was replaced");
                    }
                    state.liveGeneration = generation;
                    state.buildingGeneration = null;
                    rebuild.status = ProjectionRebuild.COMPLETED;
                    rebuild.consumedOffsets = rebuild.targetOffsets;
                    rebuild.pollMillis = millis(durations.poll);
                    rebuild.decodeMillis = millis(durations.decode);
                    rebuild.writeMillis = millis(durations.write);
                    long deleting = System.nanoTime();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String table : ALL_TABLES) {
                        chain = chain.chain(() -> Panache.getSession().chain(session -> session
                                .createNativeQuery("DELETE FROM " + table + " WHERE generation <> :generation")
                                .setParameter("generation", generation).executeUpdate()).replaceWithVoid());
                    }
                    // Then the day counts of the new generation, summed in bulk (the rebuild's own writes left them alone). After
                    // the deletes: they wait for the consumers that hold old rows, which need the counts' lock at their commit.
                    long[] filling = new long[1];
                    return chain.invoke(() -> {
                                filling[0] = System.nanoTime();
                                durations.delete = filling[0] - deleting;
                                rebuild.deleteMillis = millis(durations.delete);
                            })
                            .chain(() -> Panache.getSession().chain(session -> SessionSql.rows(session, ScopeAggregates.FILL, generation)))
                            .invoke(() -> {
                                durations.fill = System.nanoTime() - filling[0];
                                rebuild.fillMillis = millis(durations.fill);
                                // Finished once counted: the switch's deletes and count are part of the rebuild's time.
                                rebuild.finishedAt = Instant.now();
                                rebuild.heartbeatAt = rebuild.finishedAt;
                            })
                            .replaceWithVoid();
                }))));
    }

    /**
     * Where a rebuild's time goes, in nanoseconds of wall time: the replay's Kafka polls, decoding and fact writes (each
     * poll's transaction, PostgreSQL's work and the round trips), then the switch's deletes and count.
     */
    private static final class Durations {
        final long started = System.nanoTime();
        long poll;
        long decode;
        long write;
        long delete;
        long fill;

        long replay() {
            return poll + decode + write;
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void fail(ProjectionRebuild rebuild, String reason) {
        rebuild.status = ProjectionRebuild.FAILED;
        rebuild.failure = reason;
        rebuild.finishedAt = Instant.now();
    }

    /**
     * The record as an event of its topic's catalog, with its ce_sequence (0 when absent, as the live consumers read it);
     * empty for anything the live consumers would not apply either.
     */
    Optional<FactWriter.Sequenced> read(ConsumerRecord<String, String> record) {
        Optional<EventCatalog> catalog = Catalogs.ALL.stream().filter(candidate -> candidate.topic().equals(record.topic())).findFirst();
        if (catalog.isEmpty()) {
            return Optional.empty();
        }
        try {
            CloudEvent cloudEvent = CloudEventCodec.read(record.headers(), record.value());
            return codec.decode(cloudEvent, catalog.get(), IntegrationEvent.class)
                    .map(event -> new FactWriter.Sequenced(cloudEvent.id(), event, cloudEvent.sequence()));
        } catch (CloudEventCodec.Unreadable unreadable) {
            return Optional.empty();
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    private KafkaConsumer<String, String> consumer(int generation) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (value != null && ConsumerConfig.configNames().contains(key) && !key.startsWith("group.")) {
                settings.put(key, value);
            }
        });
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild-" + generation);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }
}
