package nl.werkdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import nl.werkdesk.contracts.Topics;
import nl.werkdesk.local.Settings;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.PostgresProcess;

/**
 * Two replicas of every service against one database and one consumer group each, as production scales them: one relay
 * per service, scheduled work that writes each of its events once however many replicas run it, one winner when the
 * same command reaches both replicas at once, and a consumer replica killed under load whose partitions the other
 * takes over without losing or counting anything twice.
 */
@Order(7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {

    private static final Logger LOG = Logger.getLogger(ReplicasTest.class);
    /** OutboxRelay.LOCK_KEY (platform/event-sourcing): the session-level advisory lock the active relay holds. */
    private static final long RELAY_LOCK_KEY = 0x57_45_52_4B_44_45_53_4BL;
    /** The relay's lock as pg_locks shows a bigint key (high half in classid, low half in objid), in this database. */
    private static final String RELAY_HOLDERS = "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND ((l.classid::bigint << 32) | l.objid::bigint) = " + RELAY_LOCK_KEY + " ORDER BY 1";
    /** A replica asks for the relay's lock again every 5 s (werkdesk.relay.leader-retry-interval); with room for a busy machine. */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(30);
    private static final Duration TAKEOVER_POLL = Duration.ofMillis(100);
    private static final int COMMANDS = 160;
    private static final int WORKERS = 3;
    private static final int ACKS_BEFORE_FAULT = 40;
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(4);
    /** Streams each race of {@link #theSameCommandThroughBothReplicasAtOnceAppendsOneEvent} is run on. */
    private static final int RACES = 6;
    private static final String BUSINESS_TODAY = "(now() AT TIME ZONE 'Europe/Amsterdam')::date";
    /** The actor of the events permit-service's due-dates job writes (PermitAutomation.DUE_DATES). */
    private static final String DUE_DATES_ACTOR = "permit-service-due-dates";
    /** After the seed's last day (2025-10-16), and a validity that ended long before today. */
    private static final String TWV_COMPLETED_ON = "2025-11-03";
    private static final String TWV_GRANTED_ON = "2025-11-04";
    private static final String TWV_VALID_UNTIL = "2025-12-31";

    private static ReliabilityStack stack;

    @BeforeAll
    static void stack() {
        stack = ReliabilityStack.get();
        assertTrue(ReliabilityStack.REPLICAS >= 2, "this case needs two replicas of each service, has " + ReliabilityStack.REPLICAS);
    }

    @AfterEach
    void everyReplicaRunsAgain() {
        Faults.restoreAll(stack);
    }

    @Test
    @Order(1)
    void eachServiceRunsExactlyOneRelay() {
        for (Settings.Service service : stack.settings.services()) {
            List<String> names = new ArrayList<>();
            for (int replica = 0; replica < service.replicas(); replica++) {
                names.add(service.processName(replica));
            }
            List<String> holders = relayHolders(service.module());
            assertEquals(1, holders.size(), service.module() + ": one relay among " + names + ", held by " + holders);
            assertTrue(names.contains(holders.get(0)), service.module() + ": its relay runs on one of its replicas, not " + holders);
        }
    }

    @Test
    @Order(2)
    void theSameCommandThroughBothReplicasAtOnceAppendsOneEvent() {
        List<String> unexpected = new ArrayList<>();
        for (int race = 0; race < RACES; race++) {
            // Different keys, the same If-Match: one appends, the other gets the 412 (or 409) one replica gives a stale writer.
            Registered participant = register();
            List<Http.Reply> replies = atOnce(
                    () -> intake(participant, 0, UUID.randomUUID().toString(), participant.etag()),
                    () -> intake(participant, 1, UUID.randomUUID().toString(), participant.etag()));
            long won = replies.stream().filter(Http.Reply::success).count();
            List<Http.Reply> lost = replies.stream().filter(r -> !r.success()).toList();
            if (won != 1 || lost.size() != 1 || !(lost.get(0).status() == 412 || lost.get(0).status() == 409) || !lost.get(0).problemJson()) {
                unexpected.add("If-Match race on " + participant.id() + ": " + replies);
            }
            assertEquals(1, intakesOf(participant.id()), "one IntakeCompleted on " + participant.id() + " after " + replies);

            // The same Idempotency-Key through both: one appends, both answer what it appended (the other as a replay).
            Registered again = register();
            String key = UUID.randomUUID().toString();
            List<Http.Reply> same = atOnce(() -> intake(again, 0, key, null), () -> intake(again, 1, key, null));
            if (!same.stream().allMatch(Http.Reply::success) || !same.get(0).header("ETag").equals(same.get(1).header("ETag"))
                    || same.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count() != 1) {
                unexpected.add("Idempotency-Key race on " + again.id() + ": " + same);
            }
            assertEquals(1, intakesOf(again.id()), "one IntakeCompleted on " + again.id() + " after " + same);
        }
        assertEquals(List.of(), unexpected, "each race has one winner, and the loser the answer one replica would give");
        Checks.assertPublishedExactlyOnceInOrder(stack, ReliabilityStack.PARTICIPANT);
    }

    @Test
    @Order(3)
    void scheduledJobsWriteEachOfTheirEventsOnceAcrossReplicas() throws SQLException {
        List<Settings.Service> scheduling = List.of(stack.service(ReliabilityStack.PARTICIPANT), stack.service(ReliabilityStack.PERMIT),
                stack.service(ReliabilityStack.PLACEMENT));
        // The earlier cases' faults (PostgreSQL away for 70 s) made every scheduled run of their time fail, rightly: only
        // what the replicas log from here on is this case's.
        Map<String, LogMark> logsAtStart = new java.util.HashMap<>();
        for (Settings.Service service : scheduling) {
            for (int replica = 0; replica < service.replicas(); replica++) {
                logsAtStart.put(service.processName(replica), LogMark.of(stack.settings.logs().resolve(service.processName(replica) + ".log")));
            }
        }
        // The seed's pending TWVs granted with a validity that ended in 2025, through one replica and the other: due now.
        int granted = grantPendingTwvsWithAnEndedValidity();
        // Both permit-service replicas start at the same moment, and each runs the due-dates job right after its start;
        // both placement-service replicas check the 26-week milestone every 10 s, the seed's placements long due.
        stack.stack.kill(ReliabilityStack.PERMIT);
        Faults.injected("SIGKILL both permit-service replicas, started again together: two due-dates runs at once");
        stack.stack.restart(ReliabilityStack.PERMIT);
        String idempotencyKey = backdatedIdempotencyRecord();

        Await.until("every TWV past its validity to be expired", ReliabilityStack.PROPAGATION, () -> stack.count(ReliabilityStack.PERMIT,
                "SELECT count(*) FROM permits WHERE status = 'GRANTED' AND valid_until < " + BUSINESS_TODAY) == 0 ? Boolean.TRUE : null);
        Await.until("every placement past its 26 weeks to be sustained", ReliabilityStack.PROPAGATION, () -> stack.count(ReliabilityStack.PLACEMENT,
                "SELECT count(*) FROM placements WHERE sustained_on IS NULL AND sustained_due_on <= " + BUSINESS_TODAY
                        + " AND (ended_on IS NULL OR ended_on >= sustained_due_on)") == 0 ? Boolean.TRUE : null);
        Await.until("both participant-service replicas' purges to delete the week-old idempotency record", ReliabilityStack.PROPAGATION,
                () -> stack.count(ReliabilityStack.PARTICIPANT, "SELECT count(*) FROM idempotency_records WHERE idempotency_key = '"
                        + idempotencyKey + "'") == 0 ? Boolean.TRUE : null);

        long dueDateEvents = stack.count(ReliabilityStack.PERMIT, "SELECT count(*) FROM events WHERE metadata->>'actor' = '" + DUE_DATES_ACTOR + "'");
        long sustained = stack.count(ReliabilityStack.PLACEMENT, "SELECT count(*) FROM events WHERE type = 'PlacementSustained'");
        LOG.infof("scheduled work across replicas: %d events of the due-dates job, %d PlacementSustained", dueDateEvents, sustained);
        assertTrue(dueDateEvents >= granted, "the due-dates job expired the " + granted + " TWVs past their validity: " + dueDateEvents);
        assertTrue(sustained > 0, "the milestone check had placements to sustain");
        assertEquals(List.of(), stack.query(ReliabilityStack.PERMIT, "SELECT stream_id, type, count(*) FROM events"
                + " WHERE metadata->>'actor' = '" + DUE_DATES_ACTOR + "' GROUP BY stream_id, type HAVING count(*) > 1"),
                "each permit got each event of the due-dates job once");
        assertEquals(List.of(), stack.query(ReliabilityStack.PERMIT, "SELECT stream_id, type, count(*) FROM events"
                + " WHERE type IN ('TwvExpired', 'TwvEnded') GROUP BY stream_id, type HAVING count(*) > 1"), "each TWV expired or ended once");
        assertEquals(List.of(), stack.query(ReliabilityStack.PLACEMENT, "SELECT stream_id, count(*) FROM events"
                + " WHERE type = 'PlacementSustained' GROUP BY stream_id HAVING count(*) > 1"), "each placement sustained once");
        Checks.assertPublishedExactlyOnceInOrder(stack, ReliabilityStack.PERMIT);
        Checks.assertPublishedExactlyOnceInOrder(stack, ReliabilityStack.PLACEMENT);
        for (Settings.Service service : scheduling) {
            for (int replica = 0; replica < service.replicas(); replica++) {
                String log = logsAtStart.get(service.processName(replica)).writtenSince();
                assertTrue(!log.contains("idempotency records not purged") && !log.contains("due dates not applied")
                        && !log.contains("the sustained milestone check failed"), service.processName(replica) + ": no scheduled run failed");
            }
        }
    }

    @Test
    @Order(4)
    void theRelayMovesToTheOtherReplicaWhenItsHolderIsKilledAndNoEventIsLostOrPublishedTwice() {
        Map<String, Long> parkedBefore = Checks.deadLetters(stack);
        Settings.Service participant = stack.service(ReliabilityStack.PARTICIPANT);
        try (CommandLoad load = CommandLoad.start(stack, WORKERS, COMMANDS)) {
            load.awaitAcks(ACKS_BEFORE_FAULT, LOAD_TIMEOUT);
            List<String> before = relayHolders(ReliabilityStack.PARTICIPANT);
            assertEquals(1, before.size(), "one relay before the kill: " + before);
            String holder = before.get(0);
            int replica = replicaNamed(participant, holder);
            long killed = System.nanoTime();
            stack.stack.kill(ReliabilityStack.PARTICIPANT, replica);
            Faults.injected("SIGKILL " + holder + ", the replica that runs participant-service's relay, under load");
            String successor = null;
            while (successor == null) {
                List<String> holders = relayHolders(ReliabilityStack.PARTICIPANT);
                if (holders.size() == 1 && !holders.get(0).equals(holder)) {
                    successor = holders.get(0);
                } else if (System.nanoTime() - killed > TAKEOVER_BOUND.toNanos()) {
                    throw new AssertionError("no other replica took the relay within " + TAKEOVER_BOUND.toSeconds() + " s: " + holders);
                } else {
                    Await.sleep(TAKEOVER_POLL);
                }
            }
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            LOG.infof("relay takeover: %s killed, %s holds the relay %d ms later", holder, successor, takeover.toMillis());
            measured("relay takeover after SIGKILL of its replica (participant-service)", takeover.toMillis() + " ms");
            load.awaitAcks(ACKS_BEFORE_FAULT * 2, LOAD_TIMEOUT);
            stack.stack.restart(ReliabilityStack.PARTICIPANT, replica);
            load.awaitDone(LOAD_TIMEOUT);
            LOG.infof("participant-service's relay replica killed under load: %s", load.summary());
            assertEquals(List.of(), load.serverErrors(), "no 500: the fault is unavailability, not a bug");
            assertEquals(List.of(), load.surprises(), "every command was answered in the end, none refused");
            assertEquals(COMMANDS, load.acks().size(), "every command acknowledged");

            Checks.assertAcknowledgedCommandsStored(stack, load);
            Checks.assertPublishedExactlyOnceInOrder(stack, ReliabilityStack.PARTICIPANT);
            assertEquals(List.of(successor), relayHolders(ReliabilityStack.PARTICIPANT), "the restarted replica waits: still one relay");
            Checks.assertProjectionsEqualARebuild(stack);
            assertEquals(parkedBefore, Checks.deadLetters(stack), "nothing parked in a dead-letter topic");
        }
    }

    @Test
    @Order(5)
    void aConsumerReplicaKilledUnderLoadLeavesItsPartitionsToTheOtherAndNothingIsLostOrCountedTwice() {
        Map<String, Long> parkedBefore = Checks.deadLetters(stack);
        try (CommandLoad load = CommandLoad.start(stack, WORKERS, COMMANDS)) {
            load.awaitAcks(ACKS_BEFORE_FAULT, LOAD_TIMEOUT);
            // The second replicas: the checks read reporting's figures through the first.
            stack.stack.kill(ReliabilityStack.REPORTING, 1);
            stack.stack.kill(ReliabilityStack.PLACEMENT, 1);
            Faults.injected("SIGKILL the second replica of reporting-service and of placement-service (consumers) under load");
            load.awaitDone(LOAD_TIMEOUT);
            assertEquals(List.of(), load.serverErrors());
            assertEquals(List.of(), load.surprises());
            assertEquals(COMMANDS, load.acks().size());
            // Still without them: their groups gave the surviving replicas every partition, and those applied every event.
            Checks.assertEveryEventConsumed(stack);
            assertEquals(registrationsOnTopic(), enrolled(), "reporting-service counts each registration once, with one replica left");

            stack.stack.restart(ReliabilityStack.REPORTING, 1);
            stack.stack.restart(ReliabilityStack.PLACEMENT, 1);
            Checks.assertPublishedExactlyOnceInOrder(stack, ReliabilityStack.PARTICIPANT);
            Checks.assertProjectionsEqualARebuild(stack);
            assertEquals(registrationsOnTopic(), enrolled(), "reporting-service counts each registration once");
            assertEquals(parkedBefore, Checks.deadLetters(stack), "nothing parked in a dead-letter topic");
        }
    }

    // ---- helpers

    private record Registered(UUID id, String etag) {
    }

    private static Registered register() {
        Http.Reply reply = Http.postJson(stack.api(ReliabilityStack.PARTICIPANT, "/participants"), stack.bearer("caseworker"),
                CommandLoad.registration(), UUID.randomUUID().toString());
        assertEquals(201, reply.status(), "registered: " + reply);
        return new Registered(UUID.fromString(reply.json().path("participantId").asText()), reply.header("ETag"));
    }

    private static Http.Reply intake(Registered participant, int replica, String key, String ifMatch) {
        try {
            Map<String, String> headers = ifMatch == null ? Map.of("Idempotency-Key", key) : Map.of("Idempotency-Key", key, "If-Match", ifMatch);
            return Http.send("POST", stack.api(ReliabilityStack.PARTICIPANT, replica, "/participants/" + participant.id() + "/intake"),
                    stack.bearer("caseworker"), "application/json", Http.JSON.writeValueAsString(CommandLoad.intake()), headers);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Both requests released at the same instant, each on a thread of its own; their replies in order. */
    private static List<Http.Reply> atOnce(Supplier<Http.Reply> first, Supplier<Http.Reply> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Http.Reply> one = CompletableFuture.supplyAsync(() -> released(start, first));
        CompletableFuture<Http.Reply> two = CompletableFuture.supplyAsync(() -> released(start, second));
        return List.of(one.join(), two.join());
    }

    private static Http.Reply released(CyclicBarrier start, Supplier<Http.Reply> request) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
        return request.get();
    }

    private static long intakesOf(UUID participantId) {
        return stack.count(ReliabilityStack.PARTICIPANT, "SELECT count(*) FROM events WHERE stream_id = '" + participantId
                + "' AND type = 'IntakeCompleted'");
    }

    /** The process names of the replicas that hold the service's relay lock (one, when all is well). */
    private static List<String> relayHolders(String module) {
        return stack.query(module, RELAY_HOLDERS).stream().map(row -> row.get(0)).toList();
    }

    private static int replicaNamed(Settings.Service service, String processName) {
        for (int replica = 0; replica < service.replicas(); replica++) {
            if (service.processName(replica).equals(processName)) {
                return replica;
            }
        }
        throw new AssertionError(processName + " is no replica of " + service.module());
    }

    /**
     * Grants each TWV request the seed left pending (completing it first where needed), after the seed's last day and
     * valid until the end of 2025: long past, so the due-dates job must expire it. Answers how many it granted (at least one).
     */
    private static int grantPendingTwvsWithAnEndedValidity() {
        List<List<String>> pending = stack.query(ReliabilityStack.PERMIT,
                "SELECT permit_id, status FROM permits WHERE status IN ('REQUESTED', 'APPLICATION_COMPLETE') ORDER BY permit_id");
        assertTrue(!pending.isEmpty(), "the seed leaves TWV requests pending");
        int replica = 0;
        for (List<String> permit : pending) {
            String path = "/permits/" + permit.get(0);
            if (permit.get(1).equals("REQUESTED")) {
                Http.Reply completed = Http.postJson(stack.api(ReliabilityStack.PERMIT, replica, path + "/completion"), stack.bearer("permit-officer"),
                        Map.of("completedOn", TWV_COMPLETED_ON), UUID.randomUUID().toString());
                assertEquals(200, completed.status(), "application of " + permit + " completed: " + completed);
            }
            Http.Reply decided = Http.postJson(stack.api(ReliabilityStack.PERMIT, replica, path + "/decision"), stack.bearer("permit-officer"),
                    Map.of("outcome", "granted", "decidedOn", TWV_GRANTED_ON, "validFrom", TWV_GRANTED_ON, "validUntil", TWV_VALID_UNTIL),
                    UUID.randomUUID().toString());
            assertEquals(200, decided.status(), "TWV " + permit + " granted: " + decided);
            replica = (replica + 1) % stack.service(ReliabilityStack.PERMIT).replicas();
        }
        return pending.size();
    }

    /** An idempotency record eight days old (the retention is seven): the next purge of either replica deletes it. */
    private static String backdatedIdempotencyRecord() throws SQLException {
        String key = "replicas-purge-" + UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + stack.settings.postgresPort() + "/"
                + stack.service(ReliabilityStack.PARTICIPANT).database(), PostgresProcess.SUPERUSER, PostgresProcess.PASSWORD);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_records"
                        + " (idempotency_key, request_fingerprint, stream_id, version, status, created_at) VALUES (?, 'test', ?, 1, 201, now() - interval '8 days')")) {
            insert.setString(1, key);
            insert.setObject(2, UUID.randomUUID());
            assertEquals(1, insert.executeUpdate());
        }
        return key;
    }

    /** Where a process's log stood at a moment: the file (the launcher moves it to .log.1 when the process restarts) and its length. */
    private record LogMark(Path log, Object file, long length) {

        static LogMark of(Path log) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(log, BasicFileAttributes.class);
                return new LogMark(log, attributes.fileKey(), attributes.size());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the log " + log, e);
            }
        }

        /** What the process logged since the mark: the rest of the marked file, and whatever logs its restarts began. */
        String writtenSince() {
            Path previous = log.resolveSibling(log.getFileName() + ".1");
            try {
                if (file.equals(fileOf(log))) {
                    return from(log, length);
                }
                // Restarted since: the marked file is the previous log, or (restarted twice) older than it and gone.
                String before = Files.exists(previous) ? from(previous, file.equals(fileOf(previous)) ? length : 0) : "";
                return before + Files.readString(log);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the log " + log, e);
            }
        }

        private static Object fileOf(Path path) throws IOException {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        }

        private static String from(Path path, long offset) throws IOException {
            byte[] bytes = Files.readAllBytes(path);
            return new String(bytes, (int) Math.min(offset, bytes.length), bytes.length - (int) Math.min(offset, bytes.length),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static long registrationsOnTopic() {
        return stack.topics().readAll(Topics.PARTICIPANTS).stream()
                .filter(r -> "nl.werkdesk.participant.participant-registered".equals(KafkaTopicReader.header(r, "ce_type"))).count();
    }

    private static long enrolled() {
        return Checks.metrics(stack).get("summary").path("enrolled").asLong();
    }

    /** What the case measured, for the report: a line in target/replicas-measurements.txt. */
    private static void measured(String what, String value) {
        Path file = ReliabilityStack.ROOT.resolve("deploy/reliability/target/replicas-measurements.txt");
        try {
            Files.writeString(file, java.time.Instant.now() + " " + what + ": " + value + System.lineSeparator(), java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warnf("cannot write %s: %s", file, e.getMessage());
        }
    }
}
