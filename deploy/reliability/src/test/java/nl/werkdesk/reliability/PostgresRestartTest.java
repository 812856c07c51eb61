package nl.werkdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import nl.werkdesk.local.Settings;

/**
 * PostgreSQL stopped under a steady load for over a minute, then started again: while it is away every service answers reads and
 * commands with 503 problem+json (and Retry-After) within a few seconds instead of hanging; afterwards every service
 * is ready again by itself, the commands retried with their keys are applied once, and no command is half written.
 */
@Order(6)
class PostgresRestartTest {

    private static final Logger LOG = Logger.getLogger(PostgresRestartTest.class);
    private static final int COMMANDS = 240;
    private static final int WORKERS = 3;
    private static final int ACKS_BEFORE_FAULT = 40;
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);
    /** An answer within this while the database is away is a fast failure; a hanging request runs into the client's 60 s. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);
    /** Refusals the load must meet while the database is away. */
    private static final int REFUSALS_DURING_OUTAGE = 15;
    /**
     * How long the database stays away: longer than a minute, the age at which SmallRye's throttled commit gave up on
     * a record a consumer was still retrying, and failed its channel for good (found by this case, fixed in the kernel).
     */
    private static final Duration OUTAGE = Duration.ofSeconds(70);

    private static ReliabilityStack stack;

    @BeforeAll
    static void stack() {
        stack = ReliabilityStack.get();
    }

    @AfterEach
    void databaseAndServicesRunAgain() {
        Faults.restoreAll(stack);
    }

    @Test
    void requestsFailFastWith503WhileThePostgresIsAwayAndTheServicesRecoverWithNoHalfWrittenCommand() {
        Map<String, Long> parkedBefore = Checks.deadLetters(stack);
        try (CommandLoad load = CommandLoad.start(stack, WORKERS, COMMANDS)) {
            load.awaitAcks(ACKS_BEFORE_FAULT, LOAD_TIMEOUT);
            stack.stack.stopPostgres();
            long stoppedAt = load.nanosSinceStart();
            Faults.injected("PostgreSQL stopped under load");
            Await.until(REFUSALS_DURING_OUTAGE + " refused commands while the database is away", Duration.ofSeconds(90),
                    () -> load.attempts().stream().filter(a -> a.sentAtNanos() > stoppedAt && a.status() == 503).count()
                            >= REFUSALS_DURING_OUTAGE ? Boolean.TRUE : null);
            List<String> probes = probeEveryService();
            Await.until("the outage to last " + OUTAGE.toSeconds() + " s", OUTAGE.plusSeconds(10),
                    () -> load.nanosSinceStart() - stoppedAt >= OUTAGE.toNanos() ? Boolean.TRUE : null);
            probes.addAll(probeEveryService());
            long restartingAt = load.nanosSinceStart();
            stack.stack.startPostgres();
            for (Settings.Service service : stack.settings.services()) {
                for (int replica = 0; replica < service.replicas(); replica++) {
                    assertTrue(Faults.readyWithin(stack, service, replica, ReliabilityStack.PROPAGATION),
                            service.processName(replica) + " ready again by itself");
                }
            }
            load.awaitDone(LOAD_TIMEOUT);
            LOG.infof("PostgreSQL away under load: %s", load.summary());
            assertEquals(List.of(), probes, "every service answered 503 problem+json fast while the database was away");

            // Sent after the stop and answered before the restart: all refused as unavailable, promptly.
            List<CommandLoad.Attempt> duringOutage = load.attempts().stream().filter(a -> a.sentAtNanos() > stoppedAt
                    && a.sentAtNanos() + a.tookMillis() * 1_000_000 < restartingAt).toList();
            List<String> wrong = new ArrayList<>();
            long slowest = 0;
            for (CommandLoad.Attempt attempt : duringOutage) {
                slowest = Math.max(slowest, attempt.tookMillis());
                if (attempt.status() != 503 || attempt.contentType() == null || !attempt.contentType().startsWith("application/problem+json")
                        || attempt.tookMillis() > FAIL_FAST.toMillis()) {
                    wrong.add(attempt.command() + " answered " + attempt.status() + " " + attempt.contentType() + " after "
                            + attempt.tookMillis() + " ms: " + attempt.body());
                }
            }
            LOG.infof("%d commands refused while the database was away, the slowest answer in %d ms", duringOutage.size(), slowest);
            assertTrue(duringOutage.size() >= REFUSALS_DURING_OUTAGE, "commands met the outage: " + duringOutage.size());
            assertEquals(List.of(), wrong, "every command during the outage got a fast 503 problem+json");
            assertEquals(List.of(), load.serverErrors(), "no 500: the fault is unavailability, not a bug");
            assertEquals(List.of(), load.surprises(), "every command retried with its key was applied once the database was back");
            assertEquals(COMMANDS, load.acks().size());

            Checks.assertAcknowledgedCommandsStored(stack, load);
        }
        assertNoHalfWrittenCommand();
        Checks.assertPublishedExactlyOnceInOrder(stack, ReliabilityStack.PARTICIPANT);
        Checks.assertProjectionsEqualARebuild(stack);
        assertEquals(parkedBefore, Checks.deadLetters(stack), "nothing parked in a dead-letter topic: the fault passed and was retried");
    }

    /** A read and a command on every service while the database is away: 503 problem+json with Retry-After, promptly. */
    private static List<String> probeEveryService() {
        List<String> failures = new ArrayList<>();
        Map<String, String[]> probes = Map.of(
                ReliabilityStack.PARTICIPANT, new String[] { "caseworker", "/participants", "/participants" },
                ReliabilityStack.EMPLOYER, new String[] { "employer-liaison", "/employers", "/employers" },
                ReliabilityStack.PERMIT, new String[] { "permit-officer", "/permits", "/permits" },
                ReliabilityStack.PLACEMENT, new String[] { "caseworker", "/placements", "/placements" },
                ReliabilityStack.REPORTING, new String[] { "finance", "/metrics/summary", "/programme-ledger/budget-allocations" });
        probes.forEach((module, probe) -> {
            long started = System.nanoTime();
            Http.Reply read = Http.get(stack.api(module, probe[1]), stack.bearer(probe[0]));
            check(module, "GET " + probe[1], read, started, failures);
            started = System.nanoTime();
            Http.Reply command = Http.postJson(stack.api(module, probe[2]), stack.bearer(probe[0]), OpenApiBodies.valid(module, probe[2]),
                    java.util.UUID.randomUUID().toString());
            check(module, "POST " + probe[2], command, started, failures);
        });
        return failures;
    }

    private static void check(String module, String what, Http.Reply reply, long started, List<String> failures) {
        long took = (System.nanoTime() - started) / 1_000_000;
        List<String> violations = new ArrayList<>(reply.status() == 503 ? Problems.violations(reply) : List.of("status " + reply.status()));
        if (reply.status() == 503 && reply.header("Retry-After") == null) {
            violations.add("no Retry-After");
        }
        if (took > FAIL_FAST.toMillis()) {
            violations.add("answered after " + took + " ms");
        }
        if (!violations.isEmpty()) {
            failures.add(module + " " + what + ": " + violations + " " + reply);
        }
    }

    /**
     * participant-service's view, personal data and idempotency records agree with its event store: no append without
     * its view update, no view row or key without its events, and every stream's versions run 1..n.
     */
    private static void assertNoHalfWrittenCommand() {
        String module = ReliabilityStack.PARTICIPANT;
        assertEquals(List.of(), stack.query(module, """
                SELECT e.stream_id, max(e.version), p.version FROM events e LEFT JOIN participants p ON p.participant_id = e.stream_id
                WHERE e.stream_type = (SELECT stream_type FROM events WHERE type = 'ParticipantRegistered' LIMIT 1)
                GROUP BY e.stream_id, p.version HAVING p.version IS NULL OR max(e.version) <> p.version"""),
                "every participant stream has its view row at its last version");
        assertEquals(List.of(), stack.query(module, """
                SELECT p.participant_id FROM participants p WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = p.participant_id)"""),
                "no view row without events");
        assertEquals(List.of(), stack.query(module, """
                SELECT p.participant_id, p.activity_count, count(e.*) FROM participants p
                LEFT JOIN events e ON e.stream_id = p.participant_id AND e.type = 'ActivityCompleted'
                GROUP BY p.participant_id, p.activity_count HAVING count(e.*) <> p.activity_count"""),
                "every activity counted in the view is an event, and the other way round");
        assertEquals(List.of(), stack.query(module, """
                SELECT p.participant_id FROM participants p LEFT JOIN participant_personal_data d ON d.participant_id = p.participant_id
                WHERE d.participant_id IS NULL AND p.personal_data_erased_on IS NULL"""),
                "every registered participant whose data was not erased has it");
        assertEquals(List.of(), stack.query(module, """
                SELECT i.idempotency_key FROM idempotency_records i
                WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = i.stream_id AND e.version = i.version)"""),
                "every idempotency record points at a stored event");
        assertEquals(List.of(), stack.query(module, """
                SELECT stream_id, count(*), max(version) FROM events GROUP BY stream_id HAVING count(*) <> max(version)"""),
                "every stream's versions run 1..n without gaps");
    }
}
