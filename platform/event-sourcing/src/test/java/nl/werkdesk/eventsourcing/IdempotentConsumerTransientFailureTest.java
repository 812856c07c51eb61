package nl.werkdesk.eventsourcing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.sample.CounterTotal;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deadlock or serialization failure asks the consumer to try again, wherever PostgreSQL raises it: in a statement of
 * the effect or at COMMIT (where deferred triggers run). A test-only trigger on the sample view raises the SQLSTATE for
 * the counters a test plans it for, counting attempts in a sequence (which a rollback does not undo).
 */
@QuarkusTest
class IdempotentConsumerTransientFailureTest {

    private static final List<String> FAILURE_DDL = List.of(
            "CREATE TABLE IF NOT EXISTS planned_failures (counter_id uuid PRIMARY KEY, sql_state text NOT NULL,"
                    + " at_commit boolean NOT NULL, times integer NOT NULL, attempts regclass NOT NULL)",
            """
            CREATE OR REPLACE FUNCTION fail_as_planned() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE planned planned_failures;
            BEGIN
                SELECT * INTO planned FROM planned_failures
                 WHERE counter_id = NEW.counter_id AND at_commit = (TG_NAME = 'counter_totals_fail_at_commit');
                IF FOUND AND nextval(planned.attempts) <= planned.times THEN
                    RAISE EXCEPTION 'failing as planned' USING ERRCODE = planned.sql_state;
                END IF;
                RETURN NULL;
            END $$""",
            "DROP TRIGGER IF EXISTS counter_totals_fail_at_commit ON counter_totals",
            "CREATE CONSTRAINT TRIGGER counter_totals_fail_at_commit AFTER INSERT OR UPDATE ON counter_totals"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_as_planned()",
            "DROP TRIGGER IF EXISTS counter_totals_fail_at_statement ON counter_totals",
            "CREATE TRIGGER counter_totals_fail_at_statement AFTER INSERT OR UPDATE ON counter_totals"
                    + " FOR EACH ROW EXECUTE FUNCTION fail_as_planned()");
    private static final String DEADLOCK = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";
    /**
     * The poll's transaction fails first and the consumer applies it again record by record; the second failure meets
     * the record's own transaction, which is where a passing failure must be retried rather than parked.
     */
    private static final int FAILURES = 2;

    @Inject
    MeterRegistry metrics;

    final KafkaTopicReader topic = new KafkaTopicReader();

    @BeforeEach
    void installFailingTrigger() {
        for (String ddl : FAILURE_DDL) {
            Counters.await(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(ddl).executeUpdate())));
        }
    }

    @Test
    void retriesADeadlockAtCommitAndAppliesTheRecordOnce() {
        appliesOnceDespite(DEADLOCK, true);
    }

    @Test
    void retriesASerializationFailureAtCommitAndAppliesTheRecordOnce() {
        appliesOnceDespite(SERIALIZATION_FAILURE, true);
    }

    @Test
    void retriesADeadlockInAStatementOfTheEffectAndAppliesTheRecordOnce() {
        appliesOnceDespite(DEADLOCK, false);
    }

    @Test
    void retriesASerializationFailureInAStatementOfTheEffectAndAppliesTheRecordOnce() {
        appliesOnceDespite(SERIALIZATION_FAILURE, false);
    }

    private void appliesOnceDespite(String sqlState, boolean atCommit) {
        UUID counter = UUID.randomUUID();
        plan(counter, sqlState, atCommit);
        double retriedBefore = transientFailures();
        List<ProducerRecord<String, String>> poll = List.of(IdempotentConsumerTest.opened(counter, counter),
                IdempotentConsumerTest.incremented(counter, counter, 2, 5));
        IdempotentConsumerTest.sendAsOnePoll(poll);

        await().atMost(IdempotentConsumerTest.PROCESSED).until(() -> recorded(poll) == poll.size() || !parked(poll).isEmpty());
        assertEquals(List.of(), parked(poll), "nothing is parked for a failure that passes");
        assertTrue(attempts(counter) > FAILURES, "failed as planned, then committed");
        CounterTotal total = Counters.await(() -> Panache.withSession(() -> CounterTotal.<CounterTotal>findById(counter)));
        assertEquals(5, total.total, "the increment is applied exactly once");
        assertTrue(transientFailures() > retriedBefore, "the retry is counted as a transient failure");
    }

    private static void plan(UUID counter, String sqlState, boolean atCommit) {
        String attempts = "planned_failure_" + counter.toString().replace("-", "");
        Counters.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("CREATE SEQUENCE " + attempts).executeUpdate()
                        .chain(() -> session.createNativeQuery("INSERT INTO planned_failures (counter_id, sql_state, at_commit, times, attempts)"
                                        + " VALUES (:counter, :state, :atCommit, :times, CAST(:attempts AS regclass))")
                                .setParameter("counter", counter)
                                .setParameter("state", sqlState)
                                .setParameter("atCommit", atCommit)
                                .setParameter("times", FAILURES)
                                .setParameter("attempts", attempts)
                                .executeUpdate()))));
    }

    /** How many times the planned trigger ran for the counter (the sequence's last value). */
    private static long attempts(UUID counter) {
        String attempts = "planned_failure_" + counter.toString().replace("-", "");
        return Counters.await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT last_value FROM " + attempts, Long.class).getSingleResult())));
    }

    private static long recorded(List<ProducerRecord<String, String>> poll) {
        List<UUID> ids = IdempotentConsumerTest.ids(poll).stream().map(UUID::fromString).toList();
        return Counters.await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM processed_events WHERE consumer = 'sample-totals' AND event_id IN (:ids)", Long.class)
                .setParameter("ids", ids).getSingleResult())));
    }

    /** The dead-letter reasons of the poll's records that were parked: each names the failure's exception chain. */
    private List<String> parked(List<ProducerRecord<String, String>> poll) {
        List<String> ids = IdempotentConsumerTest.ids(poll);
        return topic.readAll(IdempotentConsumerTest.DEAD_LETTERS).stream()
                .filter(record -> ids.contains(KafkaTopicReader.header(record, "ce_id")))
                .map(record -> KafkaTopicReader.header(record, "dead-letter-reason"))
                .toList();
    }

    private double transientFailures() {
        Counter counter = metrics.find("werkdesk.consumer.failures").tags("consumer", "sample-totals", "kind", "transient").counter();
        return counter == null ? 0 : counter.count();
    }
}
