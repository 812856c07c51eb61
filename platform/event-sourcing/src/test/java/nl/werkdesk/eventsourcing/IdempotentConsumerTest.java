package nl.werkdesk.eventsourcing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.eventsourcing.sample.Counter;
import nl.werkdesk.eventsourcing.sample.CounterEvent;
import nl.werkdesk.eventsourcing.sample.SampleEvent;
import nl.werkdesk.eventsourcing.sample.CounterTotal;
import nl.werkdesk.testing.KafkaBroker;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentConsumerTest {

    static final String TOPIC = SampleEvent.TOPIC;
    static final String DEAD_LETTERS = "werkdesk.dead-letter.sample";
    static final Duration PROCESSED = Duration.ofSeconds(30);
    static final String REDELIVERED = "test-redelivered";

    @Inject
    CommandHandler handler;
    @Inject
    Aggregate<Counter.Command, Counter.State, CounterEvent> aggregate;

    final KafkaTopicReader topic = new KafkaTopicReader();

    Counters counters() {
        return new Counters(handler, aggregate);
    }

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce() {
        UUID id = counters().open();
        counters().increment(id, 4);
        awaitTotal(id, 4);
        ConsumerRecord<String, String> increment = topic.await(TOPIC, record -> record.key().equals(id.toString())
                && "2".equals(KafkaTopicReader.header(record, "ce_sequence")), 1, PROCESSED).get(0);
        redeliver(increment);
        counters().increment(id, 1);
        awaitTotal(id, 5);
    }

    @Test
    void parksDataThatIsNotTheEventItClaimsToBeOnTheDeadLetterTopicAndGoesOn() {
        UUID id = counters().open();
        awaitTotal(id, 0);
        ConsumerRecord<String, String> opened = topic.await(TOPIC, record -> record.key().equals(id.toString()), 1, PROCESSED).get(0);
        send(new ProducerRecord<>(TOPIC, null, id.toString(), "{\"by\": \"many\"", List.of(
                header("ce_specversion", "1.0"), header("ce_id", UUID.randomUUID().toString()),
                header("ce_source", "urn:nld:werkdesk:sample-service"), header("ce_type", "nl.werkdesk.sample.counter-incremented"),
                header("ce_subject", id.toString()), header("content-type", "application/json"))));
        var parked = topic.await(DEAD_LETTERS, record -> id.toString().equals(record.key()), 1, PROCESSED).get(0);
        // Parked on purpose, naming the type the data is not (the reason itself is a sentence for the operator).
        assertEquals(PoisonMessage.class.getName(), KafkaTopicReader.header(parked, "dead-letter-exception-class-name"));
        String reason = KafkaTopicReader.header(parked, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("CounterIncremented"), String.valueOf(reason));
        assertEquals(TOPIC, KafkaTopicReader.header(parked, "dead-letter-topic"));
        counters().increment(id, 2);
        awaitTotal(id, 2);
        assertEquals(opened.key(), parked.key());
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("werkdesk_consumer_failures_total{consumer=\"sample-totals\",kind=\"poison\"}"));
    }

    @Test
    void parksAMessageThatIsNotACloudEvent() {
        String key = UUID.randomUUID().toString();
        send(new ProducerRecord<>(TOPIC, key, "{}"));
        var parked = topic.await(DEAD_LETTERS, record -> key.equals(record.key()), 1, PROCESSED).get(0);
        assertEquals(PoisonMessage.class.getName(), KafkaTopicReader.header(parked, "dead-letter-exception-class-name"));
        assertEquals(TOPIC, KafkaTopicReader.header(parked, "dead-letter-topic"));
    }

    private static void awaitTotal(UUID counterId, int expected) {
        await().atMost(PROCESSED).until(() -> {
            CounterTotal total = Counters.await(() -> Panache.withSession(() -> CounterTotal.<CounterTotal>findById(counterId)));
            return total != null && total.total == expected;
        });
    }

    /** Sends the record again, marked so that the relay's exactly-once checks know it is a deliberate copy. */
    private static void redeliver(ConsumerRecord<String, String> record) {
        var copy = new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(), record.headers());
        copy.headers().add(header(REDELIVERED, "true"));
        send(copy);
    }

    private static void send(ProducerRecord<String, String> record) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send the test record", e);
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
