package nl.werkdesk.eventsourcing.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.eventsourcing.SessionSql;
import nl.werkdesk.eventsourcing.Unavailability;
import nl.werkdesk.eventsourcing.cloudevents.CloudEvent;
import nl.werkdesk.eventsourcing.cloudevents.CloudEventCodec;
import nl.werkdesk.eventsourcing.store.ConcurrencyConflict;
import nl.werkdesk.eventsourcing.tracing.MessagingSpans;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies another service's events exactly once: the event id is recorded in the consumer's database in
 * the same transaction as the effect, so a redelivered event is skipped. A poison record is nacked, and
 * the channel's dead-letter-queue failure strategy parks it with the reason; while the database is away, or
 * when a command it causes meets a concurrent append, the record is retried with backoff instead, so
 * nothing is parked for a passing condition.
 * <p>
 * Every consumer's {@code @Incoming} method takes a {@link KafkaRecordBatch} (Quarkus then sets the channel's
 * {@code batch=true}) and so gets a whole poll at once: one transaction records every event id with one insert and applies
 * the effects in the poll's order. When that transaction fails, the poll is applied again record by record, each in
 * a transaction of its own, so that a poison record goes to the dead-letter topic alone and the rest commit. The offsets
 * are acknowledged only after that, so a crash at any point redelivers the poll, and the recorded ids make it a no-op.
 */
@ApplicationScoped
public class IdempotentConsumer {

    @ConfigMapping(prefix = "werkdesk.consumer")
    public interface Config {
        @WithDefault("PT0.5S")
        Duration minBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();
    }

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String RECORD_PROCESSED =
            "INSERT INTO processed_events (consumer, event_id) VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING";
    /** One statement for a poll: the ids it returns are the ones not seen before (a duplicate within the poll once). */
    private static final String RECORD_ALL_PROCESSED = "INSERT INTO processed_events (consumer, event_id)"
            + " SELECT $1, id FROM unnest($2::uuid[]) AS id ON CONFLICT DO NOTHING RETURNING event_id";
    private static final String PARKED_BEFORE = "SELECT count(*) FROM parked_records WHERE consumer = $1 AND topic = $2"
            + " AND partition = $3 AND record_offset = $4 AND written_at = $5";
    private static final String RECORD_PARKED = "INSERT INTO parked_records (consumer, topic, partition, record_offset, written_at, reason)"
            + " VALUES (:consumer, :topic, :partition, :offset, :writtenAt, :reason) ON CONFLICT DO NOTHING";
    /** SQLSTATEs of a deadlock and a serialization failure: the database asks to try again. */
    private static final Set<String> RETRY_SQL_STATES = Set.of("40P01", "40001");

    private final CloudEventCodec codec;
    private final MeterRegistry metrics;
    private final Config config;
    private final MessagingSpans spans;

    IdempotentConsumer(CloudEventCodec codec, MeterRegistry metrics, Config config, MessagingSpans spans) {
        this.codec = codec;
        this.metrics = metrics;
        this.config = config;
        this.spans = spans;
    }

