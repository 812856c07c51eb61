package nl.werkdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker stopped for a while under a steady load, then started again: commands keep succeeding (the append
 * needs only the database), the relay retries and catches up, and nothing is lost, duplicated or reordered within a
 * stream; the projections built from the topics equal a rebuild.
 */
@Order(5)
class KafkaOutageTest {

    private static final Logger LOG = Logger.getLogger(KafkaOutageTest.class);
    private static final int COMMANDS = 400;
    /** A steady, not a flat-out load: it spans the whole outage. */
    private static final Duration PACE = Duration.ofMillis(100);
    /** How long the broker stays away, at least: long enough for the relay's retries to back off. */
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final int WORKERS = 3;
    private static final int ACKS_BEFORE_FAULT = 40;
    /** Commands acknowledged while the broker is away: the outage lasts that long. */
    private static final int ACKS_DURING_OUTAGE = 100;
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(4);

    private static ReliabilityStack stack;

    @BeforeAll
    static void stack() {
        stack = ReliabilityStack.get();
    }

    @AfterEach
    void brokerAndServicesRunAgain() {
        Faults.restoreAll(stack);
    }

    @Test
    void commandsSucceedWhileTheBrokerIsAwayAndTheRelayCatchesUpWithoutLossOrReordering() {
        double failuresBefore = Metrics.value(stack, ReliabilityStack.PARTICIPANT, "werkdesk_relay_publish_failures_total");
        Map<String, Long> parkedBefore = Checks.deadLetters(stack);
        try (CommandLoad load = CommandLoad.start(stack, WORKERS, COMMANDS, PACE)) {
            load.awaitAcks(ACKS_BEFORE_FAULT, LOAD_TIMEOUT);
            stack.stack.stopKafka();
            long stoppedAt = load.nanosSinceStart();
            Faults.injected("Kafka broker stopped under load");
            assertFalse(brokerAnswers(), "the broker is away");
            int acksAtStop = load.acks().size();
            load.awaitAcks(acksAtStop + ACKS_DURING_OUTAGE, LOAD_TIMEOUT);
            Await.until("the outage to last " + OUTAGE.toSeconds() + " s", OUTAGE.plusSeconds(5),
                    () -> load.nanosSinceStart() - stoppedAt >= OUTAGE.toNanos() ? Boolean.TRUE : null);
            double lagDuringOutage = Await.until("the relay to report events it cannot publish", ReliabilityStack.PROPAGATION, () -> {
                double lag = Metrics.value(stack, ReliabilityStack.PARTICIPANT, "werkdesk_relay_lag_events");
                return lag > 0 ? lag : null;
            });
            assertFalse(brokerAnswers(), "the broker stayed away");
            long restartingAt = load.nanosSinceStart();
            stack.stack.startKafka();
            load.awaitDone(LOAD_TIMEOUT);
            LOG.infof("Kafka away under load: %s; relay lag during the outage %.0f events", load.summary(), lagDuringOutage);

            List<CommandLoad.Attempt> duringOutage = load.attempts().stream()
                    .filter(a -> a.sentAtNanos() > stoppedAt && a.sentAtNanos() < restartingAt).toList();
            assertTrue(duringOutage.size() >= ACKS_DURING_OUTAGE, "commands were sent while the broker was away: " + duringOutage.size());
            assertEquals(List.of(), duringOutage.stream().filter(a -> a.status() < 200 || a.status() >= 300).toList(),
                    "every command sent while the broker was away succeeded");
            assertEquals(List.of(), load.serverErrors(), "no 500: the fault is unavailability, not a bug");
            assertEquals(List.of(), load.surprises());
            Checks.assertAcknowledgedCommandsStored(stack, load);
        }
        Checks.assertPublishedExactlyOnceInOrder(stack, ReliabilityStack.PARTICIPANT);
        Await.until("the relay lag of participant-service to drop to 0", ReliabilityStack.PROPAGATION,
                () -> Metrics.value(stack, ReliabilityStack.PARTICIPANT, "werkdesk_relay_lag_events") == 0 ? Boolean.TRUE : null);
        assertTrue(Metrics.value(stack, ReliabilityStack.PARTICIPANT, "werkdesk_relay_publish_failures_total") > failuresBefore,
                "the relay met the outage and retried");
        Checks.assertProjectionsEqualARebuild(stack);
        assertEquals(parkedBefore, Checks.deadLetters(stack), "nothing parked in a dead-letter topic: the fault passed and was retried");
    }

    private static boolean brokerAnswers() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), stack.settings.kafkaPort()), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
