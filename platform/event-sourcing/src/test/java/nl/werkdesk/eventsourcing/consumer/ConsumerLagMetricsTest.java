package nl.werkdesk.eventsourcing.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.eventsourcing.sample.SampleEvent;
import nl.werkdesk.testing.KafkaBroker;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsumerLagMetricsTest {

    static final String DEAD_LETTERS = "werkdesk.dead-letter.sample";
    /** KafkaTestResource's partitions per topic: a commit marker of the relay's transactions on each at most. */
    static final int PARTITIONS = nl.werkdesk.testing.KafkaTestResource.PARTITIONS;
    static final Duration CAUGHT_UP = Duration.ofSeconds(90);

    @Inject
    ConsumerLagMetrics lagMetrics;
    @Inject
    MeterRegistry registry;

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void findsTheGroupsAndDeadLetterTopicsOfTheKafkaChannels() {
        Map<String, String> config = Map.of(
                "mp.messaging.incoming.a.connector", "smallrye-kafka",
                "mp.messaging.incoming.a.topic", "werkdesk.a.v1",
                "mp.messaging.incoming.a.group.id", "x-a",
                "mp.messaging.incoming.a.dead-letter-queue.topic", "werkdesk.dead-letter.x",
                "mp.messaging.incoming.b.connector", "smallrye-kafka",
                "mp.messaging.incoming.b.group.id", "x-b",
                "mp.messaging.incoming.b.dead-letter-queue.topic", "werkdesk.dead-letter.x",
                "mp.messaging.incoming.c.connector", "smallrye-in-memory",
                "mp.messaging.incoming.c.group.id", "x-c");
        assertEquals(Set.of(new ConsumerLagMetrics.Group("x-a", "werkdesk.a.v1"), new ConsumerLagMetrics.Group("x-b", "b")),
                ConsumerLagMetrics.groups(config.keySet(), config::get));
        assertEquals(Set.of("werkdesk.dead-letter.x"), ConsumerLagMetrics.deadLetterTopics(config.keySet(), config::get));
    }

    @Test
    void countsTheDeadLettersAndTheGroupsLagOnTheBroker() throws Exception {
        // A parked message as the dead-letter strategy writes it; the count must not depend on the consumer's pace.
        send(new ProducerRecord<>(DEAD_LETTERS, UUID.randomUUID().toString(), "{}"));

        lagMetrics.measure();
        double parked = registry.get("werkdesk.consumer.dead.letters").tag("topic", DEAD_LETTERS).gauge().value();
        assertEquals(topic.readAll(DEAD_LETTERS).size(), parked, "records on " + DEAD_LETTERS);
        assertTrue(parked >= 1, "the record just written: " + parked);

        // Once the group has caught up (after other tests' outages its backoff may still run), what is left is at most the
        // commit marker of the relay's last transaction on each partition.
        await().atMost(CAUGHT_UP).until(() -> {
            lagMetrics.measure();
            double lag = registry.get("werkdesk.consumer.lag.records").tag("group", "sample-totals").tag("topic", SampleEvent.TOPIC)
                    .gauge().value();
            return lag >= 0 && lag <= PARTITIONS;
        });
    }

    private static void send(ProducerRecord<String, String> record) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(record).get();
        }
    }
}
