package nl.werkdesk.eventsourcing.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.eventsourcing.Unavailability;
import nl.werkdesk.eventsourcing.cloudevents.CloudEvent;
import nl.werkdesk.eventsourcing.cloudevents.CloudEventCodec;
import nl.werkdesk.eventsourcing.store.ConcurrencyConflict;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies another service's events exactly once: the event id is recorded in the consumer's database in
 * the same transaction as the effect, so a redelivered event is skipped. A poison message is nacked, and
 * the channel's dead-letter-queue failure strategy parks it with the reason; while the database is away, or
 * when a command it causes meets a concurrent append, the message is retried with backoff instead, so
 * nothing is parked for a passing condition.
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

    private final CloudEventCodec codec;
    private final MeterRegistry metrics;
    private final Config config;

    IdempotentConsumer(CloudEventCodec codec, MeterRegistry metrics, Config config) {
        this.codec = codec;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Handles one message of {@code catalog}'s topic for {@code consumer} (a name unique per consuming
     * view): acks it once the effect committed or when it was seen before, nacks it when it is poison.
     * Event types this consumer does not know yet (added later by the producer) are acknowledged unread.
     */
    public <E extends IntegrationEvent> Uni<Void> consume(String consumer, Message<String> message, EventCatalog catalog,
                                                          Class<E> root, Function<IncomingEvent<E>, Uni<Void>> effect) {
        Optional<IncomingEvent<E>> incoming;
        try {
            incoming = parse(message, catalog, root);
        } catch (PoisonMessage poison) {
            return reject(consumer, message, poison);
        }
        if (incoming.isEmpty()) {
            return Uni.createFrom().completionStage(message.ack());
        }
        IncomingEvent<E> event = incoming.get();
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(RECORD_PROCESSED)
                                .setParameter("consumer", consumer)
                                .setParameter("eventId", event.eventId())
                                .executeUpdate())
                        .chain(recorded -> recorded == 0 ? Uni.createFrom().voidItem() : effect.apply(event))))
                .onFailure(IdempotentConsumer::isTransient).invoke(failure -> {
                    metrics.counter("werkdesk.consumer.failures", "consumer", consumer, "kind", "transient").increment();
                    LOG.debugf("%s tries again: %s", consumer, Unavailability.describe(failure));
                })
                .onFailure(IdempotentConsumer::isTransient).retry()
                .withBackOff(config.minBackoff(), config.maxBackoff()).indefinitely()
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(consumer, message, failure instanceof PoisonMessage poison
                        ? poison
                        : new PoisonMessage("cannot be applied: " + Unavailability.describe(failure), failure)));
    }

    /** SQLSTATEs of a deadlock and a serialization failure: the database asks to try again. */
    private static final java.util.Set<String> RETRY_SQL_STATES = java.util.Set.of("40P01", "40001");

    private static boolean isTransient(Throwable failure) {
        if (Unavailability.isUnavailable(failure) || failure instanceof ConcurrencyConflict) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.pgclient.PgException pg && RETRY_SQL_STATES.contains(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private Uni<Void> reject(String consumer, Message<String> message, PoisonMessage poison) {
        metrics.counter("werkdesk.consumer.failures", "consumer", consumer, "kind", "poison").increment();
        LOG.warnf("%s sends a message to the dead-letter topic: %s", consumer, poison.getMessage());
        return Uni.createFrom().completionStage(message.nack(poison));
    }

    private <E extends IntegrationEvent> Optional<IncomingEvent<E>> parse(Message<String> message, EventCatalog catalog, Class<E> root) {
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
            return Optional.of(new IncomingEvent<>(cloudEvent.id(), cloudEvent.type(), cloudEvent.subject(), cloudEvent.time(),
                    cloudEvent.sequence(), event.get()));
        } catch (CloudEventCodec.Unreadable unreadable) {
            throw new PoisonMessage(unreadable.getMessage());
        }
    }
}
