package nl.werkdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import nl.werkdesk.contracts.Topics;
import nl.werkdesk.testing.KafkaTopicReader;

/**
 * A service killed with SIGKILL in the middle of a steady load of commands, then started again: every command that got
 * a 2xx is in the event store and on Kafka exactly once per event id and in order, every consumer applied every event
 * once, and every projection equals a rebuild from the topics.
 */
@Order(4)
class ServiceKillTest {

    private static final Logger LOG = Logger.getLogger(ServiceKillTest.class);
    private static final int COMMANDS = 240;
    private static final int WORKERS = 3;
    /** Commands acknowledged before the kill: the load is steady by then. */
    private static final int ACKS_BEFORE_FAULT = 60;
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(4);

    private static ReliabilityStack stack;

    @BeforeAll
    static void stack() {
        stack = ReliabilityStack.get();
    }

    @AfterEach
    void everyServiceRunsAgain() {
        Faults.restoreAll(stack);
    }

    @Test
    void aProducerKilledUnderLoadLosesNoAcknowledgedCommandAndPublishesEachEventOnce() {
        Map<String, Long> parkedBefore = Checks.deadLetters(stack);
        try (CommandLoad load = CommandLoad.start(stack, WORKERS, COMMANDS)) {
            load.awaitAcks(ACKS_BEFORE_FAULT, LOAD_TIMEOUT);
            long killedAt = load.nanosSinceStart();
            stack.stack.kill(ReliabilityStack.PARTICIPANT);
            Faults.injected("SIGKILL participant-service under load");
            Await.until("the load to meet the dead service", Duration.ofSeconds(30),
                    () -> load.attempts().stream().anyMatch(a -> a.sentAtNanos() > killedAt && a.status() == 0) ? Boolean.TRUE : null);
            stack.stack.restart(ReliabilityStack.PARTICIPANT);
            load.awaitDone(LOAD_TIMEOUT);
            LOG.infof("participant-service killed under load: %s", load.summary());
            assertEquals(List.of(), load.serverErrors(), "no 500: the fault is unavailability, not a bug");
            assertEquals(List.of(), load.surprises(), "every command was answered in the end, none refused");
            assertEquals(COMMANDS, load.acks().size(), "every command acknowledged once the service was back");

            Checks.assertAcknowledgedCommandsStored(stack, load);
            Checks.assertPublishedExactlyOnceInOrder(stack, ReliabilityStack.PARTICIPANT);
            Checks.assertProjectionsEqualARebuild(stack);
            assertEquals(parkedBefore, Checks.deadLetters(stack), "nothing parked in a dead-letter topic: the fault passed");
        }
    }

    @Test
    void aConsumerKilledUnderLoadAppliesEveryEventOnceAndItsFiguresEqualARebuild() {
        Map<String, Long> parkedBefore = Checks.deadLetters(stack);
        try (CommandLoad load = CommandLoad.start(stack, WORKERS, COMMANDS)) {
            load.awaitAcks(ACKS_BEFORE_FAULT, LOAD_TIMEOUT);
            stack.stack.kill(ReliabilityStack.REPORTING);
            stack.stack.kill(ReliabilityStack.PLACEMENT);
            Faults.injected("SIGKILL reporting-service and placement-service (consumers) under load");
            load.awaitAcks(ACKS_BEFORE_FAULT * 2, LOAD_TIMEOUT);
            stack.stack.restart(ReliabilityStack.REPORTING);
            stack.stack.restart(ReliabilityStack.PLACEMENT);
            load.awaitDone(LOAD_TIMEOUT);
            assertEquals(List.of(), load.serverErrors(), "no 500: the fault is unavailability, not a bug");
            assertEquals(List.of(), load.surprises());
            assertEquals(COMMANDS, load.acks().size());

            Checks.assertPublishedExactlyOnceInOrder(stack, ReliabilityStack.PARTICIPANT);
            Checks.assertProjectionsEqualARebuild(stack);
            long registered = stack.topics().readAll(Topics.PARTICIPANTS).stream()
                    .filter(r -> "nl.werkdesk.participant.participant-registered".equals(KafkaTopicReader.header(r, "ce_type"))).count();
            long enrolled = Checks.metrics(stack).get("summary").path("enrolled").asLong();
            assertEquals(registered, enrolled, "reporting-service counts each registration on the topic once");
            assertTrue(enrolled >= stack.seed.participants().size() + COMMANDS / 4, "the load's participants are counted: " + enrolled);
            assertEquals(parkedBefore, Checks.deadLetters(stack), "nothing parked in a dead-letter topic: the fault passed");
        }
    }
}
