package nl.werkdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.werkdesk.contracts.Topics;
import nl.werkdesk.local.DevKeys;
import nl.werkdesk.local.Settings;
import nl.werkdesk.local.Stack;
import nl.werkdesk.local.scenario.Api;
import nl.werkdesk.local.scenario.Plan;
import nl.werkdesk.local.scenario.Scenario;
import nl.werkdesk.local.scenario.ScenarioGenerator;
import nl.werkdesk.local.scenario.ScenarioPlayer;
import nl.werkdesk.testing.KafkaTestResource;

/**
 * bench/run.sh: starts the local stack the way ./werkdesk does (the launcher's {@link Stack}, on free loopback ports
 * in a fresh home under bench/target), measures each figure of issue 8 beside the limit of the same servers, and
 * writes bench/results/DATE.md. It measures and reports; it does not pass or fail on a time.
 */
public final class Bench {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Bench.class);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Pattern STEP = Pattern.compile("\\[\\s*([0-9.]+) s\\] (.*)");
    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final List<String> INTEGRATION_TOPICS = List.of(Topics.PARTICIPANTS, Topics.EMPLOYERS, Topics.PERMITS,
            Topics.PLACEMENTS, "werkdesk.programme.v1");
    private static final String RELAY_TOPIC = "werkdesk.bench.relay";
    private static final String PERF_TOPIC = "werkdesk.bench.producer-performance";
    private static final int RELAY_BATCH = 500;
    /** A relay whose checkpoint stands still this long while events wait has stopped publishing. */
    private static final Duration RELAY_STALL = Duration.ofSeconds(90);
    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration WAIT_TIMEOUT = Duration.ofMinutes(60);
    /** The analyst's reads that sections 6 and 7 measure: every metric and every evaluation figure. */
    private static final List<String> ANALYST_READS = List.of("/metrics/summary", "/metrics/funnel", "/metrics/placements-by-sector",
            "/metrics/placements-by-location", "/metrics/monthly", "/evaluation/time-to-first-placement",
            "/evaluation/placement-retention", "/evaluation/activities", "/evaluation/twv-burden", "/evaluation/earnings",
            "/evaluation/spend");
    /** The scopes section 7 cycles through (location, phase): programme-wide, each location, each phase, one of each. */
    private static final List<String> READ_SCOPES = List.of("", "location=Willinklaan", "location=Kabelweg", "location=Provincialeweg",
            "phase=1", "phase=2", "location=Kabelweg&phase=2");
    /** The as-of dates section 7 cycles through: inside phase 1, inside phase 2, a year on, and the run's today. */
    private static final List<String> READ_AS_OF = List.of("2025-06-30", "2025-10-16", "2026-06-30", "");

    private final Options options;
    private final String commandLine;
    private final Path root;
    private final Path work;
    private final Report report;
    private final HttpLoad load = new HttpLoad();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Double> stepSeconds = new LinkedHashMap<>();
    private final AtomicLong vNumbers = new AtomicLong(9_000_000_000L);
    private Settings settings;
    private Stack stack;
    private DevKeys keys;
    private Db db;
    private RssSampler sampler;

    private Bench(Options options, String commandLine, Path root) throws IOException {
        this.options = options;
        this.commandLine = commandLine;
        this.root = root;
        String date = options.date != null ? options.date : LocalDate.now().toString();
        Path target = root.resolve("bench/target");
        Files.createDirectories(target);
        this.work = Files.createTempDirectory(target, "run-");
        // A held stack measures nothing: its report stays in its work folder, not over the day's results.
        this.report = new Report(options.reportFile != null ? Path.of(options.reportFile).toAbsolutePath()
                : options.holdSeconds > 0 ? work.resolve("report.md")
                : root.resolve("bench/results").resolve(date + (options.quick ? "-quick" : "") + ".md"));
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path root = Path.of(System.getProperty("werkdesk.root", ".")).toAbsolutePath().normalize();
        Bench bench = new Bench(options, ("bench/run.sh " + String.join(" ", args)).trim(), root);
        // Ctrl-C or a kill: stop the services, PostgreSQL and Kafka all the same (Stack.stop may run twice).
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stop, "bench-stop"));
        int exit = 0;
        try {
            bench.run();
        } catch (RuntimeException e) {
            LOG.error("the benchmark run broke", e);
            bench.report.header("\n**The run stopped early:** " + e.getMessage().lines().findFirst().orElse(e.toString()) + "\n");
            exit = 1;
        } finally {
            bench.stop();
            bench.report.write();
            System.out.println("Report: " + bench.report.file());
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        long runStarted = System.nanoTime();
        List<String> javaOptions = serviceJavaOptions();
        List<String> serviceOptions = new ArrayList<>(javaOptions);
        if (options.jfr) {
            serviceOptions.add("-XX:StartFlightRecording=dumponexit=true,settings=profile");
        }
        report.header("# Werkdesk benchmarks, " + (options.date != null ? options.date : LocalDate.now()) + (options.quick ? " (--quick: tiny sizes, proves the harness only)" : ""));
        report.header("");
        report.header("Produced by `" + commandLine + "` (bench/src/main/java/nl/werkdesk/bench). Every figure"
                + " stands beside the limit of the same server measured in the same run by that server's own tool; ratio = ours / limit.");
        report.header("Benchmarks measure and report; nothing here passes or fails a build.");
        report.header("");
        report.header("- Machine: " + Machine.describe());
        report.header("- Beside the run: the load averages per section show whatever else ran on the same cores.");
        report.header("- Services started by the launcher's Stack with `" + String.join(" ", serviceOptions) + "`"
                + (options.serviceJavaOptions == null ? " (Settings.DEFAULT_SERVICE_JAVA_OPTIONS: C1 only, 256 MB heap, serial GC, tuned for a fast start of a demo)" : "")
                + "; Kafka 4.1.2 (KRaft) in the launcher's JVM, PostgreSQL 17.11 (zonky) as a child process, all on loopback.");
        report.header("- Load: the harness's Java HTTP client (HTTP/1.1, keep-alive) with HdrHistogram, on the same machine, bounded in time and count.");
        report.header("- Run started " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "; work folder " + root.relativize(work) + ".");

        startStack(serviceOptions);
        if (options.holdSeconds > 0) {
            hold();
            return;
        }
        footprint();
        report.write();
        sampler = new RssSampler(stack::processes);
        sampler.start();
        if (options.runs("append")) {
            attempt("1. Append", this::append);
        }
        if (options.runs("e2e")) {
            attempt("4. End to end", () -> endToEnd(options.endToEndRate, true));
            attempt("4. End to end (below saturation)", () -> endToEnd(BELOW_SATURATION_RATE, false));
        }
        underLoadFootprint();
        if (options.runs("relay")) {
            attempt("2. Relay", () -> relay(javaOptions));
        }
        if (options.runs("volume")) {
            attempt("6. Volume", this::volume);
        }
        if (options.runs("rebuild")) {
            attempt("3. Rebuild", this::rebuild);
        }
        if (options.runs("reads")) {
            // Last: its facts are written straight into reporting's projections, with no events behind them.
            attempt("7. Reads", this::reads);
        }
        report.header("- Whole run: " + Report.num((System.nanoTime() - runStarted) / 60e9) + " minutes.");
    }

    /** The services' JVM options: --service-java-opts, or the launcher's. */
    private List<String> serviceJavaOptions() {
        return List.of((options.serviceJavaOptions != null ? options.serviceJavaOptions : Settings.DEFAULT_SERVICE_JAVA_OPTIONS)
                .trim().split("\\s+"));
    }

    private interface Measurement {
        void run() throws Exception;
    }

    /** Runs a section; when it breaks, the report says so and the run goes on with the next one. */
    private void attempt(String name, Measurement measurement) {
        try {
            measurement.run();
        } catch (Exception e) {
            LOG.errorf(e, "section %s did not finish", name);
            report.section(name + ": did not finish").note("**The section stopped:** " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        } finally {
            report.write();
        }
    }

    // ---- the stack

    private void startStack(List<String> serviceOptions) {
        settings = Settings.onFreePorts(root, work.resolve("home"), serviceOptions);
        long started = System.nanoTime();
        stack = Stack.start(settings, false, line -> {
            System.out.println(line);
            Matcher step = STEP.matcher(line);
            if (step.find()) {
                stepSeconds.put(step.group(2), Double.parseDouble(step.group(1)));
            }
        });
        stepSeconds.put("stack", (System.nanoTime() - started) / 1e9);
        keys = DevKeys.in(settings.keys());
        db = new Db(settings.postgresPort());
    }

    /** Writes where the stack listens and a token per role to the work folder, then waits. */
    private void hold() throws Exception {
        StringBuilder env = new StringBuilder();
        env.append("PGPORT=").append(settings.postgresPort()).append('\n');
        env.append("KAFKA=").append(settings.kafkaBootstrap()).append('\n');
        settings.services().forEach(s -> env.append(s.shortName().toUpperCase(Locale.ROOT)).append('=').append(s.uri()).append('\n'));
        for (String role : DevKeys.ROLES) {
            env.append("TOKEN_").append(role.toUpperCase(Locale.ROOT).replace('-', '_')).append('=').append(token(role)).append('\n');
        }
        Files.writeString(work.resolve("stack.env"), env.toString());
        System.out.println("holding the stack for " + options.holdSeconds + " s; its addresses and tokens: " + work.resolve("stack.env"));
        TimeUnit.SECONDS.sleep(options.holdSeconds);
    }

    private synchronized void stop() {
        if (sampler != null) {
            sampler.interrupt();
        }
        if (stack != null) {
            stack.stop();
        }
        if (options.jfr) {
            try (var files = Files.walk(work)) {
                List<Path> recordings = files.filter(f -> f.toString().endsWith(".jfr")).toList();
                for (Path recording : recordings) {
                    System.out.println("JFR recording: " + recording);
                }
            } catch (IOException e) {
                // only a listing
            }
        }
    }

    private String token(String role) {
        return tokens.computeIfAbsent(role, keys::token);
    }

    private Settings.Service service(String shortName) {
        return settings.services().stream().filter(s -> s.shortName().equals(shortName)).findFirst().orElseThrow();
    }

    // ---- 5. footprint

    private void footprint() throws Exception {
        Report.Section section = report.section("5. Footprint: time to ready and memory");
        double servicesLaunched = stepSeconds.entrySet().stream().filter(e -> e.getKey().startsWith("started ") && e.getKey().contains(" service"))
                .mapToDouble(Map.Entry::getValue).findFirst().orElse(Double.NaN);
        // Idle: the services have started, joined their consumer groups and published nothing for a while.
        TimeUnit.SECONDS.sleep(options.quick ? 3 : 10);
        Map<String, Long> idleBefore = cpu();
        long idleStarted = System.nanoTime();
        TimeUnit.SECONDS.sleep(5);
        Map<String, Long> idleAfter = cpu();
        double idleSeconds = (System.nanoTime() - idleStarted) / 1e9;
        idleAfter.forEach((name, millis) -> idleCpuPerSecond.put(name, (millis - idleBefore.get(name)) / idleSeconds));
        Map<String, Long> processes = stack.processes();
        long stackBytes = 0;
        for (Settings.Service service : settings.services()) {
            double ready = stepSeconds.entrySet().stream().filter(e -> e.getKey().startsWith(service.module() + " ready"))
                    .mapToDouble(Map.Entry::getValue).findFirst().orElse(Double.NaN) - servicesLaunched;
            double quarkus = quarkusStartedIn(settings.logs().resolve(service.module() + ".log"));
            long rss = Stack.rss(processes.get(service.module()));
            stackBytes += rss;
            section.row(service.module() + ": time to ready (Quarkus \"started in\" / launch to /q/health/ready 200)",
                    Report.num(quarkus) + " s / " + Report.num(ready) + " s", "", "", "all five within 7 s", Report.verdict(ready <= 7));
            // The start is CPU-bound on 2 cores: five ready within 7 s leaves each at most 2 x 7 / 5 = 2.8 CPU-seconds.
            section.row(service.module() + ": CPU-seconds used from launch to 10 s after all were ready",
                    Report.num(idleBefore.get(service.shortName()) / 1000.0), "", "", "", "");
            section.row(service.module() + ": RSS idle", Report.mb(rss), "", "", "160 MB or less", Report.verdict(rss <= 160L * 1024 * 1024));
        }
        long postgres = Stack.proportionalBytes(processes.get("postgres"));
        long launcher = Stack.rss(ProcessHandle.current().pid());
        stackBytes += postgres + launcher;
        section.row("PostgreSQL (server and its backends, PSS)", Report.mb(postgres), "", "", "", "");
        section.row("launcher JVM (Kafka broker + this harness)", Report.mb(launcher), "", "", "", "");
        section.row("whole local stack, idle", Report.mb(stackBytes), "", "", "", "");
        section.note("The launcher starts the five service JVMs at once, after Kafka and PostgreSQL are up: " + Report.num(servicesLaunched)
                + " s into the stack's start, which took " + Report.num(stepSeconds.get("stack")) + " s in all. Five JVMs starting"
                + " together on 2 shared cores is what ./werkdesk does; a service started alone is ready sooner.");
        section.note("\"launch to ready\" is measured by the launcher's poll of /q/health/ready every 0.5 s (so up to 0.5 s late);"
                + " Quarkus's own \"started in\" excludes the JVM's start.");
        section.note("Idle CPU (ms per second, 5 s measured before any load): " + idleCpuPerSecond + ".");
        section.note("RSS idle sampled " + (options.quick ? 8 : 15) + " s after the last service was ready, before any load. Whole stack"
                + " = services' RSS + PostgreSQL's PSS + the launcher JVM's RSS (which holds the Kafka broker).");
        footprintSection = section;
    }

    private Report.Section footprintSection;
    /** CPU (ms per second) each process uses when nothing happens: timers, consumer polls, metrics. */
    private final Map<String, Double> idleCpuPerSecond = new LinkedHashMap<>();

    private void underLoadFootprint() {
        if (sampler == null) {
            return;
        }
        Map<String, Long> max = sampler.max();
        long total = 0;
        for (Settings.Service service : settings.services()) {
            long bytes = max.getOrDefault(service.module(), 0L);
            total += bytes;
            footprintSection.row(service.module() + ": RSS under load (peak)", Report.mb(bytes), "", "", "", "");
        }
        footprintSection.note("Peak RSS sampled every 0.5 s during sections 1 and 4 (append at concurrency 1-32, end to end at "
                + Report.num(options.endToEndRate) + " commands/s); services' peak sum " + Report.mb(total) + ".");
    }

    private static double quarkusStartedIn(Path log) {
        try {
            Matcher m = QUARKUS_STARTED.matcher(Files.readString(log));
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    // ---- 1. append

    private HttpRequest registration(long n) {
        return registration(service("participant").uri().resolve("/api/v1/participants"), n);
    }

    /** A registration command's request (body, token, headers), sent to {@code uri}: the service or the floor. */
    private HttpRequest registration(URI uri, long n) {
        LocalDate today = LocalDate.now(BUSINESS_ZONE).minusDays(1);
        String body = String.format(Locale.ROOT, "{\"registeredOn\":\"%s\",\"location\":\"Willinklaan\",\"asylumApplicationDate\":\"%s\","
                + "\"wDocumentType\":\"W\",\"wDocumentValidUntil\":\"%s\",\"languages\":[\"ar\",\"en\"],\"personalData\":{"
                + "\"fullName\":\"Bench Deelnemer\",\"dateOfBirth\":\"1990-01-01\",\"nationality\":\"SYR\",\"vNumber\":\"%010d\"}}",
                today, today.minusDays(200), today.plusYears(1), vNumbers.getAndIncrement());
        return HttpRequest.newBuilder(uri)
                .timeout(HttpLoad.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token("caseworker"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void append() throws Exception {
        Report.Section section = report.section("1. Append: commands per second through participant-service REST, beside pgbench");
        System.out.println("append: warming up for " + options.warmup.toSeconds() + " s");
        HttpLoad.Result warm = load.closedLoop(8, options.warmup, options.appendMaxRequests, this::registration);
        if (warm.ok() == 0) {
            throw new IllegalStateException("no registration succeeded while warming up: " + warm.firstFailure());
        }
        Map<Integer, HttpLoad.Result> ours = new LinkedHashMap<>();
        CpuPerCommand atOne = null;
        CpuPerCommand atThirtyTwo = null;
        for (int concurrency : List.of(1, 8, 32)) {
            System.out.println("append: concurrency " + concurrency + " for " + options.appendDuration.toSeconds() + " s");
            Map<String, Double> compiledBefore = compileSeconds();
            Map<String, Long> before = cpu();
            long windowStarted = System.nanoTime();
            ours.put(concurrency, load.closedLoop(concurrency, options.appendDuration, options.appendMaxRequests, this::registration));
            awaitRelayDrained();
            awaitStable();
            if (concurrency == 1 || concurrency == 32) {
                CpuPerCommand measured = cpuPerCommand(before, cpu(), (System.nanoTime() - windowStarted) / 1e9, ours.get(concurrency).ok(),
                        compiledBefore, compileSeconds());
                if (concurrency == 1) {
                    atOne = measured;
                } else {
                    atThirtyTwo = measured;
                }
            }
        }
        Alone alone = withoutConsumers();
        Path script = pgbenchScript();
        Map<String, Long> pgBefore = cpu();
        long rowBytes = db.number("participant", "SELECT avg(pg_column_size(e.*))::bigint FROM events e");
        for (int concurrency : List.of(1, 8, 32)) {
            System.out.println("append: pgbench at concurrency " + concurrency);
            Limits.PgBench limit = Limits.pgbench(settings.postgresPort(), "participant", script, concurrency, options.appendDuration, work);
            if (concurrency == 32) {
                Map<String, Long> pgAfter = cpu();
                pgbenchCpu = (pgAfter.get("postgres") - pgBefore.get("postgres")) / (double) limit.transactions();
            }
            HttpLoad.Result r = ours.get(concurrency);
            section.row("c=" + concurrency + ": commands/s (one event each) vs pgbench tps", Report.num(r.perSecond()),
                    Report.num(limit.tps()), Report.ratio(r.perSecond(), limit.tps()), concurrency == 32 ? "600/s or more" : "",
                    concurrency == 32 ? Report.verdict(r.perSecond() >= 600) : "");
            section.row("c=" + concurrency + ": latency p50 / p99 (ms)", Report.num(r.millis(50)) + " / " + Report.num(r.millis(99)),
                    Report.num(limit.millis(50)) + " / " + Report.num(limit.millis(99)), "", concurrency == 1 ? "p50 6 ms or less" : "",
                    concurrency == 1 ? Report.verdict(r.millis(50) <= 6) : "");
            if (r.failed() > 0) {
                section.note("c=" + concurrency + ": " + r.failed() + " requests failed; the first: " + r.firstFailure());
            }
        }
        section.row("c=1 with the four consuming services stopped: latency p50 / p99 (ms)", Report.num(alone.atOne().millis(50)) + " / "
                + Report.num(alone.atOne().millis(99)), "", "", "", "");
        section.row("c=32 with the four consuming services stopped: registrations/s, latency p50 / p99 (ms)",
                Report.num(alone.atThirtyTwo().perSecond()) + ", " + Report.num(alone.atThirtyTwo().millis(50)) + " / "
                        + Report.num(alone.atThirtyTwo().millis(99)), "", "", "", "");
        section.note("Where c=1's and c=32's time goes: the same closed loops at c=1 and c=32 for " + options.appendDuration.toSeconds()
                + " s each, once more, with employer-, permit-, placement- and reporting-service stopped (SIGKILL, started again and"
                + " caught up before pgbench), so that each registration meets only participant-service's relay and Kafka, not the"
                + " consumers' work on the ones before it: " + Report.num(alone.atOne().perSecond()) + " and "
                + Report.num(alone.atThirtyTwo().perSecond()) + " registrations/s, " + (alone.atOne().failed() + alone.atThirtyTwo().failed())
                + " failed. CPU per registration at c=32 with the consumers stopped (ms): " + alone.cpuAtThirtyTwo().perProcess()
                + "; in all " + Report.num(alone.cpuAtThirtyTwo().total()) + ". CPU per registration"
                + " at c=1 with the consumers running (ms, measured as at c=32 below; at c=1 a consumer's poll holds one event): "
                + atOne.perProcess() + "; in all " + Report.num(atOne.total()) + ". Seconds each JVM spent compiling in that window: "
                + atOne.compiling() + ".");
        section.note("Ours: POST /api/v1/participants (register a participant: one ParticipantRegistered event, plus the personal-data"
                + " row, the participant view and the Idempotency-Key record in the same transaction), a closed loop of 1, 8 and 32"
                + " callers for " + options.appendDuration.toSeconds() + " s each after a " + options.warmup.toSeconds()
                + " s warm-up; each with its own V-number and Idempotency-Key, a caseworker token. The relay, and the consumers"
                + " of permit-, placement- and reporting-service, work on the same 2 cores meanwhile, as they would in production.");
        section.note("Limit: pgbench -M prepared, the same concurrency and duration, inserting the same event row (a real"
                + " ParticipantRegistered's data and metadata, avg row " + rowBytes + " bytes) into bench_events, created"
                + " LIKE events INCLUDING ALL (identity, xid8 default, unique (stream_id, version) and (event_id), relay index) with an"
                + " AFTER INSERT statement trigger doing pg_notify, in the same database, one transaction per insert.");
        double sum = atThirtyTwo.total();
        section.row("CPU time per command at c=32 (ms, all processes of the stack)", Report.num(sum), Report.num(pgbenchCpu)
                + " (PostgreSQL per pgbench insert)", "", "", "");
        section.note("Where the CPU of a command goes (ms per command at c=32, from each process's CPU time while it ran, including"
                + " the relay and the consumers catching up afterwards, less each process's idle CPU over the same "
                + Report.num(atThirtyTwo.seconds()) + " s): " + atThirtyTwo.perProcess() + ". Two cores give at most 2,000 ms of CPU a"
                + " second, so " + Report.num(sum) + " ms per command caps the stack near " + Report.num(2000 / sum) + " commands/s on an"
                + " idle machine. Seconds each JVM spent compiling in that window: " + atThirtyTwo.compiling() + ".");
        section.note("Requests: " + ours.values().stream().mapToLong(HttpLoad.Result::ok).sum() + " answered 2xx, "
                + ours.values().stream().mapToLong(HttpLoad.Result::failed).sum() + " failed.");
        try {
            floor(section, ours, alone.atThirtyTwo());
        } catch (Exception e) {
            LOG.error("the framework floor did not finish", e);
            section.note("**The framework floor did not finish:** " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }

    /**
     * Each process's CPU per command over a window of so many seconds ("name ms, ..."), their sum, and the seconds each JVM
     * spent compiling meanwhile ("name s, ..."): a JIT still busy means the window measured a warm-up, not the steady state.
     */
    private record CpuPerCommand(String perProcess, double total, double seconds, String compiling) {
    }

    /** Each process's CPU per command over a window, less its idle CPU over the same time. */
    private CpuPerCommand cpuPerCommand(Map<String, Long> before, Map<String, Long> after, double seconds, long commands,
                                        Map<String, Double> compiledBefore, Map<String, Double> compiledAfter) {
        StringBuilder perCommand = new StringBuilder();
        double sum = 0;
        for (String name : after.keySet()) {
            if (after.get(name) == 0) {
                continue; // a service stopped for the window: no process to read
            }
            double idle = idleCpuPerSecond.getOrDefault(name, 0.0) * seconds;
            double millis = Math.max(0, after.get(name) - before.getOrDefault(name, after.get(name)) - idle) / (double) commands;
            sum += millis;
            perCommand.append(perCommand.length() == 0 ? "" : ", ").append(name).append(' ').append(Report.num(millis));
        }
        return new CpuPerCommand(perCommand.toString(), sum, seconds, compiledIn(compiledBefore, compiledAfter, jvm -> true, ""));
    }

    /** The seconds each chosen JVM compiled between two {@link #compileSeconds()} ("name 0.20{unit}, ..."). */
    private static String compiledIn(Map<String, Double> before, Map<String, Double> after, Predicate<String> which, String unit) {
        return after.entrySet().stream().filter(e -> which.test(e.getKey()))
                .map(e -> e.getKey() + " " + Report.num(e.getValue() - before.getOrDefault(e.getKey(), e.getValue())) + unit)
                .collect(Collectors.joining(", "));
    }

    /**
     * Seconds each JVM of the stack has spent in its JIT compilers since it started: the services' from {@code jstat -compiler},
     * the launcher's (Kafka's and this harness's) from its own compilation MXBean.
     */
    private Map<String, Double> compileSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        stack.processes().forEach((name, pid) -> {
            if (pid == ProcessHandle.current().pid()) {
                seconds.put("launcher", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1000.0);
            } else if (name.contains("-service")) {
                seconds.put(name.replace("-service", ""), jstatCompileSeconds(pid));
            }
        });
        return seconds;
    }

    /** The Time column of {@code jstat -compiler PID}; NaN when jstat cannot tell. */
    private static double jstatCompileSeconds(long pid) {
        try {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-compiler",
                    String.valueOf(pid)).redirectErrorStream(true).start();
            List<String> lines = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            jstat.waitFor();
            // Compiled Failed Invalid Time FailedType FailedMethod
            return Double.parseDouble(lines.get(lines.size() - 1).trim().split("\\s+")[3]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** The services that consume participant-service's events: stopped for a c=1 and a c=32 run, so the command meets none of their work. */
    private static final List<String> CONSUMING = List.of("employer", "permit", "placement", "reporting");

    /** The registrations at c=1 and c=32 with the consuming services stopped, and the CPU per registration at c=32. */
    private record Alone(HttpLoad.Result atOne, HttpLoad.Result atThirtyTwo, CpuPerCommand cpuAtThirtyTwo) {
    }

    private Alone withoutConsumers() throws Exception {
        System.out.println("append: concurrency 1 and 32 for " + options.appendDuration.toSeconds() + " s each with the consuming services stopped");
        CONSUMING.forEach(name -> stack.kill(service(name).module()));
        try {
            HttpLoad.Result atOne = load.closedLoop(1, options.appendDuration, options.appendMaxRequests, this::registration);
            awaitRelayDrained();
            Map<String, Double> compiledBefore = compileSeconds();
            Map<String, Long> before = cpu();
            long windowStarted = System.nanoTime();
            HttpLoad.Result atThirtyTwo = load.closedLoop(32, options.appendDuration, options.appendMaxRequests, this::registration);
            awaitRelayDrained();
            CpuPerCommand cpu = cpuPerCommand(before, cpu(), (System.nanoTime() - windowStarted) / 1e9, atThirtyTwo.ok(),
                    compiledBefore, compileSeconds());
            return new Alone(atOne, atThirtyTwo, cpu);
        } finally {
            CONSUMING.forEach(name -> stack.restart(service(name).module()));
            awaitStable();
        }
    }

    /**
     * The framework's floor (bench/floor): the services' stack with nothing of Werkdesk, inserting the pgbench script's
     * event row per request, under the same load as the registrations; the registration as a ratio of it.
     */
    private void floor(Report.Section section, Map<Integer, HttpLoad.Result> ours, HttpLoad.Result aloneAtThirtyTwo) throws Exception {
        Path jar = root.resolve("bench/floor/target/quarkus-app/quarkus-run.jar");
        int port = Settings.freePorts(1);
        Process floor = startFloor(jar, port);
        try {
            URI uri = URI.create("http://127.0.0.1:" + port + "/floor/events");
            awaitFloor(floor, uri);
            System.out.println("append: the framework floor, warming up for " + options.warmup.toSeconds() + " s");
            load.closedLoop(8, options.warmup, options.appendMaxRequests, n -> registration(uri, n));
            Map<Integer, HttpLoad.Result> floors = new LinkedHashMap<>();
            double floorCpu = Double.NaN;
            for (int concurrency : List.of(1, 8, 32)) {
                System.out.println("append: the framework floor at concurrency " + concurrency);
                long floorBefore = cpuMillis(floor.pid(), false);
                long postgresBefore = cpu().get("postgres");
                floors.put(concurrency, load.closedLoop(concurrency, options.appendDuration, options.appendMaxRequests, n -> registration(uri, n)));
                if (concurrency == 32) {
                    floorCpu = (cpuMillis(floor.pid(), false) - floorBefore + cpu().get("postgres") - postgresBefore)
                            / (double) floors.get(32).ok();
                }
            }
            for (int concurrency : List.of(1, 8, 32)) {
                HttpLoad.Result r = ours.get(concurrency);
                HttpLoad.Result f = floors.get(concurrency);
                section.row("c=" + concurrency + ": registrations/s vs the framework floor's requests/s", Report.num(r.perSecond()),
                        Report.num(f.perSecond()), Report.ratio(r.perSecond(), f.perSecond()), concurrency == 32 ? "0.3 or better" : "",
                        concurrency == 32 ? Report.verdict(r.perSecond() / f.perSecond() >= 0.3) : "");
                section.row("c=" + concurrency + ": latency p50 / p99 (ms), registration vs floor", Report.num(r.millis(50)) + " / "
                        + Report.num(r.millis(99)), Report.num(f.millis(50)) + " / " + Report.num(f.millis(99)), "", "", "");
                if (f.failed() > 0) {
                    section.note("floor c=" + concurrency + ": " + f.failed() + " requests failed; the first: " + f.firstFailure());
                }
            }
            section.row("c=32 with the four consuming services stopped: registrations/s vs the framework floor's requests/s",
                    Report.num(aloneAtThirtyTwo.perSecond()), Report.num(floors.get(32).perSecond()),
                    Report.ratio(aloneAtThirtyTwo.perSecond(), floors.get(32).perSecond()), "", "");
            section.row("CPU time per request of the floor at c=32 (ms, the floor's JVM + PostgreSQL)", Report.num(floorCpu), "", "", "", "");
            section.note("Framework floor (bench/floor, issue 17): a Quarkus application of the services' stack (Quarkus REST,"
                    + " SmallRye JWT verifying the same caseworker token on every request with a role check, the reactive PostgreSQL"
                    + " client with its default pool) and nothing of Werkdesk, on the same JVM options, against the same database."
                    + " Each request carries the registration's body and headers, which Quarkus REST reads as a JSON tree, and inserts"
                    + " the pgbench script's event row (into floor_events, a table like bench_events with the same trigger) in one"
                    + " statement, so one transaction. Ratio = registrations / floor, each measured by the same load generator; the"
                    + " floor ran after the registrations and pgbench, with the five services idle.");
        } finally {
            stopProcess(floor);
        }
    }

    private Process startFloor(Path jar, int port) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(root.relativize(jar) + " is missing: bench/run.sh builds it (-Pbench)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(serviceJavaOptions());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(settings.logs().resolve("bench-floor.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("WERKDESK_DB_USER", "postgres");
        env.put("WERKDESK_DB_PASSWORD", "postgres");
        env.put("WERKDESK_DB_REACTIVE_URL", "postgresql://127.0.0.1:" + settings.postgresPort() + "/participant");
        env.put("WERKDESK_JWT_PUBLIC_KEY", keys.publicKey().toString());
        env.put("WERKDESK_JWT_ISSUER", DevKeys.ISSUER);
        env.put("FLOOR_HTTP_PORT", String.valueOf(port));
        return builder.start();
    }

    /** Until the floor answers a registration with 201. */
    private void awaitFloor(Process floor, URI uri) throws InterruptedException {
        long deadline = System.nanoTime() + SERVICE_READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline && floor.isAlive()) {
            try {
                HttpResponse<String> response = load.send(registration(uri, 0));
                if (response.statusCode() == 201) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the framework floor did not answer 201 (see bench-floor.log): " + last);
    }

    private double pgbenchCpu = Double.NaN;

    /** CPU time (ms) used so far by each process of the stack (PostgreSQL with its backends; the launcher holds Kafka). */
    private Map<String, Long> cpu() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        stack.processes().forEach((name, pid) -> {
            long millis = cpuMillis(pid, false);
            if (name.equals("postgres")) {
                // The postmaster's waited-for children (backends that ended) plus the backends still running.
                millis = cpuMillis(pid, true) + ProcessHandle.of(pid).map(p -> p.descendants().mapToLong(d -> cpuMillis(d.pid(), false)).sum())
                        .orElse(0L);
            }
            cpu.put(name.startsWith("werkdesk") ? "launcher (Kafka, load generator)" : name.equals("postgres") ? "postgres" : name.replace("-service", ""), millis);
        });
        return cpu;
    }

    /** utime + stime (and with children: + cutime + cstime) of /proc/PID/stat, in ms (clock ticks of 10 ms). */
    private static long cpuMillis(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3 of stat(5)); utime is field 14, so index 11.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private Path pgbenchScript() throws IOException {
        List<String> template = db.row("participant", "SELECT stream_type, type, schema_version, data::text, metadata::text FROM events"
                + " WHERE version = 1 ORDER BY global_position DESC LIMIT 1");
        db.execute("participant", "DROP TABLE IF EXISTS bench_events; DROP TABLE IF EXISTS bench_template;"
                + " CREATE TABLE bench_events (LIKE events INCLUDING ALL);"
                + " DROP TABLE IF EXISTS floor_events; CREATE TABLE floor_events (LIKE events INCLUDING ALL);"
                + " CREATE TABLE bench_template (stream_type text, type text, schema_version integer, data jsonb, metadata jsonb);"
                + " CREATE OR REPLACE FUNCTION bench_notify() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN PERFORM pg_notify('werkdesk_bench', ''); RETURN NULL; END; $$;"
                + " CREATE TRIGGER bench_events_notify AFTER INSERT ON bench_events FOR EACH STATEMENT EXECUTE FUNCTION bench_notify();"
                + " CREATE TRIGGER floor_events_notify AFTER INSERT ON floor_events FOR EACH STATEMENT EXECUTE FUNCTION bench_notify();");
        try (Connection connection = db.connect("participant");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_template VALUES (?, ?, ?, ?::jsonb, ?::jsonb)")) {
            insert.setString(1, template.get(0));
            insert.setString(2, template.get(1));
            insert.setInt(3, Integer.parseInt(template.get(2)));
            insert.setString(4, template.get(3));
            insert.setString(5, template.get(4));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Path script = work.resolve("insert-event.sql");
        Files.writeString(script, "INSERT INTO bench_events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata,"
                + " occurred_at) SELECT gen_random_uuid(), stream_type, 1, gen_random_uuid(), type, schema_version, data, metadata,"
                + " date_trunc('day', now()) FROM bench_template;\n");
        return script;
    }

    /** Waits until participant-service's relay has published everything (the checkpoint is at the last event). */
    private void awaitRelayDrained() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long last = db.number("participant", "SELECT max(global_position) FROM events");
            long published = db.number("participant", "SELECT max(global_position) FROM relay_checkpoint");
            if (published >= last) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    // ---- 4. end to end

    private long enrolled() throws IOException, InterruptedException {
        HttpResponse<String> response = load.send(HttpRequest.newBuilder(service("reporting").uri().resolve("/api/v1/metrics/summary"))
                .timeout(HttpLoad.REQUEST_TIMEOUT).header("Authorization", "Bearer " + token("analyst")).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics/summary answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("enrolled").asLong();
    }

    /** A rate this machine sustains, to show the path's own latency without a queue in front of it. */
    private static final double BELOW_SATURATION_RATE = 10;

    private void endToEnd(double rate, boolean target) throws Exception {
        Report.Section section = report.section("4. End to end: a command's 2xx to the change visible in the metrics API, at "
                + Report.num(rate) + " commands/s" + (target ? " (the issue's rate)" : " (below saturation, for comparison)"));
        awaitRelayDrained();
        long baseline = awaitStable();
        int count = (int) Math.min(Integer.MAX_VALUE, (long) (rate * options.endToEndDuration.toSeconds()));
        long[] acknowledged = new long[count];
        long[] visible = new long[count];
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger seen = new AtomicInteger();
        AtomicLong polls = new AtomicLong();
        Thread poller = new Thread(() -> {
            long deadline = System.nanoTime() + options.endToEndDuration.toNanos() + Duration.ofMinutes(2).toNanos();
            try {
                while (seen.get() < count && System.nanoTime() < deadline) {
                    long now = enrolled() - baseline;
                    long at = System.nanoTime();
                    polls.incrementAndGet();
                    for (int k = seen.get(); k < Math.min(now, count); k++) {
                        visible[k] = at;
                    }
                    seen.set((int) Math.max(seen.get(), Math.min(now, count)));
                    TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
                }
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "e2e-poller");
        poller.start();
        System.out.println("e2e: " + count + " registrations at " + rate + "/s");
        HttpLoad.Result sent = load.openLoop(rate, options.endToEndDuration, count, this::registration, at -> {
            int k = acks.getAndIncrement();
            if (k < count) {
                acknowledged[k] = at;
            }
        });
        poller.join(Duration.ofMinutes(3).toMillis());
        poller.interrupt();
        Histogram latency = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        int measured = Math.min(acks.get(), seen.get());
        for (int k = 0; k < measured; k++) {
            latency.recordValue(Math.max(0, Math.min(visible[k] - acknowledged[k], TimeUnit.MINUTES.toNanos(5))));
        }
        double p50 = latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(50) / 1e6;
        double p99 = latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(99) / 1e6;
        section.row("2xx to visible in GET /metrics/summary, p50 (ms)", Report.num(p50), "", "", "", "");
        section.row("2xx to visible in GET /metrics/summary, p99 (ms)", Report.num(p99), "", "", target ? "100 ms or less" : "",
                target ? Report.verdict(p99 <= 100) : "");
        section.row("command latency at " + Report.num(rate) + "/s, p50 / p99 (ms)",
                Report.num(sent.millis(50)) + " / " + Report.num(sent.millis(99)), "", "", "", "");
        section.note(count + " registrations sent at " + Report.num(rate) + " per second (open loop, "
                + Report.num(sent.perSecond()) + "/s achieved, " + sent.failed() + " failed); " + measured + " matched with the moment"
                + " the summary's enrolled count reached them. The k-th 2xx is paired with the first poll that counts k of them (the count"
                + " only grows, one per registration), polled every " + POLL_MILLIS + " ms plus the poll's own time (" + polls.get()
                + " polls): the figure includes up to one poll interval of delay. Path: REST append -> NOTIFY -> relay -> Kafka"
                + " transaction -> reporting-service's consumer (read_committed) -> facts -> SQL of the summary.");
    }

    private static final int POLL_MILLIS = 10;

    /** The enrolled count once it stopped moving (consumers caught up with earlier sections). */
    private long awaitStable() throws IOException, InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + WAIT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long now = enrolled();
            if (now == last) {
                return now;
            }
            last = now;
            TimeUnit.SECONDS.sleep(2);
        }
        return last;
    }

    // ---- 2. relay

    private void relay(List<String> javaOptions) throws Exception {
        Report.Section section = report.section("2. Relay: a backlog published from cold, beside Kafka's ProducerPerformance");
        String database = "relaybench";
        db.execute("postgres", "CREATE DATABASE " + database);
        createTopic(RELAY_TOPIC);
        createTopic(PERF_TOPIC);
        int port = Settings.freePorts(1);
        // First start: Flyway creates the event store; then stop, fill the backlog, and start cold.
        Process first = startRelayService(javaOptions, database, port, "relay-bench-migrate.log");
        awaitReady(first, port);
        stopProcess(first);
        List<String> template = db.row("participant", "SELECT stream_type, type, schema_version, data::text, metadata::text FROM events"
                + " WHERE version = 1 ORDER BY global_position DESC LIMIT 1");
        System.out.println("relay: inserting a backlog of " + options.relayEvents + " events");
        try (Connection connection = db.connect(database);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO events (stream_id, stream_type, version, event_id, type,"
                        + " schema_version, data, metadata, occurred_at) SELECT gen_random_uuid(), ?, 1, gen_random_uuid(), ?, ?, ?::jsonb,"
                        + " ?::jsonb, date_trunc('day', now()) FROM generate_series(1, ?)")) {
            insert.setString(1, template.get(0));
            insert.setString(2, template.get(1));
            insert.setInt(3, Integer.parseInt(template.get(2)));
            insert.setString(4, template.get(3));
            insert.setString(5, template.get(4));
            insert.setLong(6, options.relayEvents);
            insert.executeUpdate();
        }
        long last = db.number(database, "SELECT max(global_position) FROM events");
        long launched = System.nanoTime();
        Process cold = startRelayService(javaOptions, database, port, "relay-bench.log");
        double firstBatchAt = Double.NaN;
        long firstBatchPosition = 0;
        double readyAt = Double.NaN;
        double doneAt = Double.NaN;
        long deadline = launched + WAIT_TIMEOUT.toNanos();
        long lastProgress = launched;
        long lastPublished = -1;
        try {
            while (System.nanoTime() < deadline) {
                Path log = settings.logs().resolve("relay-bench.log");
                if (!cold.isAlive()) {
                    throw new IllegalStateException("the relay's participant-service stopped; see " + log);
                }
                if (System.nanoTime() - lastProgress > RELAY_STALL.toNanos()) {
                    String oom = Files.readString(log).contains("OutOfMemoryError") ? " Its log (" + root.relativize(log)
                            + ") shows java.lang.OutOfMemoryError: Java heap space." : "";
                    throw new IllegalStateException("the relay published nothing for " + RELAY_STALL.toSeconds() + " s; it stopped at "
                            + Math.max(0, lastPublished) + " of " + options.relayEvents + " events." + oom);
                }
                double now = (System.nanoTime() - launched) / 1e9;
                if (Double.isNaN(readyAt) && ready(port)) {
                    readyAt = now;
                }
                long published = db.number(database, "SELECT max(global_position) FROM relay_checkpoint");
                if (published != lastPublished) {
                    lastPublished = published;
                    lastProgress = System.nanoTime();
                }
                if (published > 0 && Double.isNaN(firstBatchAt)) {
                    firstBatchAt = now;
                    firstBatchPosition = published;
                }
                if (published >= last) {
                    doneAt = now;
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } finally {
            stopProcess(cold);
        }
        double steady = (options.relayEvents - firstBatchPosition) / (doneAt - firstBatchAt);
        double fromLaunch = options.relayEvents / doneAt;
        int recordSize = averageRecordSize();
        long transactionMillis = Math.max(10, Math.round(RELAY_BATCH / steady * 1000));
        System.out.println("relay: ProducerPerformance with " + options.relayEvents + " records of " + recordSize + " bytes");
        Limits.Produced limit = Limits.producerPerformance(settings.kafkaBootstrap(), PERF_TOPIC, options.relayEvents, recordSize,
                transactionMillis, work);
        section.row("events/s to Kafka, backlog of " + options.relayEvents + " (after the first batch)", Report.num(steady),
                Report.num(limit.perSecond()), Report.ratio(steady, limit.perSecond()), "0.5 or better",
                Report.verdict(steady / limit.perSecond() >= 0.5));
        section.row("the same, from the JVM's launch (start-up, recovery, all batches)", Report.num(fromLaunch), Report.num(limit.perSecond()),
                Report.ratio(fromLaunch, limit.perSecond()), "", "");
        section.note("Ours: a participant-service of its own (database relaybench on the stack's PostgreSQL, topic " + RELAY_TOPIC
                + " with " + KafkaTestResource.PARTITIONS + " partitions, the launcher's JVM options), started once so that Flyway makes"
                + " the tables, stopped, given " + options.relayEvents + " events in one transaction (copies of a real ParticipantRegistered"
                + " with new stream and event ids), then started cold: ready after " + Report.num(readyAt) + " s, first batch committed"
                + " after " + Report.num(firstBatchAt) + " s, last after " + Report.num(doneAt) + " s (the checkpoint polled every 50 ms).");
        section.note("Limit: ProducerPerformance in a JVM of its own, " + limit.records() + " records of " + recordSize + " bytes (the"
                + " average key + value + CloudEvent headers of the ParticipantRegistered records on " + Topics.PARTICIPANTS + "),"
                + " acks=all, enable.idempotence=true, linger.ms=5, transactional with a commit every " + transactionMillis
                + " ms (about the relay's " + RELAY_BATCH + "-event batch at its rate), to " + PERF_TOPIC + " (" + KafkaTestResource.PARTITIONS
                + " partitions) on the same broker. It printed: `" + limit.line() + "`.");
    }

    private Process startRelayService(List<String> javaOptions, String database, int port, String logName) throws IOException {
        List<String> options = new ArrayList<>(javaOptions);
        options.add("-Dwerkdesk.relay.topic=" + RELAY_TOPIC);
        return startService(service("participant"), options, database, port, logName);
    }

    /** A service jar as the launcher starts it (its environment), on a database and port of the caller's choice. */
    private Process startService(Settings.Service service, List<String> javaOptions, String database, int port, String logName)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        if (options.jfr) {
            command.add("-XX:StartFlightRecording=dumponexit=true,settings=profile");
        }
        command.add("-jar");
        command.add(service.jar(root).toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(settings.home().toFile()).redirectErrorStream(true)
                .redirectOutput(settings.logs().resolve(logName).toFile());
        Map<String, String> env = builder.environment();
        // The launcher's environment for this service, on the database and port of the caller's choice.
        env.putAll(stack.environment(service, 0));
        env.put("WERKDESK_DB_REACTIVE_URL", "postgresql://127.0.0.1:" + settings.postgresPort() + "/" + database);
        env.put("WERKDESK_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/" + database);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return builder.start();
    }

    private void awaitReady(Process process, int port) throws InterruptedException {
        long deadline = System.nanoTime() + SERVICE_READY_TIMEOUT.toNanos();
        while (!ready(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the benchmark's participant-service did not get ready");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private boolean ready(int port) {
        try {
            return load.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void stopProcess(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private int averageRecordSize() {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> all = TopicCopies.readAll(settings.kafkaBootstrap(), List.of(Topics.PARTICIPANTS));
        long bytes = 0;
        long count = 0;
        for (ConsumerRecord<byte[], byte[]> record : all.get(Topics.PARTICIPANTS)) {
            Header type = record.headers().lastHeader("ce_type");
            if (type == null || !new String(type.value()).endsWith("participant-registered")) {
                continue;
            }
            long size = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
            for (Header header : record.headers()) {
                size += header.key().length() + header.value().length;
            }
            bytes += size;
            count++;
        }
        return count == 0 ? 1000 : (int) (bytes / count);
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        return Admin.create(props);
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, KafkaTestResource.PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    // ---- 6. volume

    private long eventsInStores() {
        long total = 0;
        for (Settings.Service service : settings.services()) {
            total += db.number(service.database(), "SELECT count(*) FROM events");
        }
        return total;
    }

    private void volume() throws Exception {
        Report.Section section = report.section("6. Volume: a scenario of " + options.volumeParticipants + " participants");
        Scenario scenario = Scenario.readResource(Scenario.AMSTERDAM_PILOT);
        Plan plan = ScenarioGenerator.plan(scenario, options.volumeParticipants);
        Map<String, URI> uris = new LinkedHashMap<>();
        settings.services().forEach(s -> uris.put(s.shortName(), s.uri()));
        ScenarioPlayer player = new ScenarioPlayer(new Api(uris, this::token), line -> System.out.println("volume:" + line),
                options.playParallelism, Duration.ofMinutes(10));
        long eventsBefore = eventsInStores();
        System.out.println("volume: playing " + plan.participants().size() + " participants");
        ScenarioPlayer.Result result = player.play(plan);
        long events = eventsInStores() - eventsBefore;
        double seconds = result.took().toMillis() / 1e3;
        section.row("time to play (all services, through REST, waiting for events to travel)", Report.num(seconds) + " s", "", "", "", "");
        section.row("events appended (five event stores)", String.valueOf(events), "", "", "", "");
        section.row("events appended per second while playing", Report.num(events / seconds), "", "", "", "");
        section.note("The pilot scenario (" + Scenario.AMSTERDAM_PILOT + ", " + scenario.participants() + " participants) scaled by the"
                + " launcher's ScenarioGenerator to " + plan.participants().size() + " participants, " + plan.employers().size()
                + " employers, " + plan.vacancies().size() + " vacancies; played by ScenarioPlayer with " + options.playParallelism
                + " calls in flight (./werkdesk demo plays with 4). Reporting-service's figures against the plan's: "
                + (result.differences().isEmpty() ? "all equal" : result.differences().toString()) + ".");
        if (options.volumeParticipants < 100_000) {
            section.note("Size: the issue asks for 100,000 participants (about two million events); this run played "
                    + plan.participants().size() + " (" + events + " events). At this run's pace the full size would take about "
                    + Report.num(seconds * 100_000.0 / plan.participants().size() / 3600) + " hours (linear extrapolation).");
        }
        for (String endpoint : ANALYST_READS) {
            URI uri = service("reporting").uri().resolve("/api/v1" + endpoint);
            HttpLoad.Result r = load.closedLoop(4, Duration.ofSeconds(options.quick ? 10 : 60), options.metricsRequests,
                    n -> HttpRequest.newBuilder(uri).timeout(HttpLoad.REQUEST_TIMEOUT).header("Authorization", "Bearer " + token("analyst"))
                            .header("Accept", "application/json").GET().build());
            section.row("GET " + endpoint + " afterwards, p50 / p99 (ms)", Report.num(r.millis(50)) + " / " + Report.num(r.millis(99)),
                    "", "", "", r.failed() > 0 ? r.failed() + " failed: " + r.firstFailure() : "");
        }
        section.note("Metrics and evaluation endpoints: " + options.metricsRequests + " requests each (or 60 s), 4 callers, analyst token, today's figures.");
        Rebuilt rebuilt = rebuildReporting();
        section.row("rebuild of reporting's projections afterwards", Report.num(rebuilt.seconds()) + " s", "", "", "", "");
        section.note("Rebuild: POST /projection-rebuilds, " + rebuilt.describe() + ".");
    }

    // ---- 7. reads

    /**
     * The analyst's reads at volume, without the 30-minute play of section 6: the facts of {@code --read-participants}
     * participants are written by SQL (bench/src/main/resources/reads-seed.sql) straight into reporting-service's projections
     * of the live generation, then every metric and evaluation endpoint is read for a cycle of scopes and as-of dates.
     */
    private void reads() throws Exception {
        Report.Section section = report.section("7. Reads: the analyst's endpoints at " + options.readParticipants + " participants");
        String seed;
        try (var in = Bench.class.getResourceAsStream("/reads-seed.sql")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{participants}", String.valueOf(options.readParticipants));
        }
        long seedStarted = System.nanoTime();
        db.execute("reporting", seed);
        double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
        List<String> counts = db.row("reporting", "SELECT (SELECT count(*) FROM participant_facts), (SELECT count(*) FROM permit_facts),"
                + " (SELECT count(*) FROM placement_facts), (SELECT count(*) FROM activity_facts), (SELECT count(*) FROM event_facts)");
        section.row("facts written by SQL (participants, TWVs, placements, activities, events)", String.join(" / ", counts), "", "", "",
                Report.num(seedSeconds) + " s");
        // The seed's INSERTs take the path of every write: the trigger on the facts keeps the metrics' day counts at commit and
        // marks the participants pending for the evaluation's, which reporting-service counts in the background; waited for
        // here, so that the reads measure reading.
        long caughtUpStarted = System.nanoTime();
        db.execute("reporting", "SELECT evaluation_count_pending()");
        double caughtUpSeconds = (System.nanoTime() - caughtUpStarted) / 1e9;
        List<String> aggregates = db.row("reporting", "SELECT (SELECT count(*) FROM participant_contributions),"
                + " (SELECT count(*) FROM evaluation_contributions), (SELECT count(*) FROM scope_day_counts),"
                + " (SELECT count(*) FROM scope_month_counts)");
        section.row("day counts kept as the facts were written (metrics' and evaluation's contributions, day rows, month rows)",
                String.join(" / ", aggregates), "", "", "", "metrics' in the seed's time, evaluation's caught up "
                        + Report.num(caughtUpSeconds) + " s later");
        String today = LocalDate.now(BUSINESS_ZONE).toString();
        List<String> firstReads = new ArrayList<>();
        List<String> readCosts = new ArrayList<>();
        Map<String, LongFunction<HttpRequest>> requests = new LinkedHashMap<>();
        for (String endpoint : ANALYST_READS) {
            URI base = service("reporting").uri().resolve("/api/v1" + endpoint);
            // Every request its own scope and as-of date, in turn: no two consecutive requests ask the same.
            requests.put(endpoint, n -> {
                String scope = READ_SCOPES.get((int) (n % READ_SCOPES.size()));
                String asOf = READ_AS_OF.get((int) (n / READ_SCOPES.size() % READ_AS_OF.size()));
                String query = "asOf=" + (asOf.isEmpty() ? today : asOf) + (scope.isEmpty() ? "" : "&" + scope);
                return HttpRequest.newBuilder(URI.create(base + "?" + query)).timeout(HttpLoad.REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + token("analyst")).header("Accept", "application/json").GET().build();
            });
        }
        // The first requests after a start also wait for the JITs (reporting-service's and the load generator's) to compile
        // their code, much of it shared by every endpoint: every endpoint is warmed before any is measured, and reported apart.
        requests.forEach((endpoint, request) -> {
            HttpLoad.Result first = load.closedLoop(options.readCallers, options.readDuration, options.readWarmupRequests, request);
            firstReads.add(endpoint + " " + Report.num(first.millis(50)) + " / " + Report.num(first.millis(99)));
        });
        for (var endpoint : requests.entrySet()) {
            Map<String, Long> cpuBefore = cpu();
            Map<String, Double> compiledBefore = compileSeconds();
            HttpLoad.Result r = load.closedLoop(options.readCallers, options.readDuration, options.readRequests, endpoint.getValue());
            readCosts.add(endpoint.getKey() + ": " + readCost(r.ok(), cpuBefore, cpu(), compiledBefore, compileSeconds()));
            section.row("GET " + endpoint.getKey() + ", p50 / p99 (ms)", Report.num(r.millis(50)) + " / " + Report.num(r.millis(99)), "", "",
                    "p99 under 50 ms", r.failed() > 0 ? r.failed() + " failed: " + r.firstFailure()
                            : r.ok() + " requests, " + Report.verdict(r.millis(99) <= 50));
        }
        // One analyst clicking through the dashboard waits for one read at a time: the same reads at one caller show a read's
        // own time, apart from the queue that four callers make on two cores.
        for (var endpoint : requests.entrySet()) {
            HttpLoad.Result r = load.closedLoop(1, options.readDuration, options.readRequests, endpoint.getValue());
            section.row("GET " + endpoint.getKey() + " at one caller, p50 / p99 (ms)", Report.num(r.millis(50)) + " / "
                    + Report.num(r.millis(99)), "", "", "p99 under 50 ms", r.failed() > 0 ? r.failed() + " failed: " + r.firstFailure()
                            : r.ok() + " requests, " + Report.verdict(r.millis(99) <= 50));
        }
        section.note("Dataset: " + options.readParticipants + " participants over three locations, enrolled 2025-01-06 to 2026-10-31,"
                + " shaped like the pilot (about 90 % intake, 60 % an activity, 40 % a TWV request, 30 % placed, ends, hour changes,"
                + " leavers, daily bookings and corrections); reporting-service's facts only, written by SQL, so no event lies behind them"
                + " (this section runs last).");
        section.note("Each endpoint's first " + options.readWarmupRequests + " requests of this section, made the same way, every"
                + " endpoint's before any endpoint's measured ones, and not counted above, while the JITs compile (p50 / p99, ms): "
                + String.join("; ", firstReads) + ".");
        section.note("Where a measured read's time goes, per endpoint: CPU ms per request of reporting-service, PostgreSQL and the"
                + " launcher (the load generator's 4 callers; Kafka idles), and the seconds each of the two JVMs spent compiling in"
                + " the window (a JIT still busy measured its own warm-up): " + String.join("; ", readCosts) + ".");
        section.note("Each endpoint: " + options.readRequests + " requests (or " + options.readDuration.toSeconds() + " s), "
                + options.readCallers + " callers, then once more at one caller, analyst token (suppression on), cycling through the scopes " + READ_SCOPES
                + " and the as-of dates " + READ_AS_OF + " (empty: today), JSON.");
    }

    /** "reporting 5.1, postgres 7.2, launcher 1.3 ms; compiling launcher 0.20 s, reporting 0.01 s" for one endpoint's window. */
    private static String readCost(long requests, Map<String, Long> cpuBefore, Map<String, Long> cpuAfter,
                                   Map<String, Double> compiledBefore, Map<String, Double> compiledAfter) {
        List<String> perRequest = new ArrayList<>();
        cpuAfter.forEach((process, millis) -> {
            if (process.equals("reporting") || process.equals("postgres") || process.startsWith("launcher")) {
                double ms = (millis - cpuBefore.getOrDefault(process, millis)) / (double) Math.max(1, requests);
                perRequest.add((process.startsWith("launcher") ? "launcher" : process) + " " + Report.num(ms));
            }
        });
        return String.join(", ", perRequest) + " ms; compiling "
                + compiledIn(compiledBefore, compiledAfter, jvm -> jvm.equals("launcher") || jvm.equals("reporting"), " s");
    }

    // ---- 3. rebuild

    /**
     * A finished rebuild, with the parts of its time as reporting-service recorded them (the status's durations) and the
     * CPU time (ms) of every process of the stack at its start, when its replay had read every offset (seen by a poll of
     * its status, so up to {@link #REBUILD_POLL} late), and at its end.
     */
    private record Rebuilt(long generation, double seconds, long applied, long skipped, long offsets, JsonNode durations,
                           Map<String, Long> cpuStart, Map<String, Long> cpuReplayed, Map<String, Long> cpuEnd) {

        /** CPU-seconds of one process between two snapshots; NaN when one is missing. */
        static double cpuSeconds(String process, Map<String, Long> from, Map<String, Long> to) {
            if (from == null || to == null || !from.containsKey(process) || !to.containsKey(process)) {
                return Double.NaN;
            }
            return (to.get(process) - from.get(process)) / 1e3;
        }

        /** "replay ... s, switch ... s" of a process's CPU. */
        String cpu(String process) {
            return Report.num(cpuSeconds(process, cpuStart, cpuReplayed)) + " / " + Report.num(cpuSeconds(process, cpuReplayed, cpuEnd));
        }

        String parts() {
            return "Kafka polls " + durations.path("kafkaPollMillis").asLong() + " ms, decoding " + durations.path("decodingMillis").asLong()
                    + " ms, fact writes " + durations.path("factWritesMillis").asLong() + " ms; switch: older generations deleted "
                    + durations.path("olderGenerationsDeletedMillis").asText() + " ms, counts filled "
                    + durations.path("countsFilledMillis").asText() + " ms";
        }

        double perSecond() {
            return (applied + skipped) / seconds;
        }

        String describe() {
            return "generation " + generation + ": " + applied + " events applied, " + skipped + " skipped, " + offsets + " offsets read in "
                    + Report.num(seconds) + " s (startedAt to finishedAt, as reporting-service records them), "
                    + Report.num(perSecond()) + " events/s";
        }
    }

    /** How often the rebuild's status is read while it runs. */
    private static final Duration REBUILD_POLL = Duration.ofMillis(200);

    private Rebuilt rebuildReporting() throws Exception {
        URI collection = service("reporting").uri().resolve("/api/v1/projection-rebuilds");
        HttpResponse<String> started = load.send(HttpRequest.newBuilder(collection).timeout(HttpLoad.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token("operator")).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST /projection-rebuilds answered " + started.statusCode() + ": " + started.body());
        }
        int generation = JSON.readTree(started.body()).path("generation").asInt();
        Map<String, Long> cpuStart = cpu();
        Map<String, Long> cpuReplayed = null;
        URI one = collection.resolve("/api/v1/projection-rebuilds/" + generation);
        long deadline = System.nanoTime() + WAIT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode rebuild = JSON.readTree(load.send(HttpRequest.newBuilder(one).timeout(HttpLoad.REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token("operator")).GET().build()).body());
            String status = rebuild.path("status").asText();
            if ("failed".equals(status)) {
                throw new IllegalStateException("rebuild " + generation + " failed: " + rebuild.path("failure").asText());
            }
            if (rebuild.path("stalled").asBoolean()) {
                throw new IllegalStateException("rebuild " + generation + " stopped reporting (stalled) after " + rebuild.path("eventsApplied").asLong()
                        + " events applied, " + rebuild.path("consumedOffsets").asLong() + " of " + rebuild.path("targetOffsets").asLong()
                        + " offsets read");
            }
            if (cpuReplayed == null && ("completed".equals(status)
                    || rebuild.path("targetOffsets").asLong() > 0 && rebuild.path("consumedOffsets").asLong() >= rebuild.path("targetOffsets").asLong())) {
                cpuReplayed = cpu();
            }
            if ("completed".equals(status)) {
                double seconds = Duration.between(Instant.parse(rebuild.path("startedAt").asText()),
                        Instant.parse(rebuild.path("finishedAt").asText())).toMillis() / 1e3;
                return new Rebuilt(generation, seconds, rebuild.path("eventsApplied").asLong(), rebuild.path("eventsSkipped").asLong(),
                        rebuild.path("consumedOffsets").asLong(), rebuild.path("durations"), cpuStart, cpuReplayed, cpu());
            }
            TimeUnit.MILLISECONDS.sleep(REBUILD_POLL.toMillis());
        }
        throw new IllegalStateException("rebuild " + generation + " did not finish within " + WAIT_TIMEOUT);
    }

    private void rebuild() throws Exception {
        Report.Section section = report.section("3. Rebuild: reporting's projections replayed from the topics, beside ConsumerPerformance");
        // Every service stops: the others would consume the copies too, on the same 2 cores, and reporting's live
        // consumers are moved past the copies below, so that the rebuild runs alone.
        Map<String, Long> processes = stack.processes();
        for (Settings.Service service : settings.services()) {
            ProcessHandle.of(processes.get(service.module())).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> {
                    p.destroyForcibly();
                    return p;
                }).join();
            });
        }
        Map<String, List<ConsumerRecord<byte[], byte[]>>> originals = TopicCopies.readAll(settings.kafkaBootstrap(), INTEGRATION_TOPICS);
        long have = originals.values().stream().mapToLong(List::size).sum();
        int copies = have == 0 ? 0 : (int) Math.max(0, Math.ceil((options.rebuildEvents - have) / (double) have));
        Map<String, Long> perTopic = new LinkedHashMap<>();
        originals.forEach((topic, records) -> perTopic.put(topic, (long) records.size() * (copies + 1)));
        System.out.println("rebuild: " + have + " events on the topics, writing " + copies + " copies");
        long copyStarted = System.nanoTime();
        long written = TopicCopies.write(settings.kafkaBootstrap(), originals, copies);
        double copySeconds = (System.nanoTime() - copyStarted) / 1e9;
        originals.clear();
        long total = have + written;
        moveReportingGroupsToEnd();
        // reporting-service alone, started again by the stack as it was: the reads section after this one finds it running.
        stack.restart(service("reporting").module());
        System.out.println("rebuild: rebuilding " + total + " events");
        Rebuilt rebuilt = rebuildReporting();
        long consumed = 0;
        double consumeSeconds = 0;
        for (String topic : INTEGRATION_TOPICS) {
            long records = perTopic.getOrDefault(topic, 0L);
            if (records == 0) {
                continue;
            }
            Limits.Consumed c = Limits.consumerPerformance(settings.kafkaBootstrap(), topic, records, work);
            consumed += c.records();
            consumeSeconds += c.seconds();
        }
        double limit = consumed / consumeSeconds;
        section.row("events/s replayed into the projections (" + total + " events)", Report.num(rebuilt.perSecond()), Report.num(limit),
                Report.ratio(rebuilt.perSecond(), limit), "80,000 events/s or better", Report.verdict(rebuilt.perSecond() >= 80_000));
        section.row("time to rebuild " + total + " events", Report.num(rebuilt.seconds()) + " s", Report.num(consumeSeconds) + " s", "", "", "");
        section.note("Events: the " + have + " events the earlier sections published through the services, and " + copies + " copies of"
                + " them (" + written + " records, written in " + Report.num(copySeconds) + " s) with every UUID replaced per copy: each copy"
                + " is a consistent second pilot. All five services were stopped first; reporting's consumer groups were moved to the end"
                + " of the topics (so that its live consumers do not compete with the rebuild), and reporting-service was started again"
                + " by the launcher's stack as it was (same JVM options, database and port), alone.");
        section.row("CPU-seconds of the rebuild, replay / switch: reporting-service JVM", rebuilt.cpu("reporting"), "", "", "", "");
        section.row("CPU-seconds of the rebuild, replay / switch: PostgreSQL (server and backends)", rebuilt.cpu("postgres"), "", "", "", "");
        section.note("Rebuild: " + rebuilt.describe() + ". Its parts, as reporting-service recorded them (wall time): " + rebuilt.parts()
                + ". CPU: /proc of each process from the rebuild's start to the first status poll (every " + REBUILD_POLL.toMillis()
                + " ms) that saw every offset read, and from there to its end; the launcher's Kafka broker served the replay meanwhile ("
                + rebuilt.cpu("launcher (Kafka, load generator)") + " s).");
        section.note("Limit: ConsumerPerformance, once per topic (" + consumed + " records, read_committed, from the beginning), fetch time"
                + " without the group join, summed: " + Report.num(consumeSeconds) + " s.");
        if (options.rebuildEvents < 1_000_000) {
            section.note("Size: the issue asks for 1M events; this run rebuilt " + total + ". At this rate 1M would take about "
                    + Report.num(1_000_000 / rebuilt.perSecond() / 60) + " minutes.");
        }
    }

    /** Commits reporting-service's consumer groups at the end of every topic (the service is stopped, its groups empty). */
    private void moveReportingGroupsToEnd() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Admin admin = admin()) {
            for (String topic : INTEGRATION_TOPICS) {
                String group = "reporting-service-" + topic.replace("werkdesk.", "").replace(".v1", "");
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < KafkaTestResource.PARTITIONS; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
                Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
                admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                        .forEach((partition, info) -> ends.put(partition, new OffsetAndMetadata(info.offset())));
                while (true) {
                    try {
                        admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
                        break;
                    } catch (java.util.concurrent.ExecutionException e) {
                        // The group still has members until their session ends.
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("cannot move " + group + " to the end: " + e.getCause(), e);
                        }
                        TimeUnit.SECONDS.sleep(1);
                    }
                }
            }
        }
    }

    // ---- helpers

    /** Samples the services' RSS every half second and keeps each one's peak. */
    private static final class RssSampler extends Thread {
        /** Asked on every sample: a service started again (the rebuild, the c=1 run without consumers) has a new pid. */
        private final Supplier<Map<String, Long>> pids;
        private final Map<String, Long> max = new ConcurrentHashMap<>();

        RssSampler(Supplier<Map<String, Long>> pids) {
            super("rss-sampler");
            setDaemon(true);
            this.pids = pids;
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    pids.get().forEach((name, pid) -> max.merge(name, Stack.rss(pid), Math::max));
                } catch (RuntimeException restarting) {
                    // The stack replaced a service while we read its processes: the next sample sees the new one.
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        Map<String, Long> max() {
            return Map.copyOf(max);
        }
    }

}
