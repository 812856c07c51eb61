package nl.werkdesk.eventsourcing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.cloudevents.CloudEvent;
import nl.werkdesk.eventsourcing.cloudevents.CloudEventCodec;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.consumer.IdempotentConsumer;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.eventsourcing.sample.Counter;
import nl.werkdesk.eventsourcing.sample.CounterEvent;
import nl.werkdesk.eventsourcing.sample.SampleEvent;
import nl.werkdesk.eventsourcing.sample.CounterTotal;
import nl.werkdesk.eventsourcing.tracing.TraceContext;
import nl.werkdesk.testing.KafkaBroker;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.QueryPlanMisses;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hibernate.reactive.mutiny.Mutiny;
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
    IdempotentConsumer consumer;
    @Inject
    Aggregate<Counter.Command, Counter.State, CounterEvent> aggregate;
    @Inject
    Mutiny.SessionFactory sessions;

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

    @Test
    void appliesPollsWithoutAddingAQueryPlanPerPoll() {
        UUID warm = UUID.randomUUID();
        sendAsOnePoll(List.of(opened(warm, warm), incremented(warm, warm, 2, 1)));
        awaitTotal(warm, 1);
        assertEquals(0, QueryPlanMisses.during(sessions.getStatistics(), () -> {
            for (int poll = 0; poll < 5; poll++) {
                UUID counter = UUID.randomUUID();
                sendAsOnePoll(List.of(opened(counter, counter), incremented(counter, counter, 2, 1)));
                awaitTotal(counter, 1);
            }
        }), "query-plan cache misses over 5 warm polls");
    }

    @Test
    void appliesAPollInOneTransactionThatRecordsEveryEventId() {
        UUID counter = UUID.randomUUID();
        List<ProducerRecord<String, String>> poll = List.of(opened(counter, counter), incremented(counter, counter, 2, 1),
                incremented(counter, counter, 3, 2), incremented(counter, counter, 4, 3));
        sendAsOnePoll(poll);
        awaitTotal(counter, 6);
        List<String> recordedBy = transactionsOf(poll);
        assertEquals(1, recordedBy.size(), "one transaction recorded the poll's event ids: " + recordedBy);
        assertEquals(recordedBy, Counters.await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT xmin::text FROM counter_totals WHERE counter_id = :counter", String.class)
                .setParameter("counter", counter).getResultList()))), "the same transaction wrote the effect");
    }

    @Test
    void parksAPoisonRecordOfAPollAloneAndCommitsTheRest() throws Exception {
        UUID counter = UUID.randomUUID();
        UUID neverOpened = UUID.randomUUID();
        ProducerRecord<String, String> poison = incremented(counter, neverOpened, 2, 7);
        List<ProducerRecord<String, String>> poll = List.of(opened(counter, counter), incremented(counter, counter, 2, 1), poison,
                incremented(counter, counter, 3, 2));
        List<RecordMetadata> landed = sendAsOnePoll(poll);
        awaitTotal(counter, 3);
        String poisonId = ceId(poison);
        var parked = topic.await(DEAD_LETTERS, record -> poisonId.equals(KafkaTopicReader.header(record, "ce_id")), 1, PROCESSED).get(0);
        assertTrue(KafkaTopicReader.header(parked, "dead-letter-reason").startsWith("cannot be applied"),
                KafkaTopicReader.header(parked, "dead-letter-reason"));
        assertEquals(List.of(), topic.readAll(DEAD_LETTERS).stream().filter(record -> ids(poll).contains(KafkaTopicReader.header(record, "ce_id"))
                && !poisonId.equals(KafkaTopicReader.header(record, "ce_id"))).toList(), "only the poison record is parked");
        assertEquals(3, transactionsOf(poll).size(), "record by record, the three good events are recorded, the poison one is not");
        await().atMost(PROCESSED).until(() -> committedPast(landed.get(landed.size() - 1)));
    }

    @Test
    void parksAPoisonRecordDeliveredAgainOnlyOnce() {
        // The same record (same place on the topic, same time) in two polls, as after a rebalance or a crash between the
        // parking and the offset commit; then a copy of it written anew, which is a record of its own and is parked.
        ConsumerRecord<String, String> poison = new ConsumerRecord<>(TOPIC, 0, 4_200_000L, UUID.randomUUID().toString(), "not an event");
        ConsumerRecord<String, String> copy = new ConsumerRecord<>(TOPIC, 0, 4_200_001L, poison.key(), poison.value());
        List<ConsumerRecord<String, String>> parked = new ArrayList<>();
        KafkaFailureHandler deadLetterTopic = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                synchronized (parked) {
                    parked.add(new ConsumerRecord<>(record.getTopic(), record.getPartition(), record.getOffset(), (String) record.getKey(),
                            (String) record.getPayload()));
                }
                return Uni.createFrom().voidItem();
            }
        };
        KafkaCommitHandler offsets = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                return Uni.createFrom().voidItem();
            }
        };
        for (ConsumerRecord<String, String> delivered : List.of(poison, poison, copy)) {
            var poll = new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), List.of(delivered))),
                    "sample-parking", 0, offsets, deadLetterTopic, false, false);
            Counters.await(() -> consumer.consume("sample-parking", poll, SampleEvent.CATALOG, SampleEvent.class,
                    incoming -> Uni.createFrom().failure(new AssertionError("a poison record is never applied"))));
        }
        assertEquals(List.of(poison.offset(), copy.offset()), parked.stream().map(ConsumerRecord::offset).toList(),
                "the record delivered twice is parked once, its copy once");
    }

    @Test
    void takesAPollDeliveredAgainAsANoOp() {
        UUID counter = UUID.randomUUID();
        List<ProducerRecord<String, String>> poll = List.of(opened(counter, counter), incremented(counter, counter, 2, 5));
        sendAsOnePoll(poll);
        awaitTotal(counter, 5);
        List<String> recordedBy = transactionsOf(poll);
        List<ProducerRecord<String, String>> again = new ArrayList<>();
        for (ProducerRecord<String, String> record : poll) {
            ProducerRecord<String, String> copy = new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                    new RecordHeaders(record.headers().toArray()));
            copy.headers().add(header(REDELIVERED, "true"));
            again.add(copy);
        }
        // A new event in the same poll shows when the poll was applied.
        again.add(incremented(counter, counter, 3, 100));
        sendAsOnePoll(again);
        awaitTotal(counter, 105);
        assertEquals(recordedBy, transactionsOf(poll), "the first delivery's records stand, none written again");
        assertEquals(List.of(), topic.readAll(DEAD_LETTERS).stream().filter(record -> ids(poll).contains(KafkaTopicReader.header(record, "ce_id")))
                .toList(), "the repeated opening is skipped, not parked");
    }

    private static void awaitTotal(UUID counterId, int expected) {
        await().atMost(PROCESSED).until(() -> {
            CounterTotal total = Counters.await(() -> Panache.withSession(() -> CounterTotal.<CounterTotal>findById(counterId)));
            return total != null && total.total == expected;
        });
    }

    private static final URI TEST_SOURCE = URI.create("urn:nld:werkdesk:kernel-test");

    /** A CounterOpened CloudEvent as a producer other than the relay would publish it, keyed by {@code key}. */
    static ProducerRecord<String, String> opened(UUID key, UUID counter) {
        return cloudEvent(key, counter, "nl.werkdesk.sample.counter-opened", 1,
                "{\"counterId\":\"" + counter + "\",\"openedOn\":\"" + Counters.DAY + "\"}");
    }

    static ProducerRecord<String, String> incremented(UUID key, UUID counter, long sequence, int by) {
        return cloudEvent(key, counter, "nl.werkdesk.sample.counter-incremented", sequence,
                "{\"counterId\":\"" + counter + "\",\"by\":" + by + ",\"incrementedOn\":\"" + Counters.DAY + "\"}");
    }

    private static ProducerRecord<String, String> cloudEvent(UUID key, UUID counter, String type, long sequence, String data) {
        ProducerRecord<String, String> record = CloudEventCodec.record(TOPIC, new CloudEvent(UUID.randomUUID(), TEST_SOURCE, type, counter,
                Counters.DAY.atStartOfDay().atOffset(ZoneOffset.UTC), sequence, TEST_SOURCE, TraceContext.NONE, data));
        // One key, so one partition: a poll takes the whole transaction.
        return new ProducerRecord<>(TOPIC, null, key.toString(), record.value(), record.headers());
    }

    static List<String> ids(List<ProducerRecord<String, String>> records) {
        return records.stream().map(IdempotentConsumerTest::ceId).toList();
    }

    /** The transactions (xmin) that recorded these events as processed by the sample consumer. */
    static List<String> transactionsOf(List<ProducerRecord<String, String>> records) {
        List<UUID> ids = ids(records).stream().map(UUID::fromString).toList();
        return Counters.await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT DISTINCT xmin::text FROM processed_events WHERE consumer = 'sample-totals' AND event_id IN (:ids)",
                        String.class)
                .setParameter("ids", ids).getResultList())));
    }

    /**
     * Sends the records in one Kafka transaction: a read_committed consumer sees all of them at its commit, on one
     * partition, so one poll holds them all. Returns where they landed.
     */
    static List<RecordMetadata> sendAsOnePoll(List<ProducerRecord<String, String>> records) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kernel-test-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.initTransactions();
            producer.beginTransaction();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                acks.add(producer.send(record));
            }
            producer.commitTransaction();
            List<RecordMetadata> landed = new ArrayList<>();
            for (Future<RecordMetadata> ack : acks) {
                landed.add(ack.get());
            }
            return landed;
        } catch (Exception e) {
            throw new IllegalStateException("could not send the test records", e);
        }
    }

    /** Whether the sample consumer's group committed its offset past this record. */
    private static boolean committedPast(RecordMetadata record) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("sample-totals").partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(record.topic(), record.partition()));
            return committed != null && committed.offset() > record.offset();
        }
    }

    static String ceId(ProducerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
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