    /**
     * Handles a poll of {@code catalog}'s topic for {@code consumer} (a name unique per consuming view): every new event
     * of it in one transaction, each effect in the poll's order (so per key as the topic holds them). Acks the poll once
     * all of it is applied, skipped or parked. Event types this consumer does not know yet (added later by the producer)
     * are skipped unread.
     */
    public <E extends IntegrationEvent> Uni<Void> consume(String consumer, KafkaRecordBatch<String, String> batch, EventCatalog catalog,
                                                          Class<E> root, Function<IncomingEvent<E>, Uni<Void>> effect) {
        List<Parsed<E>> events = new ArrayList<>();
        List<Rejected> unreadable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                parse(record, catalog, root).ifPresent(events::add);
            } catch (PoisonMessage poison) {
                unreadable.add(new Rejected(record, poison));
            }
        }
        Uni<List<Rejected>> applied = events.isEmpty()
                ? Uni.createFrom().item(unreadable)
                : Uni.createFrom().deferred(() -> applyTogether(consumer, events, effect)).replaceWith(unreadable)
                        .onFailure().recoverWithUni(failure -> {
                            metrics.counter("werkdesk.consumer.batch.splits", "consumer", consumer).increment();
                            LOG.debugf("%s applies a poll of %d records one by one: %s", consumer, batch.getRecords().size(),
                                    Unavailability.describe(failure));
                            return applyOneByOne(consumer, batch, catalog, root, effect);
                        });
        return applied
                .chain(rejected -> Multi.createFrom().iterable(rejected)
                        .onItem().transformToUniAndConcatenate(r -> reject(consumer, r.record(), r.poison()))
                        .collect().last())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** A record read as the event it carries, with the CloudEvent and topic its span names. */
    private record Parsed<E>(IncomingEvent<E> event, CloudEvent cloudEvent, String topic) {
    }

    /** A record that goes to the dead-letter topic, and why. */
    private record Rejected(Message<String> record, PoisonMessage poison) {
    }

    /** One transaction: one insert records every event id, then each new event's effect, in order. */
    private <E extends IntegrationEvent> Uni<Void> applyTogether(String consumer, List<Parsed<E>> events,
                                                                 Function<IncomingEvent<E>, Uni<Void>> effect) {
        UUID[] ids = events.stream().map(parsed -> parsed.event().eventId()).toArray(UUID[]::new);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> SessionSql.rows(session, RECORD_ALL_PROCESSED, consumer, ids))
                .chain(recorded -> {
                    Set<UUID> fresh = new HashSet<>();
                    recorded.forEach(row -> fresh.add((UUID) row[0]));
                    // A Multi rather than a chain of Unis: hundreds of nested chains would overflow a small stack.
                    return Multi.createFrom().iterable(events)
                            .select().where(parsed -> fresh.remove(parsed.event().eventId()))
                            .onItem().transformToUniAndConcatenate(parsed -> applyInSpan(consumer, parsed, effect))
                            .collect().last()
                            .replaceWithVoid();
                }));
    }

    /** Each record in a transaction of its own, without acking it: the poll is acked as a whole. */
    private <E extends IntegrationEvent> Uni<List<Rejected>> applyOneByOne(String consumer, KafkaRecordBatch<String, String> batch,
                                                                          EventCatalog catalog, Class<E> root,
                                                                          Function<IncomingEvent<E>, Uni<Void>> effect) {
        List<Rejected> rejected = new ArrayList<>();
        return Multi.createFrom().iterable(batch.getRecords())
                .onItem().transformToUniAndConcatenate(record -> applyAlone(consumer, record, catalog, root, effect)
                        .onFailure(PoisonMessage.class).recoverWithItem(poison -> {
                            rejected.add(new Rejected(record, (PoisonMessage) poison));
                            return null;
                        }))
                .collect().last()
                .replaceWith(rejected);
    }

    /**
     * One record in a transaction of its own, retried while the failure is passing; fails with {@link PoisonMessage}
     * when it can never be applied.
     */
    private <E extends IntegrationEvent> Uni<Void> applyAlone(String consumer, Message<String> message, EventCatalog catalog,
                                                             Class<E> root, Function<IncomingEvent<E>, Uni<Void>> effect) {
        Optional<Parsed<E>> incoming;
        try {
            incoming = parse(message, catalog, root);
        } catch (PoisonMessage poison) {
            return Uni.createFrom().failure(poison);
        }
        if (incoming.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Parsed<E> parsed = incoming.get();
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(RECORD_PROCESSED)
                                .setParameter("consumer", consumer)
                                .setParameter("eventId", parsed.event().eventId())
                                .executeUpdate())
                        .chain(recorded -> recorded == 0 ? Uni.createFrom().voidItem() : applyInSpan(consumer, parsed, effect))))
                .onFailure(IdempotentConsumer::isTransient).invoke(failure -> {
                    metrics.counter("werkdesk.consumer.failures", "consumer", consumer, "kind", "transient").increment();
                    LOG.debugf("%s tries again: %s", consumer, Unavailability.describe(failure));
                })
                .onFailure(IdempotentConsumer::isTransient).retry()
                .withBackOff(config.minBackoff(), config.maxBackoff()).indefinitely()
                .onFailure(failure -> !(failure instanceof PoisonMessage)).transform(failure ->
                        new PoisonMessage("cannot be applied: " + Unavailability.describe(failure), failure));
    }

    /**
     * Applies one new event in a CONSUMER span of its own, a child of the record's traceparent (the relay's publish span),
     * current while the effect runs: events appended by a command the effect issues record it (EventMetadata.causedBy),
     * so the trace goes on to the next service. The effect runs on the transaction's Vert.x context, where the span stays
     * current across its asynchronous steps until it completes.
     */
    private <E extends IntegrationEvent> Uni<Void> applyInSpan(String consumer, Parsed<E> parsed,
                                                              Function<IncomingEvent<E>, Uni<Void>> effect) {
        return Uni.createFrom().deferred(() -> {
            Span span = spans.startProcess(parsed.topic(), consumer, parsed.cloudEvent());
            Scope scope = span.makeCurrent();
            Uni<Void> applied;
            try {
                applied = effect.apply(parsed.event());
            } catch (RuntimeException e) {
                applied = Uni.createFrom().failure(e);
            }
            return applied.onTermination().invoke((ignored, failure, cancelled) -> {
                scope.close();
                MessagingSpans.end(span, failure);
            });
        });
    }

    private static boolean isTransient(Throwable failure) {
        return Unavailability.isUnavailable(failure) || failure instanceof ConcurrencyConflict
                || Unavailability.hasSqlState(failure, RETRY_SQL_STATES);
    }

    /**
     * Parks a record on the dead-letter topic once: a record this consumer parked before (delivered again because a
     * rebalance or a crash came between the parking and the offset commit) is passed over. Looked up before and written
     * after the parking, so a crash between the two parks it again rather than losing it. While the database or the
     * dead-letter topic is away, it tries again with backoff: a failure here would nack the whole poll.
     */
    private Uni<Void> reject(String consumer, Message<String> message, PoisonMessage poison) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        if (kafka == null) {
            return park(consumer, message, poison);
        }
        // The dead-letter strategy completes on the record's own context, which is no safe one for a session: come back.
        Context here = Vertx.currentContext();
        return retried(consumer, () -> Panache.withSession(() -> Panache.getSession()
                        .chain(session -> SessionSql.rows(session, PARKED_BEFORE, consumer, kafka.getTopic(), kafka.getPartition(),
                                kafka.getOffset(), kafka.getTimestamp().atOffset(ZoneOffset.UTC)))))
                .chain(parkedBefore -> {
                    if (((Number) parkedBefore.get(0)[0]).longValue() > 0) {
                        LOG.debugf("%s passes over a record it parked before (%s-%d@%d)", consumer, kafka.getTopic(), kafka.getPartition(),
                                kafka.getOffset());
                        return Uni.createFrom().voidItem();
                    }
                    return park(consumer, message, poison)
                            .emitOn(step -> here.runOnContext(ignored -> step.run()))
                            .chain(() -> retried(consumer, () -> Panache.withTransaction(() -> Panache.getSession()
                                    .chain(session -> session.createNativeQuery(RECORD_PARKED)
                                            .setParameter("consumer", consumer)
                                            .setParameter("topic", kafka.getTopic())
                                            .setParameter("partition", kafka.getPartition())
                                            .setParameter("offset", kafka.getOffset())
                                            .setParameter("writtenAt", kafka.getTimestamp().atOffset(ZoneOffset.UTC))
                                            .setParameter("reason", poison.getMessage())
                                            .executeUpdate()))))
                            .replaceWithVoid();
                });
    }

    /** Nacks the record: the channel's dead-letter-queue strategy writes it to the dead-letter topic with the reason. */
    private Uni<Void> park(String consumer, Message<String> message, PoisonMessage poison) {
        metrics.counter("werkdesk.consumer.failures", "consumer", consumer, "kind", "poison").increment();
        LOG.warnf("%s sends a message to the dead-letter topic: %s", consumer, poison.getMessage());
        return retried(consumer, () -> Uni.createFrom().completionStage(message.nack(poison)));
    }

    /** The parking's steps are retried on any failure: each is safe to repeat, and giving up would park the whole poll. */
    private <T> Uni<T> retried(String consumer, Supplier<Uni<? extends T>> step) {
        return Uni.createFrom().deferred(step)
                .onFailure().invoke(failure -> LOG.warnf("%s cannot park a record yet, tries again: %s", consumer,
                        Unavailability.describe(failure)))
                .onFailure().retry().withBackOff(config.minBackoff(), config.maxBackoff()).indefinitely();
    }

    private <E extends IntegrationEvent> Optional<Parsed<E>> parse(Message<String> message, EventCatalog catalog, Class<E> root) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        if (kafka == null) {
            throw new PoisonMessage("not a Kafka record");
        }
        try {
            CloudEvent cloudEvent = CloudEventCodec.read(kafka.getHeaders(), message.getPayload());
            Optional<E> event = codec.decode(cloudEvent, catalog, root);
            if (event.isEmpty()) {
                LOG.debugf("skipping %s: not known to this consumer yet", cloudEvent.type());
                return Optional.empty();
            }
            return Optional.of(new Parsed<>(new IncomingEvent<>(cloudEvent.id(), cloudEvent.type(), cloudEvent.subject(),
                    cloudEvent.time(), cloudEvent.sequence(), event.get()), cloudEvent, kafka.getTopic()));
        } catch (CloudEventCodec.Unreadable unreadable) {
            throw new PoisonMessage(unreadable.getMessage());
        }
    }
}
