package nl.werkdesk.eventsourcing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.relay.OutboxRelay;
import nl.werkdesk.eventsourcing.sample.Counter;
import nl.werkdesk.eventsourcing.sample.CounterEvent;
import nl.werkdesk.eventsourcing.sample.SampleEvent;
import nl.werkdesk.testing.KafkaBroker;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    static final String TOPIC = SampleEvent.TOPIC;
    /** The relay's transactional id: the application's name (application.properties) and its topic. */
    static final String RELAY_TRANSACTIONAL_ID = "werkdesk-relay-event-sourcing-test-" + TOPIC;
    static final Duration QUIET = Duration.ofMillis(1500);
    static final Duration PUBLISHED = Duration.ofSeconds(30);
    /** Room left below a power of ten for the test's own transaction, whatever else commits meanwhile. */
    static final long TRANSACTIONS_BEFORE_BOUNDARY = 20;
    /** werkdesk.relay.batch-size's default. */
    static final int RELAY_BATCH_SIZE = 500;
    static final int BACKLOG_BATCHES = 3;
    static final String LAG_EVENTS = "werkdesk.relay.lag.events";
    static final String LAG_OLDEST_SECONDS = "werkdesk.relay.lag.oldest.seconds";
    private static final String LEADING = "werkdesk.relay.leading";
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Inject
    CommandHandler handler;
    @Inject
    Aggregate<Counter.Command, Counter.State, CounterEvent> aggregate;
    @Inject
    OutboxRelay relay;
    @Inject
    MeterRegistry metrics;

    final KafkaTopicReader topic = new KafkaTopicReader();

    Counters counters() {
        return new Counters(handler, aggregate);
    }

    @Test
    void publishesEachEventAsABinaryCloudEventKeyedByItsStream() {
        UUID id = counters().open();
        counters().increment(id, 4);
        List<ConsumerRecord<String, String>> records = topic.await(TOPIC, record -> record.key().equals(id.toString()), 2, PUBLISHED);
        ConsumerRecord<String, String> incremented = records.get(1);
        var stored = counters().history(id).get(1);
        assertEquals("1.0", KafkaTopicReader.header(incremented, "ce_specversion"));
        assertEquals(stored.eventId().toString(), KafkaTopicReader.header(incremented, "ce_id"));
        assertEquals("urn:nld:werkdesk:sample-service", KafkaTopicReader.header(incremented, "ce_source"));
        assertEquals("nl.werkdesk.sample.counter-incremented", KafkaTopicReader.header(incremented, "ce_type"));
        assertEquals(id.toString(), KafkaTopicReader.header(incremented, "ce_subject"));
        assertEquals("2", KafkaTopicReader.header(incremented, "ce_sequence"));
        assertEquals("urn:nld:werkdesk:schema:sample:counter-incremented:v1", KafkaTopicReader.header(incremented, "ce_dataschema"));
        assertTrue(KafkaTopicReader.header(incremented, "ce_time").startsWith("2025-03-03T00:00"), KafkaTopicReader.header(incremented, "ce_time"));
        assertEquals("application/json", KafkaTopicReader.header(incremented, "content-type"));
        assertEquals(JSON.createObjectNode().put("counterId", id.toString()).put("by", 4).put("incrementedOn", "2025-03-03"),
                readTree(incremented.value()));
    }

    /**
     * A backlog of several full batches and a short one, committed at once: published batch after batch, in order,
     * each event once. (Each batch now completes before the next one starts, so that a large backlog is published in
     * constant memory; the benchmarks showed the nested batches exhausting a 256 MB heap at 124,500 of 200,000.)
     */
    @Test
    void publishesABacklogOfSeveralFullBatchesInOrderEachEventOnce() throws SQLException {
        UUID id = counters().open();
        topic.await(TOPIC, record -> record.key().equals(id.toString()), 1, PUBLISHED);
        int backlog = BACKLOG_BATCHES * RELAY_BATCH_SIZE + RELAY_BATCH_SIZE / 2;
        try (Connection connection = PostgresServer.shared().connect("kernel")) {
            connection.setAutoCommit(false);
            for (int version = 2; version <= backlog + 1; version++) {
                insertIncrement(connection, id, version);
            }
            connection.commit();
        }
        List<ConsumerRecord<String, String>> records = topic.await(TOPIC, record -> record.key().equals(id.toString()), backlog + 1,
                Duration.ofSeconds(60));
        assertEquals(backlog + 1, records.size());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(String.valueOf(i + 1), KafkaTopicReader.header(records.get(i), "ce_sequence"), "the stream's order on the topic");
        }
        assertEachEventOnTheTopicOnce();
    }

    @Test
    void withholdsALaterCommitUntilAnEarlierOpenTransactionCommitsThenPublishesBoth() throws SQLException {
        UUID early = counters().open();
        UUID late = counters().open();
        topic.await(TOPIC, record -> record.key().equals(early.toString()) || record.key().equals(late.toString()), 2, PUBLISHED);
        try (Connection earlier = PostgresServer.shared().connect("kernel")) {
            earlier.setAutoCommit(false);
            insertIncrement(earlier, early, 2);
            counters().increment(late, 1);
            sleep(QUIET);
            assertFalse(topic.readAll(TOPIC).stream().anyMatch(record -> record.key().equals(late.toString())
                            && "2".equals(KafkaTopicReader.header(record, "ce_sequence"))),
                    "an event committed while an earlier transaction is open must wait for it");
            earlier.commit();
        }
        topic.await(TOPIC, record -> (record.key().equals(early.toString()) || record.key().equals(late.toString()))
                && "2".equals(KafkaTopicReader.header(record, "ce_sequence")), 2, PUBLISHED);
    }

    @Test
    void publishesEachEventOnceWhenTransactionIdsGainADigit() throws SQLException {
        UUID early = counters().open();
        UUID late = counters().open();
        topic.await(TOPIC, record -> record.key().equals(early.toString()) || record.key().equals(late.toString()), 2, PUBLISHED);
        try (Connection burner = PostgresServer.shared().connect("kernel");
             Connection earlier = PostgresServer.shared().connect("kernel")) {
            long boundary = nextPowerOfTen(currentTransactionId(burner) + TRANSACTIONS_BEFORE_BOUNDARY);
            burnTransactionIds(burner, boundary - TRANSACTIONS_BEFORE_BOUNDARY);
            earlier.setAutoCommit(false);
            insertIncrement(earlier, early, 2);
            burnTransactionIds(burner, boundary);
            // Committed with more digits while the earlier one is open: the relay reads both in one batch.
            counters().increment(late, 1);
            earlier.commit();
        }
        topic.await(TOPIC, record -> (record.key().equals(early.toString()) || record.key().equals(late.toString()))
                && "2".equals(KafkaTopicReader.header(record, "ce_sequence")), 2, PUBLISHED);
        sleep(QUIET);
        assertEachEventOnTheTopicOnce();
    }

    @Test
    void onlyOneReplicaRelaysAndAnotherTakesOverWhenItsSessionEnds() throws SQLException {
        UUID id = counters().open();
        topic.await(TOPIC, record -> record.key().equals(id.toString()), 1, PUBLISHED);
        try (Connection otherReplica = PostgresServer.shared().connect("kernel")) {
            assertFalse(tryRelayLock(otherReplica), "the running relay holds the lock");
            assertEquals(1, gauge(LEADING), "leading, as reported by the replica that holds the lock");
            await().atMost(PUBLISHED).until(() -> {
                terminateRelayLockHolder(otherReplica);
                return tryRelayLock(otherReplica);
            });
            await().atMost(PUBLISHED).until(() -> !relay.isLeader());
            assertEquals(0, gauge(LEADING), "leading, as reported by a replica that lost the lock");
            counters().increment(id, 1);
            sleep(QUIET);
            assertFalse(topic.readAll(TOPIC).stream().anyMatch(record -> record.key().equals(id.toString())
                    && "2".equals(KafkaTopicReader.header(record, "ce_sequence"))), "no relay runs while another replica holds the lock");
        }
        topic.await(TOPIC, record -> record.key().equals(id.toString()) && "2".equals(KafkaTopicReader.header(record, "ce_sequence")),
                1, PUBLISHED);
        assertTrue(relay.isLeader());
        assertEquals(1, gauge(LEADING), "leading, as reported by the replica that took the lock back");
    }

    @Test
    void skipsWhatTheTopicAlreadyHoldsWhenItsCheckpointIsBehind() throws SQLException {
        UUID id = counters().open();
        counters().increment(id, 1);
        topic.await(TOPIC, record -> record.key().equals(id.toString()), 2, PUBLISHED);
        try (Connection database = PostgresServer.shared().connect("kernel")) {
            // As after a crash between Kafka's acknowledgement and the checkpoint: the checkpoint is behind.
            database.createStatement().executeUpdate("UPDATE relay_checkpoint SET transaction_id = '0', global_position = 0");
            await().atMost(PUBLISHED).until(() -> {
                terminateRelayLockHolder(database);
                return !relay.isLeader();
            });
        }
        await().atMost(PUBLISHED).until(relay::isLeader);
        counters().increment(id, 1);
        topic.await(TOPIC, record -> record.key().equals(id.toString()) && "3".equals(KafkaTopicReader.header(record, "ce_sequence")),
                1, PUBLISHED);
        assertEachEventOnTheTopicOnce();
    }

    /**
     * A stored event its publication maps to two integration events: both go out with the stream's version, the first
     * with the stored event's id and the second with an id derived from it; after a crash that leaves the checkpoint
     * behind, the relay finds the pair on the topic by stream and version and publishes neither again.
     */
    @Test
    void publishesAStoredEventAsTwoCloudEventsWithDerivedIdsAndNeverAgainAfterACrash() throws SQLException {
        UUID id = counters().open();
        counters().close(id);
        List<ConsumerRecord<String, String>> records = topic.await(TOPIC, record -> record.key().equals(id.toString()), 3, PUBLISHED);
        UUID closed = counters().history(id).get(1).eventId();
        assertEquals(List.of("nl.werkdesk.sample.counter-opened", "nl.werkdesk.sample.counter-closed", "nl.werkdesk.sample.counter-archived"),
                records.stream().map(record -> KafkaTopicReader.header(record, "ce_type")).toList());
        assertEquals(List.of(closed.toString(), UUID.nameUUIDFromBytes((closed + "/1").getBytes(StandardCharsets.UTF_8)).toString()),
                records.subList(1, 3).stream().map(record -> KafkaTopicReader.header(record, "ce_id")).toList());
        assertEquals(List.of("2", "2"), records.subList(1, 3).stream().map(record -> KafkaTopicReader.header(record, "ce_sequence")).toList());
        try (Connection database = PostgresServer.shared().connect("kernel")) {
            database.createStatement().executeUpdate("UPDATE relay_checkpoint SET transaction_id = '0', global_position = 0");
            await().atMost(PUBLISHED).until(() -> {
                terminateRelayLockHolder(database);
                return !relay.isLeader();
            });
        }
        await().atMost(PUBLISHED).until(relay::isLeader);
        UUID next = counters().open();
        topic.await(TOPIC, record -> record.key().equals(next.toString()), 1, PUBLISHED);
        sleep(QUIET);
        assertEquals(3, topic.readAll(TOPIC).stream().filter(record -> record.key().equals(id.toString())).count());
        assertEachEventOnTheTopicOnce();
    }

    /**
     * A producer that relayed before and never learned whether its commit went through (a commit that timed out on the
     * client under load, a replica that lost the lock, a process killed mid-commit) has its transaction still open when
     * the relay leads again. The relay fences it before it reads the end of the topic: the event goes out once, and the
     * late commit is refused.
     */
    @Test
    void fencesTheProducerThatRelayedBeforeSoThatItsLateCommitCannotPublishAnEventTwice() throws Exception {
        try (KafkaProducer<String, String> before = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, RELAY_TRANSACTIONAL_ID,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            UUID id;
            UUID eventId;
            try (Connection otherReplica = PostgresServer.shared().connect("kernel")) {
                // Another replica holds the lock while the event is appended, so that the event waits unpublished.
                await().atMost(PUBLISHED).until(() -> {
                    terminateRelayLockHolder(otherReplica);
                    return tryRelayLock(otherReplica);
                });
                await().atMost(PUBLISHED).until(() -> !relay.isLeader());
                id = counters().open();
                eventId = counters().history(id).get(0).eventId();
                before.initTransactions();
                before.beginTransaction();
                before.send(cloudEvent(id.toString(), eventId.toString(), "nl.werkdesk.sample.counter-opened", id.toString())).get();
            }
            // The other replica's session ended with its lock: this relay leads again, the earlier transaction still open.
            try (Connection database = PostgresServer.shared().connect("kernel")) {
                await().atMost(PUBLISHED).until(() -> checkpointPassed(database, eventId));
            }
            assertThrows(KafkaException.class, before::commitTransaction, "the earlier producer is fenced");
            topic.await(TOPIC, record -> record.key().equals(id.toString()), 1, PUBLISHED);
            sleep(QUIET);
            assertEquals(1, topic.readAll(TOPIC).stream().filter(record -> record.key().equals(id.toString())).count());
        }
        assertEachEventOnTheTopicOnce();
    }

    /**
     * A record with this service's source that is none of its events (a poison message someone sent) at the end of a
     * partition must not hide the last real event there: recovery would otherwise publish that partition again.
     */
    @Test
    void recoversPastARecordThatClaimsItsSourceButIsNoneOfItsEvents() throws Exception {
        UUID id = counters().open();
        counters().increment(id, 1);
        topic.await(TOPIC, record -> record.key().equals(id.toString()), 2, PUBLISHED);
        ProducerRecord<String, String> impostor = cloudEvent(id.toString(), UUID.randomUUID().toString(),
                "nl.werkdesk.sample.counter-incremented", UUID.randomUUID().toString());
        impostor.headers().add(IdempotentConsumerTest.REDELIVERED, "true".getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", KafkaBroker.shared().bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()))) {
            producer.send(impostor).get();
        }
        try (Connection database = PostgresServer.shared().connect("kernel")) {
            database.createStatement().executeUpdate("UPDATE relay_checkpoint SET transaction_id = '0', global_position = 0");
            await().atMost(PUBLISHED).until(() -> {
                terminateRelayLockHolder(database);
                return !relay.isLeader();
            });
        }
        await().atMost(PUBLISHED).until(relay::isLeader);
        counters().increment(id, 1);
        topic.await(TOPIC, record -> record.key().equals(id.toString()) && "3".equals(KafkaTopicReader.header(record, "ce_sequence")),
                1, PUBLISHED);
        sleep(QUIET);
        assertEachEventOnTheTopicOnce();
    }

    @Test
    void acceptsCommandsWhileKafkaIsDownAndPublishesEveryEventOnceInOrderAfterwards() {
        KafkaBroker kafka = KafkaBroker.shared();
        assumeFalse(kafka.isExternal(), "needs the embedded broker, which it stops and starts");
        UUID id = counters().open();
        topic.await(TOPIC, record -> record.key().equals(id.toString()), 1, PUBLISHED);
        double failuresBefore = relay.publishFailures();
        kafka.stop();
        try {
            for (int i = 0; i < 5; i++) {
                counters().increment(id, 1);
            }
            await().atMost(PUBLISHED).until(() -> relay.publishFailures() > failuresBefore);
        } finally {
            kafka.start();
        }
        List<ConsumerRecord<String, String>> records = topic.await(TOPIC, record -> record.key().equals(id.toString()), 6, Duration.ofSeconds(60));
        assertEquals(List.of("1", "2", "3", "4", "5", "6"),
                records.stream().map(record -> KafkaTopicReader.header(record, "ce_sequence")).toList());
        assertEachEventOnTheTopicOnce();
    }

    @Test
    void reportsAppendsAndRelayLagAsMetrics() {
        UUID id = counters().open();
        topic.await(TOPIC, record -> record.key().equals(id.toString()), 1, PUBLISHED);
        await().atMost(PUBLISHED).until(() -> relay.lag() == 0);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("werkdesk_events_appended_total{type=\"CounterOpened\"}"))
                .body(containsString("werkdesk_relay_lag_events"))
                .body(containsString("werkdesk_relay_lag_oldest_seconds"))
                .body(containsString("werkdesk_relay_leading"));
    }

    /**
     * A replica that loses the relay lock stops reporting the lag it measured while it relayed: its frozen figure would
     * keep the relay-lag alert firing while another replica relays. An open transaction holds back an event committed
     * after it, so the relay has a lag of its own to report before it loses the lock.
     */
    @Test
    void reportsNoRelayLagOnceAnotherReplicaTakesTheLock() throws SQLException {
        UUID early = counters().open();
        UUID late = counters().open();
        topic.await(TOPIC, record -> record.key().equals(early.toString()) || record.key().equals(late.toString()), 2, PUBLISHED);
        try (Connection earlier = PostgresServer.shared().connect("kernel");
             Connection otherReplica = PostgresServer.shared().connect("kernel")) {
            earlier.setAutoCommit(false);
            insertIncrement(earlier, early, 2);
            counters().increment(late, 1);
            await().atMost(PUBLISHED).until(() -> gauge(LAG_EVENTS) >= 1 && gauge(LAG_OLDEST_SECONDS) >= 1);
            await().atMost(PUBLISHED).until(() -> {
                terminateRelayLockHolder(otherReplica);
                return tryRelayLock(otherReplica);
            });
            await().atMost(PUBLISHED).until(() -> !relay.isLeader());
            // Several lag intervals: a measurement still under way when the lock went must not bring the figures back.
            sleep(QUIET);
            assertEquals(0, gauge(LAG_EVENTS), "events waiting, as reported by a replica that no longer relays");
            assertEquals(0, gauge(LAG_OLDEST_SECONDS), "oldest waiting event's age, as reported by a replica that no longer relays");
            assertEquals(0, gauge(LEADING), "leading, as reported by a replica that no longer relays");
            earlier.rollback();
        }
        await().atMost(PUBLISHED).until(relay::isLeader);
        topic.await(TOPIC, record -> record.key().equals(late.toString()) && "2".equals(KafkaTopicReader.header(record, "ce_sequence")),
                1, PUBLISHED);
        assertEachEventOnTheTopicOnce();
    }

    private double gauge(String name) {
        return metrics.get(name).gauge().value();
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private void assertEachEventOnTheTopicOnce() {
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : topic.readAll(TOPIC)) {
            String eventId = KafkaTopicReader.header(record, "ce_id");
            if (eventId != null && KafkaTopicReader.header(record, IdempotentConsumerTest.REDELIVERED) == null) {
                assertTrue(seen.add(eventId), "event " + eventId + " is on the topic more than once");
            }
        }
    }

    private static void insertIncrement(Connection connection, UUID counterId, long version) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, occurred_at)
                VALUES (?, 'counter', ?, ?, 'CounterIncremented', 1, ?::jsonb, '{"actor":"kernel-test"}'::jsonb, now())""")) {
            insert.setObject(1, counterId);
            insert.setLong(2, version);
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, "{\"counterId\":\"" + counterId + "\",\"by\":10,\"incrementedOn\":\"2025-03-03\"}");
            insert.executeUpdate();
        }
    }

    private static long currentTransactionId(Connection connection) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Uses up transaction ids, one committed transaction each, until the next one is at least {@code target}. */
    private static void burnTransactionIds(Connection connection, long target) throws SQLException {
        long missing = target - currentTransactionId(connection);
        if (missing > 0) {
            connection.createStatement().execute(
                    "DO $$ BEGIN FOR i IN 1.." + missing + " LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$");
        }
    }

    private static long nextPowerOfTen(long value) {
        long power = 10;
        while (power <= value) {
            power *= 10;
        }
        return power;
    }

    /** A record with the sample service's source and these CloudEvent headers, at version 1 of its subject, on the topic. */
    private static ProducerRecord<String, String> cloudEvent(String key, String id, String type, String subject) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, "{}");
        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "urn:nld:werkdesk:sample-service", "ce_type", type,
                        "ce_subject", subject, "ce_sequence", "1")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Whether the relay's checkpoint has moved past this stored event: it counts the event as published. */
    private static boolean checkpointPassed(Connection connection, UUID eventId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT (c.transaction_id, c.global_position) >= (e.transaction_id, e.global_position)
                  FROM relay_checkpoint c, events e WHERE e.event_id = ?""")) {
            query.setObject(1, eventId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static boolean tryRelayLock(Connection connection) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery("SELECT pg_try_advisory_lock(" + OutboxRelay.LOCK_KEY + ")")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    /** Ends the database session of whoever holds the relay lock, as when its pod is killed. */
    private static void terminateRelayLockHolder(Connection connection) throws SQLException {
        connection.createStatement().execute("""
                SELECT pg_terminate_backend(pid) FROM pg_locks
                 WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
