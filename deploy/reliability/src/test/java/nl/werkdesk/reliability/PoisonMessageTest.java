package nl.werkdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import nl.werkdesk.contracts.Catalogs;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.testing.KafkaTopicReader;

/**
 * Poison on every integration topic: a record that is no CloudEvent, a CloudEvent of a known type whose data is not
 * JSON, one whose data is JSON of the wrong shape, and one of a type from another context. Every consuming service of
 * the topic parks each in its dead-letter topic with the reason and the topic it came from, moves on (its committed
 * offset passes the poison) and keeps applying what comes next; a rebuild skips the poison and equals the live figures.
 */
@Order(8)
class PoisonMessageTest {

    private static final Logger LOG = Logger.getLogger(PoisonMessageTest.class);

    /**
     * What a consumer throws to park a record on purpose (the kernel's PoisonMessage; named, not imported: this suite
     * drives the services from outside and has no kernel on its class path).
     */
    private static final String POISON_MESSAGE = "nl.werkdesk.eventsourcing.consumer.PoisonMessage";

    private static ReliabilityStack stack;

    @BeforeAll
    static void stack() {
        stack = ReliabilityStack.get();
    }

    record Poison(String topic, String key, String kind, long partition, long offset) {
    }

    @Test
    void aPoisonMessageOnEveryTopicIsParkedWithItsReasonAndConsumptionGoesOn() throws Exception {
        List<Poison> poisons = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (EventCatalog catalog : Catalogs.ALL) {
                String knownType = catalog.types().get(0).cloudEventType();
                poisons.add(send(producer, catalog.topic(), "no CloudEvent headers", "this is not an event", Map.of()));
                poisons.add(send(producer, catalog.topic(), "data that is not JSON", "{\"participantId\": 42, \"broken\": [",
                        cloudEvent(catalog, knownType)));
                poisons.add(send(producer, catalog.topic(), "data of the wrong shape", "{\"participantId\": [\"not\", \"a\", \"uuid\"]}",
                        cloudEvent(catalog, knownType)));
                poisons.add(send(producer, catalog.topic(), "a type from another context", "{}",
                        cloudEvent(catalog, "nl.werkdesk.elsewhere.something-happened")));
            }
        }
        Faults.injected(poisons.size() + " poison messages on the " + Topics.ALL.size() + " integration topics");

        KafkaTopicReader reader = stack.topics();
        int parked = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<String>> consumer : Checks.CONSUMED.entrySet()) {
            List<Poison> expected = poisons.stream().filter(p -> consumer.getValue().contains(p.topic())).toList();
            List<String> keys = expected.stream().map(Poison::key).toList();
            List<ConsumerRecord<String, String>> dead = reader.await(Topics.deadLetter(consumer.getKey()), r -> keys.contains(r.key()),
                    expected.size(), ReliabilityStack.PROPAGATION);
            Map<String, ConsumerRecord<String, String>> byKey = new HashMap<>();
            dead.forEach(r -> byKey.merge(r.key(), r, (a, b) -> a));
            for (Poison poison : expected) {
                ConsumerRecord<String, String> record = byKey.get(poison.key());
                String reason = KafkaTopicReader.header(record, "dead-letter-reason");
                String where = consumer.getKey() + ", " + poison.kind() + " from " + poison.topic();
                // The facts: parked on purpose as unreadable (a PoisonMessage with no cause, not a failure while applying
                // it), with a reason for the operator (a sentence, so only its presence is checked) and the topic it came from.
                if (!POISON_MESSAGE.equals(KafkaTopicReader.header(record, "dead-letter-exception-class-name"))) {
                    failures.add(where + ": parked as " + KafkaTopicReader.header(record, "dead-letter-exception-class-name"));
                }
                if (KafkaTopicReader.header(record, "dead-letter-cause-class-name") != null) {
                    failures.add(where + ": parked because applying it failed, not because it is unreadable");
                }
                if (reason == null || reason.isBlank()) {
                    failures.add(where + ": parked without a reason");
                }
                if (!poison.topic().equals(KafkaTopicReader.header(record, "dead-letter-topic"))) {
                    failures.add(where + ": parked without the topic it came from");
                }
                parked++;
            }
            // Once, even when a rebalance or a restart delivers a poison record again (the consumers remember what they parked).
            assertEquals(expected.size(), dead.size(), () -> consumer.getKey() + " parked each poison message once: " + dead.stream()
                    .map(r -> r.key() + " from " + KafkaTopicReader.header(r, "dead-letter-topic") + "-"
                            + KafkaTopicReader.header(r, "dead-letter-partition") + "@" + KafkaTopicReader.header(r, "dead-letter-offset"))
                    .toList());
        }
        assertEquals(List.of(), failures);
        LOG.infof("%d poison messages, %d parked by their consumers", poisons.size(), parked);

        try (Kafka kafka = new Kafka(stack.settings.kafkaBootstrap())) {
            for (String module : Checks.CONSUMED.keySet()) {
                for (String group : kafka.groupsOf(module)) {
                    Await.until(group + " to commit past the poison", ReliabilityStack.PROPAGATION, () -> {
                        Map<TopicPartition, Long> committed = kafka.committed(group);
                        return poisons.stream().filter(p -> committed.keySet().stream().anyMatch(tp -> tp.topic().equals(p.topic())))
                                .allMatch(p -> committed.getOrDefault(new TopicPartition(p.topic(), (int) p.partition()), 0L) > p.offset())
                                        ? Boolean.TRUE : null;
                    });
                }
            }
        }

        // Consumption goes on: a participant enrolled now reaches every consumer of the participants topic.
        Http.Reply registered = Http.postJson(stack.api(ReliabilityStack.PARTICIPANT, "/participants"), stack.bearer("caseworker"),
                OpenApiBodies.registration(), UUID.randomUUID().toString());
        assertEquals(201, registered.status(), "registered after the poison: " + registered);
        Checks.assertEveryEventConsumed(stack);
        Checks.assertProjectionsEqualARebuild(stack);
    }

    private static Map<String, String> cloudEvent(EventCatalog catalog, String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", catalog.source().toString());
        headers.put("ce_type", type);
        headers.put("ce_subject", UUID.randomUUID().toString());
        headers.put("ce_time", "2025-03-03T00:00:00+01:00");
        headers.put("ce_sequence", "1");
        headers.put("content-type", "application/json");
        return headers;
    }

    private static Poison send(KafkaProducer<String, String> producer, String topic, String kind, String value, Map<String, String> headers)
            throws Exception {
        String key = "poison-" + UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        RecordMetadata written = producer.send(record).get(30, TimeUnit.SECONDS);
        return new Poison(topic, key, kind, written.partition(), written.offset());
    }

    private static KafkaProducer<String, String> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.settings.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "reliability-poison");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

}
