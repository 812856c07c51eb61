package nl.werkdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private final KafkaBroker kafka = KafkaBroker.shared();
    private final KafkaTopicReader reader = new KafkaTopicReader(kafka.bootstrapServers());

    @AfterEach
    void brokerIsBackForTheNextTest() {
        if (!kafka.isExternal()) {
            kafka.start();
        }
    }

    @Test
    void sharedBrokerIsOneInstancePerJvmOnLoopback() {
        assertSame(kafka, KafkaBroker.shared());
        assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:") || kafka.isExternal());
    }

    @Test
    void producedRecordIsReadBackWithItsHeader() throws Exception {
        String topic = newTopic();
        try (KafkaProducer<String, String> producer = producer(Duration.ofSeconds(10))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, "stream-1", "{\"n\":1}");
            record.headers().add("ce_type", "nl.werkdesk.test.happened".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, String>> seen = reader.await(topic, r -> "stream-1".equals(r.key()), 1,
                Duration.ofSeconds(10));

        assertEquals("{\"n\":1}", seen.get(0).value());
        assertEquals("nl.werkdesk.test.happened", KafkaTopicReader.header(seen.get(0), "ce_type"));
        assertNull(KafkaTopicReader.header(seen.get(0), "absent"));
    }

    @Test
    void createTopicsIsIdempotentAndUsesTheRequestedPartitions() throws Exception {
        String topic = "test." + UUID.randomUUID();

        kafka.createTopics(List.of(topic, topic), 3);
        kafka.createTopics(List.of(topic), 5);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
            assertEquals(3, description.partitions().size());
        }
        assertEquals(List.of(), reader.readAll(topic));
    }

    @Test
    void brokerComesBackOnTheSamePortWithItsData() throws Exception {
        assumeFalse(kafka.isExternal(), "an external broker cannot be stopped");
        String topic = newTopic();
        String address = kafka.bootstrapServers();
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        try (KafkaProducer<String, String> producer = producer(Duration.ofMillis(1500))) {
            producer.send(new ProducerRecord<>(topic, "k", "before the outage")).get(10, TimeUnit.SECONDS);

            kafka.stop();

            assertFalse(Ports.acceptsConnections(port), "the broker port is closed");
            ProducerRecord<String, String> lost = new ProducerRecord<>(topic, "k", "during the outage");
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> producer.send(lost).get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof org.apache.kafka.common.errors.TimeoutException, failed.toString());

            kafka.start();

            assertEquals(address, kafka.bootstrapServers());
            producer.send(new ProducerRecord<>(topic, "k", "after the outage")).get(10, TimeUnit.SECONDS);
        }
        List<String> values = reader.readAll(topic).stream().map(ConsumerRecord::value).toList();
        assertEquals(List.of("before the outage", "after the outage"), values);
    }

    @Test
    void stopAndStartAreIdempotent() {
        assumeFalse(kafka.isExternal(), "an external broker cannot be stopped");

        kafka.stop();
        kafka.stop();
        kafka.start();
        kafka.start();

        assertTrue(Ports.acceptsConnections(Integer.parseInt(kafka.bootstrapServers().split(":")[1])));
    }

    private String newTopic() {
        String topic = "test." + UUID.randomUUID();
        kafka.createTopics(List.of(topic), 1);
        return topic;
    }

    /** A producer that gives up quickly, so that a send during an outage fails within the test. */
    private KafkaProducer<String, String> producer(Duration maxBlock) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500),
                new StringSerializer(), new StringSerializer());
    }
}
