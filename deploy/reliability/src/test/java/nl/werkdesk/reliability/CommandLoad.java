package nl.werkdesk.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A steady load of real commands on participant-service, as caseworkers would send them: each worker enrols a
 * participant, records the intake and two activities, then starts on the next one. Every command carries its own
 * Idempotency-Key; a command that got no answer or a 5xx is sent again with the same key (as the scenario player
 * does) until it is answered or the retry budget runs out. Every attempt is recorded, every 2xx is an acknowledged
 * command: the suite then checks that each of them is stored and published exactly once. The attempts go round the
 * service's replicas in turn, as a round-robin balancer would send them: an attempt that meets a dead replica is
 * retried on the next one.
 */
final class CommandLoad implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommandLoad.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(200);
    /** How long one command is retried with its key while a fault lasts; longer than any fault the suite injects. */
    static final Duration RETRY_BUDGET = Duration.ofSeconds(120);
    private static final AtomicLong V_NUMBERS = new AtomicLong(9_000_000_000L + (System.nanoTime() % 900_000_000L));

    /** The commands of one journey, with the event type each appends. */
    enum Command {
        REGISTER("ParticipantRegistered"), INTAKE("IntakeCompleted"), TRAINING("ActivityCompleted"), CV_HELP("ActivityCompleted");

        final String eventType;

        Command(String eventType) {
            this.eventType = eventType;
        }
    }

    /** One HTTP attempt: when it was sent (ns since the load started), how long its answer took, what it was. */
    record Attempt(UUID participantId, Command command, String key, long sentAtNanos, long tookMillis, int status, String contentType,
            String body) {
    }

    /** A command the service acknowledged with 2xx: the stream and the version its ETag said. */
    record Ack(UUID participantId, Command command, String key, long version) {
    }

    private final ReliabilityStack stack;
    private final int workers;
    private final ExecutorService pool;
    private final long started = System.nanoTime();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<String> surprises = new CopyOnWriteArrayList<>();
    private final AtomicInteger commandsLeft;
    private final AtomicInteger nextReplica = new AtomicInteger();
    private volatile boolean running = true;

    private final Duration pace;

    private CommandLoad(ReliabilityStack stack, int workers, int commands, Duration pace) {
        this.stack = stack;
        this.workers = workers;
        this.pace = pace;
        this.commandsLeft = new AtomicInteger(commands);
        this.pool = Executors.newFixedThreadPool(workers);
    }

    /** Starts {@code workers} caseworkers that together send {@code commands} commands (each retried until answered). */
    static CommandLoad start(ReliabilityStack stack, int workers, int commands) {
        return start(stack, workers, commands, Duration.ZERO);
    }

    /** As {@link #start(ReliabilityStack, int, int)}, each worker pausing this long after each acknowledged command. */
    static CommandLoad start(ReliabilityStack stack, int workers, int commands, Duration pace) {
        CommandLoad load = new CommandLoad(stack, workers, commands, pace);
        for (int i = 0; i < workers; i++) {
            load.pool.submit(load::work);
        }
        return load;
    }

    long nanosSinceStart() {
        return System.nanoTime() - started;
    }

    void awaitAcks(int count, Duration timeout) {
        Await.until(count + " acknowledged commands (have " + acks.size() + ")", timeout, () -> acks.size() >= count ? Boolean.TRUE : null);
    }

    /** Waits until every command was sent and answered (or gave up), bounded. */
    void awaitDone(Duration timeout) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                running = false;
                pool.shutdownNow();
                throw new AssertionError("the load did not finish within " + timeout + ": " + summary());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** Answers no command should get (a 4xx other than what a fault explains): the load's own failures. */
    List<String> surprises() {
        return List.copyOf(surprises);
    }

    /** Answers that blame the server (5xx other than 503 "unavailable, retry"): a fault must never look like a bug. */
    List<Attempt> serverErrors() {
        return attempts.stream().filter(a -> a.status() >= 500 && a.status() != 503).toList();
    }

    String summary() {
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        attempts.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
        return acks.size() + " acknowledged of " + attempts.size() + " attempts, by status " + statuses;
    }

    @Override
    public void close() {
        running = false;
        pool.shutdownNow();
    }

    // ---- one caseworker

    private void work() {
        try {
            while (running && commandsLeft.get() > 0) {
                journey();
            }
        } catch (RuntimeException | AssertionError e) {
            // An answer that breaks the OpenAPI document fails the test through its surprises.
            surprises.add("worker failed: " + e);
            LOG.warn("load worker failed", e);
        }
    }

    /** A new participant's registration, with a V-number no other registration of this run has. */
    static Map<String, Object> registration() {
        String vNumber = String.valueOf(V_NUMBERS.incrementAndGet());
        return Map.of("registeredOn", "2025-09-01", "location", "Willinklaan", "asylumApplicationDate",
                "2025-01-02", "wDocumentType", "W", "wDocumentValidUntil", "2027-01-01", "languages", List.of("ar", "en"),
                "personalData", Map.of("fullName", "Load " + vNumber, "dateOfBirth", "1990-01-01", "nationality", "SYR", "vNumber", vNumber));
    }

    /** The body of a participant's intake. */
    static Map<String, Object> intake() {
        return Map.of("completedOn", "2025-09-05", "sectorPreferences", List.of("horeca"), "dutchLevel", "A1", "englishLevel", "A2",
                "workExperience", List.of(Map.of("sector", "horeca", "years", 2)));
    }

    private void journey() {
        Ack registered = send(null, Command.REGISTER, "/participants", registration());
        if (registered == null) {
            return;
        }
        String path = "/participants/" + registered.participantId();
        if (send(registered.participantId(), Command.INTAKE, path + "/intake", intake()) == null) {
            return;
        }
        if (send(registered.participantId(), Command.TRAINING, path + "/activities",
                Map.of("activity", "application-training", "completedOn", "2025-09-10")) == null) {
            return;
        }
        send(registered.participantId(), Command.CV_HELP, path + "/activities", Map.of("activity", "cv-help", "completedOn", "2025-09-12"));
    }

    /** Sends one command, again with the same key while it gets no answer or a 5xx; the ack, or null. */
    private Ack send(UUID participantId, Command command, String path, Map<String, Object> body) {
        if (!running || commandsLeft.getAndDecrement() <= 0) {
            return null;
        }
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + RETRY_BUDGET.toNanos();
        while (running) {
            long sent = System.nanoTime();
            int replica = Math.floorMod(nextReplica.getAndIncrement(), stack.service(ReliabilityStack.PARTICIPANT).replicas());
            Http.Reply reply = Http.postJson(stack.api(ReliabilityStack.PARTICIPANT, replica, path), stack.bearer("caseworker"), body, key);
            long took = (System.nanoTime() - sent) / 1_000_000;
            UUID stream = participantId;
            if (reply.success() && stream == null) {
                stream = UUID.fromString(reply.json().path("participantId").asText());
            }
            attempts.add(new Attempt(stream, command, key, sent - started, took, reply.status(), reply.contentType(),
                    reply.success() ? null : reply.body() == null ? reply.failure() : reply.body()));
            if (reply.success()) {
                Ack ack = new Ack(stream, command, key, version(reply));
                acks.add(ack);
                if (!pace.isZero()) {
                    Await.sleep(pace);
                }
                return ack;
            }
            if (reply.status() != 0 && reply.status() < 500) {
                surprises.add(command + " " + path + " answered " + reply);
                return null;
            }
            if (System.nanoTime() > deadline) {
                surprises.add(command + " " + path + " still unanswered after " + RETRY_BUDGET + ": " + reply);
                return null;
            }
            Await.sleep(PAUSE_AFTER_FAILURE);
        }
        return null;
    }

    private static long version(Http.Reply reply) {
        String etag = reply.header("ETag");
        if (etag != null) {
            return Long.parseLong(etag.replaceAll("[^0-9]", ""));
        }
        JsonNode version = reply.json().path("version");
        return version.asLong();
    }

    int workers() {
        return workers;
    }

    static List<Ack> ofCommand(List<Ack> acks, Command command) {
        List<Ack> matching = new ArrayList<>();
        acks.forEach(a -> {
            if (a.command() == command) {
                matching.add(a);
            }
        });
        return matching;
    }
}
