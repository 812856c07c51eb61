package nl.werkdesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import nl.werkdesk.testing.EmbeddedKafka;
import nl.werkdesk.testing.KafkaTestResource;
import nl.werkdesk.testing.PostgresProcess;

/**
 * The local stack: a Kafka broker in this JVM, PostgreSQL as a child process (both with their data under the
 * stack's home), a database per service, every topic, and the five services as child processes (each as many times as
 * the settings' replicas say, sharing its database and consumer group). Start returns when
 * every service reports ready; stop stops the services, then PostgreSQL, then Kafka. Only one stack runs per home:
 * a file lock says so, and the state file tells other invocations of ./werkdesk the process ids and ports.
 */
public final class Stack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Stack.class);

    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    static final int LOG_TAIL_LINES = 25;
    /** How often placement-service looks for 26-week milestones: often, so that a scenario's figures settle soon. */
    static final String MILESTONE_CHECK_INTERVAL = "10s";
    private static final Duration POLL = Duration.ofMillis(500);
    /** The service that pseudonymises the researcher's export, with this home's key. */
    static final String REPORTING = "reporting";

    private final Settings settings;
    private final boolean detached;
    private final Consumer<String> progress;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedKafka kafka;
    private PostgresProcess postgres;
    private StackState state;
    private volatile boolean stopping;

    private Stack(Settings settings, boolean detached, Consumer<String> progress, FileChannel lockChannel, FileLock lock) {
        this.settings = settings;
        this.detached = detached;
        this.progress = progress;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Thrown with a message for the person at the terminal: what went wrong and what to do. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Failure(String message) {
            super(message);
        }
    }

    /**
     * Starts everything and returns once every service is ready; on failure stops what it started and throws a
     * {@link Failure} (with the tail of the log of a service that did not start).
     */
    public static Stack start(Settings settings, boolean detached, Consumer<String> progress) {
        checkJars(settings);
        FileChannel channel;
        FileLock lock;
        try {
            Files.createDirectories(settings.runDirectory());
            channel = FileChannel.open(settings.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + settings.runDirectory(), e);
        } catch (OverlappingFileLockException e) {
            lock = null;
            channel = null;
        }
        if (lock == null) {
            throw new Failure(alreadyRunning(settings));
        }
        Stack stack = new Stack(settings, detached, progress, channel, lock);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
    }

    static String alreadyRunning(Settings settings) {
        Optional<StackState> state = StackState.read(settings.stateFile());
        return "Werkdesk is already running" + state.map(s -> " (pid " + s.supervisorPid() + ", since " + s.startedAt() + ")").orElse("")
                + " with its data in " + settings.home() + ".\n  ./werkdesk status   shows it\n  ./werkdesk down     stops it";
    }

    private static void checkJars(Settings settings) {
        List<String> missing = settings.services().stream().filter(s -> !Files.exists(s.jar(settings.root())))
                .map(Settings.Service::module).toList();
        if (!missing.isEmpty()) {
            throw new Failure("Not built yet: " + String.join(", ", missing) + ". ./werkdesk builds what is missing, or run\n  ./mvnw -q -B package -DskipTests -pl "
                    + String.join(",", missing));
        }
    }

    private void startAll() {
        long started = System.nanoTime();
        stopLeftovers();
        checkPorts();
        createDirectories();
        progress.accept(step(started, "starting Kafka (KRaft, data in " + settings.home().resolve("kafka") + ")"));
        kafka = EmbeddedKafka.launchPersistent(settings.home().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        kafka.createTopics(KafkaTestResource.standardTopics(), KafkaTestResource.PARTITIONS);
        progress.accept(step(started, "Kafka ready on " + settings.kafkaBootstrap() + ", topics created"));
        postgres = PostgresProcess.launchPersistent(settings.home().resolve("postgres"), settings.postgresPort(),
                settings.logs().resolve("postgres.log"));
        settings.services().forEach(s -> postgres.createDatabase(s.database()));
        progress.accept(step(started, "PostgreSQL 17 ready on 127.0.0.1:" + settings.postgresPort() + ", databases "
                + String.join(", ", settings.services().stream().map(Settings.Service::database).toList())));
        DevKeys keys = DevKeys.in(settings.keys());
        for (Settings.Service service : settings.services()) {
            for (int replica = 0; replica < service.replicas(); replica++) {
                services.add(ServiceProcess.start(settings, service, replica, environment(service, replica, keys)));
            }
        }
        writeState(false);
        progress.accept(step(started, "started " + services.size() + " service processes, waiting until each is ready (logs in "
                + settings.logs() + ")"));
        awaitReady(started);
        writeState(true);
        progress.accept(step(started, "all " + services.size() + " service processes ready"));
    }

    /** The environment a replica of a service starts with (the bench starts services of its own from it). */
    public Map<String, String> environment(Settings.Service service, int replica) {
        return environment(service, replica, DevKeys.in(settings.keys()));
    }

    private Map<String, String> environment(Settings.Service service, int replica, DevKeys keys) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WERKDESK_DB_USER", PostgresProcess.SUPERUSER);
        env.put("WERKDESK_DB_PASSWORD", PostgresProcess.PASSWORD);
        // application_name tells the replicas' sessions apart in pg_stat_activity (which one holds the relay's lock).
        env.put("WERKDESK_DB_REACTIVE_URL", "postgresql://127.0.0.1:" + settings.postgresPort() + "/" + service.database()
                + "?application_name=" + service.processName(replica));
        env.put("WERKDESK_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/" + service.database());
        env.put("WERKDESK_KAFKA", settings.kafkaBootstrap());
        env.put("WERKDESK_JWT_PUBLIC_KEY", keys.publicKey().toString());
        env.put("WERKDESK_JWT_ISSUER", DevKeys.ISSUER);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port(replica)));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("WERKDESK_PLACEMENT_MILESTONE_CHECK_INTERVAL", MILESTONE_CHECK_INTERVAL);
        if (service.shortName().equals(REPORTING)) {
            env.put("WERKDESK_PSEUDONYM_KEY", PseudonymKey.in(settings.home()));
        }
        return env;
    }

    private void awaitReady(long started) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.alive()) {
                    throw new Failure(service.name() + " stopped while starting (exit code " + service.exitValue()
                            + "). The last lines of " + service.log() + ":\n" + service.tail(LOG_TAIL_LINES));
                }
                if (service.ready()) {
                    waiting.remove(service);
                    progress.accept(step(started, service.name() + " ready on " + service.service().uri(service.replica())));
                }
            }
            if (System.nanoTime() > deadline) {
                ServiceProcess slow = waiting.get(0);
                throw new Failure(slow.name() + " was not ready within " + READY_TIMEOUT.toMinutes()
                        + " minutes. The last lines of " + slow.log() + ":\n" + slow.tail(LOG_TAIL_LINES));
            }
            sleep(POLL);
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /** A service that stopped on its own since the start, if any (the foreground status watches for it). */
    public Optional<String> crashed() {
        for (ServiceProcess service : services) {
            if (!stopping && !service.alive()) {
                return Optional.of(service.name() + " stopped (exit code " + service.exitValue() + "). The last lines of "
                        + service.log() + ":\n" + service.tail(LOG_TAIL_LINES));
            }
        }
        return Optional.empty();
    }

    /** Stops the services (in parallel), then PostgreSQL, then Kafka; releases the lock. Safe to call twice. */
    public synchronized void stop() {
        stopping = true;
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess service : services) {
            Thread stopper = new Thread(() -> service.stop(STOP_TIMEOUT), "stop-" + service.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        if (postgres != null) {
            postgres.stop();
            postgres = null;
        }
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        try {
            Files.deleteIfExists(settings.stateFile());
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warnf("Cannot clean up %s: %s", settings.runDirectory(), e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---- faults, for the reliability suite (deploy/reliability): each keeps the ports, the data and the settings

    /** SIGKILL to every replica of a service (no shutdown hooks, nothing flushed); returns when they are gone. */
    public synchronized void kill(String module) {
        replicas(module).forEach(process -> process.kill(STOP_TIMEOUT));
    }

    /** SIGKILL to one replica of a service (counted from 0); returns when the process is gone. */
    public synchronized void kill(String module, int replica) {
        replica(module, replica).kill(STOP_TIMEOUT);
    }

    /** Starts every replica of a service that was killed or stopped again, with the same environment; returns when they are ready. */
    public synchronized void restart(String module) {
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceProcess old : replicas(module)) {
            started.add(startAgain(old));
        }
        started.forEach(this::awaitReadyAgain);
        writeState(true);
    }

    /** Starts one replica of a service again, with the same environment and port; returns when it is ready. */
    public synchronized void restart(String module, int replica) {
        awaitReadyAgain(startAgain(replica(module, replica)));
        writeState(true);
    }

    /** Whether that replica's process runs. */
    public synchronized boolean alive(String module, int replica) {
        return replica(module, replica).alive();
    }

    /** The process id of one replica of a service. */
    public synchronized long pid(String module, int replica) {
        return replica(module, replica).pid();
    }

    private ServiceProcess startAgain(ServiceProcess old) {
        old.stop(STOP_TIMEOUT);
        ServiceProcess started = ServiceProcess.start(settings, old.service(), old.replica(),
                environment(old.service(), old.replica(), DevKeys.in(settings.keys())));
        services.set(services.indexOf(old), started);
        return started;
    }

    private void awaitReadyAgain(ServiceProcess started) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!started.ready()) {
            if (!started.alive() || System.nanoTime() > deadline) {
                throw new Failure(started.name() + " did not become ready again. The last lines of " + started.log() + ":\n"
                        + started.tail(LOG_TAIL_LINES));
            }
            sleep(POLL);
        }
    }

    /** Stops the Kafka broker (controlled shutdown); returns when its port refuses connections. */
    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
    }

    /** Starts the broker again on the same ports with the same data; returns when every partition has a leader. */
    public synchronized void startKafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.launchPersistent(settings.home().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        }
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are ended); returns when the server has exited. */
    public synchronized void stopPostgres() {
        if (postgres != null) {
            postgres.stop();
            postgres = null;
        }
    }

    /** Starts PostgreSQL again on the same port with the same data; returns when it answers. */
    public synchronized void startPostgres() {
        if (postgres == null) {
            postgres = PostgresProcess.launchPersistent(settings.home().resolve("postgres"), settings.postgresPort(),
                    settings.logs().resolve("postgres.log"));
        }
    }

    private List<ServiceProcess> replicas(String module) {
        List<ServiceProcess> replicas = services.stream().filter(s -> s.service().module().equals(module)).toList();
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("no service " + module + " in this stack");
        }
        return replicas;
    }

    private ServiceProcess replica(String module, int replica) {
        return replicas(module).stream().filter(s -> s.replica() == replica).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no replica " + replica + " of " + module + " in this stack"));
    }

    public Settings settings() {
        return settings;
    }

    public StackState state() {
        return state;
    }

    /** Every process of the stack by name (Kafka runs in this JVM), for status lines and tests. */
    public Map<String, Long> processes() {
        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put("werkdesk (Kafka)", ProcessHandle.current().pid());
        if (postgres != null) {
            processes.put("postgres", postgres.pid());
        }
        services.forEach(s -> processes.put(s.name(), s.pid()));
        return processes;
    }

    private void writeState(boolean ready) {
        List<StackState.ServiceEntry> entries = services.stream()
                .map(s -> new StackState.ServiceEntry(s.name(), s.port(), s.pid(), s.log().toString())).toList();
        state = new StackState(ProcessHandle.current().pid(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), detached, ready,
                settings.kafkaPort(), settings.postgresPort(), postgres == null ? -1 : postgres.pid(), entries);
        state.write(settings.stateFile());
    }

    /**
     * Processes a stack left behind when its launcher was killed (its state file is still there): services and the
     * database still running would hold the ports and the data folder.
     */
    private void stopLeftovers() {
        Optional<StackState> previous = StackState.read(settings.stateFile());
        if (previous.isEmpty()) {
            return;
        }
        List<Long> pids = new ArrayList<>();
        previous.get().services().forEach(s -> pids.add(s.pid()));
        pids.add(previous.get().postgresPid());
        for (long pid : pids) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(Stack::ours).ifPresent(process -> {
                progress.accept("  stopping " + process.info().command().orElse("process") + " (pid " + pid
                        + ") left over from a previous run");
                process.destroy();
                process.onExit().orTimeout(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                        .exceptionally(e -> {
                            process.destroyForcibly();
                            return process;
                        }).join();
            });
        }
    }

    /** A process of a previous stack: a service jar of this checkout or a postgres of this home. */
    static boolean ours(ProcessHandle process) {
        String commandLine = process.info().commandLine().orElse("");
        return commandLine.contains("quarkus-run.jar") || commandLine.contains("postgres");
    }

    private void checkPorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(settings.kafkaPort(), "Kafka (set WERKDESK_KAFKA_PORT or --kafka-port to use another)");
        ports.put(settings.kafkaControllerPort(), "the Kafka controller (the Kafka port + 1; set WERKDESK_KAFKA_PORT or --kafka-port)");
        ports.put(settings.postgresPort(), "PostgreSQL (set WERKDESK_PG_PORT or --postgres-port to use another)");
        settings.services().forEach(s -> {
            for (int replica = 0; replica < s.replicas(); replica++) {
                ports.put(s.port(replica), s.processName(replica));
            }
        });
        List<String> taken = new ArrayList<>();
        List<Integer> takenPorts = new ArrayList<>();
        ports.forEach((port, what) -> {
            if (inUse(port)) {
                taken.add("  port " + port + " for " + what);
                takenPorts.add(port);
            }
        });
        if (!taken.isEmpty()) {
            throw new Failure("Ports in use by another program:\n" + String.join("\n", taken)
                    + "\nStop that program (to see which one: ss -ltnp 'sport = :" + takenPorts.get(0) + "'), or move Kafka and"
                    + " PostgreSQL to free ports. If it is an earlier Werkdesk: ./werkdesk down");
        }
    }

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            // Nobody answers; make sure nobody holds it either (a port bound on another address).
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void createDirectories() {
        try {
            Files.createDirectories(settings.logs());
            Files.createDirectories(settings.home().resolve("kafka"));
            Files.createDirectories(settings.home().resolve("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create folders under " + settings.home(), e);
        }
    }

    private static String step(long started, String what) {
        return String.format("  [%5.1f s] %s", (System.nanoTime() - started) / 1e9, what);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Interrupted while waiting for the services");
        }
    }

    /**
     * Memory of a process and its descendants in bytes: their proportional set size (PSS, Linux /proc), which counts
     * memory they share (PostgreSQL's shared buffers) once, not once per backend as adding up RSS would. 0 when unknown.
     */
    public static long proportionalBytes(long pid) {
        long total = pss(pid);
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            total += process.get().descendants().mapToLong(p -> pss(p.pid())).sum();
        }
        return total;
    }

    private static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return rss(pid);
        }
        return rss(pid);
    }

    /** Resident memory of this one process in bytes (Linux /proc), 0 when unknown. */
    public static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
