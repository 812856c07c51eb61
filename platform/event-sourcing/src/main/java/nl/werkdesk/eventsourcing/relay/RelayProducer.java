package nl.werkdesk.eventsourcing.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's transactional Kafka producer: each batch is one transaction, committed or aborted as a whole,
 * so a broker outage half way through a batch can never leave a stream on the topic with a gap that a later
 * event jumps over. After any failure the producer is closed and the next batch starts a fresh one.
 *
 * <p>The transactional id is the service's and its topic's, the same in every replica and after every restart: the
 * relay's {@link #fenceEarlier()} then fences whichever producer relayed before (this one after a failure, a replica
 * that lost the lock, a process that was killed) and settles the transaction it left, committed or aborted, before
 * recovery reads the end of the topic. A commit that timed out on the client but went through on the broker is then
 * on the topic when recovery looks, so its batch is not sent twice. Blocking: used from the relay's own thread only.
 *
 * <p>Why not a SmallRye emitter: it resends a failed message on its own, after later messages went out
 * (reordering a stream), and its transactional producer cannot get past a broker outage (a retried
 * InitProducerId fences it for good). Consumers do use SmallRye, and parse these records as CloudEvents.
 */
final class RelayProducer implements AutoCloseable {

    private final Map<String, Object> config;
    private final Duration closeTimeout;
    private KafkaProducer<String, String> producer;

    RelayProducer(Map<String, Object> kafkaConfig, Map<String, String> overrides, String applicationName, String topic,
                  Duration closeTimeout) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (value != null && ProducerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.putAll(overrides);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(applicationName, topic));
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "werkdesk-relay-" + applicationName);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.config = Map.copyOf(settings);
        this.closeTimeout = closeTimeout;
    }

    /** One per service and topic: the Kubernetes ACLs grant the prefix werkdesk-relay-SERVICE- (deploy/k8s). */
    static String transactionalId(String applicationName, String topic) {
        return "werkdesk-relay-" + applicationName + "-" + topic;
    }

    /**
     * Starts a fresh producer, whose initTransactions fences every earlier producer of this transactional id (this
     * relay's own last one too, which another leader may have fenced meanwhile) and returns once the transaction the
     * last of them left open is committed or aborted on the broker.
     */
    void fenceEarlier() {
        discard();
        producer();
    }

    /** Sends the records, in order, in one transaction; returns when it is committed. */
    void publishInTransaction(List<ProducerRecord<String, String>> records) {
        KafkaProducer<String, String> current = producer();
        try {
            current.beginTransaction();
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<String, String> record : records) {
                acks.add(current.send(record));
            }
            current.commitTransaction();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            discard();
            throw new IllegalStateException("a record of the batch was not written", e.getCause());
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            KafkaProducer<String, String> fresh = new KafkaProducer<>(config);
            try {
                fresh.initTransactions();
            } catch (RuntimeException e) {
                fresh.close(Duration.ZERO);
                throw e;
            }
            producer = fresh;
        }
        return producer;
    }

    private void discard() {
        if (producer != null) {
            producer.close(closeTimeout);
            producer = null;
        }
    }

    @Override
    public void close() {
        discard();
    }
}
