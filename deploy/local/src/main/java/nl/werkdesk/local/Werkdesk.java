package nl.werkdesk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;

import nl.werkdesk.local.scenario.Api;
import nl.werkdesk.local.scenario.Plan;
import nl.werkdesk.local.scenario.Scenario;
import nl.werkdesk.local.scenario.ScenarioGenerator;
import nl.werkdesk.local.scenario.ScenarioPlayer;

/**
 * ./werkdesk: the local stack from one command. {@code up} starts it (in the foreground, or with --detach in the
 * background), {@code demo} also plays a scenario through the services' REST APIs and writes the pilot-end report,
 * {@code status}, {@code down}, {@code token ROLE} and {@code report} work on a running stack. A command-line tool: what it
 * tells the person at the terminal goes to standard output; the broker and the launcher itself log to
 * .werkdesk/logs/werkdesk.log.
 */
public final class Werkdesk {

    private static final String USAGE = String.join("\n",
            "Usage: ./werkdesk COMMAND [OPTIONS]",
            "",
            "  up [--detach] [--fresh] [--replicas N]",
            "                               start Kafka, PostgreSQL and the five services; Ctrl-C stops them",
            "                               (--detach: return once ready, ./werkdesk down stops; --replicas: N",
            "                               processes per service on consecutive ports, sharing its database)",
            "  demo [--scenario FILE] [--participants N] [--fresh]",
            "                               up, then play the Amsterdam pilot (or FILE) through the REST APIs",
            "                               and show its figures; --participants scales it for volume tests",
            "  report --as-of DATE [--location L] [--phase N]",
            "                               write the pilot-end report of a running stack to .werkdesk/reports/",
            "  status                       each process of a running stack, its health and memory",
            "  down                         stop a running stack",
            "  token ROLE                   a dev token: " + String.join(", ", DevKeys.ROLES),
            "",
            "  --kafka-port N, --postgres-port N (or WERKDESK_KAFKA_PORT, WERKDESK_PG_PORT): defaults 19092 and 15432.",
            "  --parallel N: calls in flight while playing a scenario (default 4).",
            "  --fresh: delete the Kafka and PostgreSQL data under .werkdesk/ first.",
            "Data and logs: .werkdesk/ (WERKDESK_HOME); the services' logs in .werkdesk/logs/.");

    private static final Duration LIVE_STATUS_INTERVAL = Duration.ofSeconds(3);
    private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(60);
    private static final int DEFAULT_PARALLELISM = 4;

    private final PrintStream out;
    private final Options options;
    private final Settings settings;

    private Werkdesk(PrintStream out, Options options, Settings settings) {
        this.out = out;
        this.options = options;
        this.settings = settings;
    }

    public static void main(String[] args) {
        // A command-line tool: its answers are for the person at the terminal.
        PrintStream out = System.out;
        int exit;
        try {
            Options options = Options.parse(args);
            Path root = Path.of(System.getProperty("werkdesk.root", System.getenv().getOrDefault("WERKDESK_ROOT", ".")));
            Settings settings = Settings.fromEnvironment(root, System.getenv(), options.kafkaPort, options.postgresPort,
                    options.replicas == null ? 1 : options.replicas);
            exit = new Werkdesk(out, options, settings).run();
        } catch (IllegalArgumentException | Stack.Failure e) {
            out.println();
            out.println(e.getMessage());
            exit = 1;
        }
        out.flush();
        System.exit(exit);
    }

    private int run() {
        return switch (options.command) {
            case "up" -> options.detach ? detach() : foreground(false, false);
            case "demo" -> running() && !options.fresh ? playAgainstRunning() : foreground(true, false);
            case "supervise" -> foreground(false, true);
            case "status" -> status();
            case "down" -> down();
            case "token" -> token();
            case "report" -> report();
            case "help" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> throw new IllegalArgumentException("Unknown command " + options.command + "\n\n" + USAGE);
        };
    }

    // ---- up, demo, supervise

    private int foreground(boolean demo, boolean supervised) {
        if (!supervised && running()) {
            throw new Stack.Failure(options.fresh ? "--fresh deletes the data of the stack that is running; ./werkdesk down first"
                    : Stack.alreadyRunning(settings));
        }
        if (options.fresh) {
            fresh();
        }
        logToFile(settings.logs().resolve("werkdesk.log"));
        out.println("Werkdesk: starting the local stack (data and logs in " + settings.home() + ")");
        Stack stack = Stack.start(settings, supervised, out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            out.println("Stopping the services, PostgreSQL and Kafka ...");
            stack.stop();
            out.println("Werkdesk stopped.");
            out.flush();
        }, "werkdesk-stop"));
        DevKeys keys = DevKeys.in(settings.keys());
        if (demo) {
            try {
                play(keys);
            } catch (RuntimeException e) {
                out.println();
                out.println("The scenario failed: " + e.getMessage());
                out.println("Logs: " + settings.logs());
                return 1;
            }
        }
        if (!supervised) {
            Headline.urls(out, settings);
            Headline.tokens(out, keys);
            out.println();
        }
        watch(stack, supervised);
        return 0;
    }

    /** Waits for Ctrl-C (or SIGTERM from ./werkdesk down); shows a compact status line meanwhile. */
    private void watch(Stack stack, boolean supervised) {
        boolean terminal = System.console() != null && !supervised;
        String shown = "";
        while (!stack.stopping()) {
            Optional<String> crashed = stack.crashed();
            String line = crashed.isPresent() ? "a service stopped; the others keep running" : liveLine(stack);
            if (crashed.isPresent() && !shown.startsWith("a service")) {
                out.println();
                out.println(crashed.get());
            }
            if (supervised) {
                // In the background only a crash is news; ./werkdesk status shows the rest.
                shown = line;
            } else if (terminal) {
                out.print("\r" + line + "   ");
            } else if (!line.replaceAll("memory [^|]*", "").equals(shown.replaceAll("memory [^|]*", ""))) {
                out.println(line);
            }
            out.flush();
            shown = line;
            try {
                Thread.sleep(LIVE_STATUS_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String liveLine(Stack stack) {
        List<String> ready = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        for (Settings.Service service : settings.services()) {
            for (int replica = 0; replica < service.replicas(); replica++) {
                String name = service.replicas() == 1 ? service.shortName() : service.shortName() + "-" + (replica + 1);
                (ServiceProcess.ready(service.port(replica)) ? ready : notReady).add(name);
            }
        }
        long rss = stack.processes().entrySet().stream()
                .mapToLong(e -> e.getKey().startsWith("postgres") ? Stack.proportionalBytes(e.getValue()) : Stack.rss(e.getValue())).sum();
        return "Werkdesk up | " + ready.size() + "/" + (ready.size() + notReady.size())
                + (settings.replicas() == 1 ? " services ready" : " service processes ready")
                + (notReady.isEmpty() ? "" : " (waiting: " + String.join(", ", notReady) + ")")
                + " | Kafka " + (Stack.inUse(settings.kafkaPort()) ? "up" : "DOWN")
                + " | PostgreSQL " + (Stack.inUse(settings.postgresPort()) ? "up" : "DOWN")
                + " | memory " + gigabytes(rss) + " | Ctrl-C stops";
    }

    private void play(DevKeys keys) {
        Scenario scenario = options.scenario == null ? Scenario.readResource(Scenario.AMSTERDAM_PILOT) : Scenario.read(options.scenario);
        Plan plan = options.participants == null ? ScenarioGenerator.plan(scenario) : ScenarioGenerator.plan(scenario, options.participants);
        ScenarioPlayer player = player(keys);
        Path marker = settings.home().resolve("scenarios").resolve(plan.runKey().replaceAll("[^A-Za-z0-9.-]", "_") + ".played");
        List<String> locations = plan.participants().stream().map(Plan.Participant::location).distinct().toList();
        if (Files.exists(marker)) {
            out.println();
            out.println("Scenario " + plan.name() + " (" + plan.participants().size() + " participants) was played into this data before;"
                    + " showing its figures. ./werkdesk demo --fresh plays it on empty data.");
        } else {
            out.println();
            out.println("Playing scenario " + plan.name() + " through the REST APIs: " + plan.participants().size() + " participants, "
                    + plan.employers().size() + " employers, " + plan.fairs().size() + " job fairs, " + plan.bookings().size()
                    + " ledger bookings");
            ScenarioPlayer.Result result = player.play(plan);
            out.printf("Played in %.1f s.%n", result.took().toMillis() / 1000.0);
            if (!result.differences().isEmpty()) {
                out.println("Reporting-service does not show what the scenario implies (yet):");
                result.differences().forEach((name, difference) -> out.println("  " + name + ": " + difference));
            }
            try {
                Files.createDirectories(marker.getParent());
                Files.writeString(marker, result.summary().toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + marker, e);
            }
        }
        Headline.figures(out, player, plan.title(), plan.asOf(), locations, settings);
        Path report = Reports.write(settings, keys, plan.asOf(), null, null);
        out.println();
        out.println("The pilot-end report as of " + plan.asOf() + " (open it in a browser, or print it): " + report);
    }

    private ScenarioPlayer player(DevKeys keys) {
        Map<String, String> tokens = new LinkedHashMap<>();
        DevKeys.ROLES.forEach(role -> tokens.put(role, keys.token(role)));
        Map<String, java.net.URI> services = new LinkedHashMap<>();
        settings.services().forEach(s -> services.put(s.shortName(), s.uri()));
        return new ScenarioPlayer(new Api(services, tokens::get), out::println,
                options.parallel == null ? DEFAULT_PARALLELISM : options.parallel, PROPAGATION_TIMEOUT);
    }

    private int playAgainstRunning() {
        out.println("Werkdesk is already running; playing the scenario against it.");
        DevKeys keys = DevKeys.in(settings.keys());
        play(keys);
        Headline.urls(out, settings);
        Headline.tokens(out, keys);
        return 0;
    }

    /** Starts the stack as a background process in its own session and returns once it is ready. */
    private int detach() {
        if (running()) {
            throw new Stack.Failure(Stack.alreadyRunning(settings));
        }
        if (options.fresh) {
            fresh();
        }
        Path output = settings.logs().resolve("werkdesk.out");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(ServiceProcess.javaExecutable());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Werkdesk.class.getName());
        command.add("supervise");
        if (options.kafkaPort != null) {
            command.add("--kafka-port=" + options.kafkaPort);
        }
        if (options.postgresPort != null) {
            command.add("--postgres-port=" + options.postgresPort);
        }
        if (options.replicas != null) {
            command.add("--replicas=" + options.replicas);
        }
        Process supervisor;
        try {
            Files.createDirectories(settings.logs());
            supervisor = new ProcessBuilder(command).directory(settings.root().toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the stack in the background", e);
        }
        long shown = 0;
        while (true) {
            shown = echo(output, shown);
            Optional<StackState> state = StackState.read(settings.stateFile());
            if (state.isPresent() && state.get().ready() && state.get().supervisorPid() == supervisor.pid()) {
                echo(output, shown);
                out.println("Werkdesk runs in the background (pid " + supervisor.pid() + "). ./werkdesk status shows it,"
                        + " ./werkdesk down stops it; its output: " + output);
                Headline.urls(out, settings);
                return 0;
            }
            if (!supervisor.isAlive()) {
                echo(output, shown);
                out.println("The stack did not start; see above and " + settings.logs());
                return 1;
            }
            pause(Duration.ofMillis(300));
        }
    }

    /** Prints what was added to the file since {@code from}; answers the new position. */
    private long echo(Path file, long from) {
        try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
            if (reader.length() <= from) {
                return from;
            }
            reader.seek(from);
            byte[] added = new byte[(int) (reader.length() - from)];
            reader.readFully(added);
            out.print(new String(added, StandardCharsets.UTF_8));
            out.flush();
            return from + added.length;
        } catch (IOException e) {
            return from;
        }
    }

    private void fresh() {
        if (running()) {
            throw new Stack.Failure("--fresh deletes the data of a stack that is running; ./werkdesk down first");
        }
        for (String folder : List.of("kafka", "postgres", "scenarios")) {
            Path path = settings.home().resolve(folder);
            if (Files.exists(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot delete " + path, e);
                }
            }
        }
        out.println("Deleted the Kafka and PostgreSQL data under " + settings.home());
    }

    // ---- status, down, token

    /** Whether a stack holds the lock of this home. */
    private boolean running() {
        if (!Files.exists(settings.lockFile())) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(settings.lockFile(), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private int status() {
        Optional<StackState> state = StackState.read(settings.stateFile());
        if (!running() || state.isEmpty()) {
            out.println("Werkdesk is not running" + (state.isPresent() ? " (a previous run left its state file; ./werkdesk down cleans up)" : "")
                    + ". ./werkdesk up starts it.");
            return 3;
        }
        StackState s = state.get();
        out.println("Werkdesk is running (pid " + s.supervisorPid() + ", since " + s.startedAt() + ", "
                + (s.detached() ? "in the background" : "in a terminal") + (s.ready() ? "" : ", still starting") + "); data in "
                + settings.home());
        out.printf("  %-22s %8s %6s  %-10s %9s  %s%n", "process", "pid", "port", "state", "memory", "log");
        long total = 0;
        long own = Stack.rss(s.supervisorPid());
        total += own;
        out.printf("  %-22s %8d %6d  %-10s %9s  %s%n", "werkdesk + Kafka", s.supervisorPid(), s.kafkaPort(),
                Stack.inUse(s.kafkaPort()) ? "up" : "down", megabytes(own), settings.logs().resolve("werkdesk.log"));
        // PostgreSQL's processes share memory: their proportional share (PSS) adds up honestly, their RSS does not.
        long pg = Stack.proportionalBytes(s.postgresPid());
        total += pg;
        out.printf("  %-22s %8d %6d  %-10s %9s  %s%n", "postgres", s.postgresPid(), s.postgresPort(),
                Stack.inUse(s.postgresPort()) ? "up" : "down", megabytes(pg), settings.logs().resolve("postgres.log"));
        for (StackState.ServiceEntry service : s.services()) {
            boolean alive = ProcessHandle.of(service.pid()).map(ProcessHandle::isAlive).orElse(false);
            long rss = alive ? Stack.rss(service.pid()) : 0;
            total += rss;
            String health = !alive ? "stopped" : ServiceProcess.ready(service.port()) ? "ready" : "not ready";
            out.printf("  %-22s %8d %6d  %-10s %9s  %s%n", service.name(), service.pid(), service.port(), health, megabytes(rss), service.log());
        }
        out.println("  memory in all " + megabytes(total) + " (RSS of each JVM, PSS of PostgreSQL's processes)");
        return 0;
    }

    private int down() {
        Optional<StackState> state = StackState.read(settings.stateFile());
        if (state.isEmpty()) {
            out.println(running() ? "Werkdesk is starting and has no state yet; try again in a moment."
                    : "Werkdesk is not running.");
            return running() ? 1 : 0;
        }
        StackState s = state.get();
        Optional<ProcessHandle> supervisor = ProcessHandle.of(s.supervisorPid()).filter(ProcessHandle::isAlive);
        if (supervisor.isPresent()) {
            out.println("Stopping Werkdesk (pid " + s.supervisorPid() + "): the services, then PostgreSQL and Kafka ...");
            supervisor.get().destroy();
            long deadline = System.nanoTime() + DOWN_TIMEOUT.toNanos();
            while (supervisor.get().isAlive() && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(200));
            }
            if (supervisor.get().isAlive()) {
                out.println("It did not stop within " + DOWN_TIMEOUT.toSeconds() + " s; killing it.");
                supervisor.get().destroyForcibly();
            }
        }
        List<Long> leftovers = new ArrayList<>();
        s.services().forEach(service -> leftovers.add(service.pid()));
        leftovers.add(s.postgresPid());
        for (long pid : leftovers) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(Stack::ours).ifPresent(process -> {
                out.println("  stopping leftover " + process.info().command().orElse("process") + " (pid " + pid + ")");
                process.destroy();
                process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
                    process.destroyForcibly();
                    return process;
                }).join();
            });
        }
        try {
            Files.deleteIfExists(settings.stateFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + settings.stateFile(), e);
        }
        List<Integer> busy = new ArrayList<>();
        List<Integer> ports = new ArrayList<>(List.of(s.kafkaPort(), s.kafkaPort() + 1, s.postgresPort()));
        s.services().forEach(service -> ports.add(service.port()));
        ports.stream().filter(Stack::inUse).forEach(busy::add);
        out.println(busy.isEmpty() ? "Werkdesk stopped; its ports are free." : "Werkdesk stopped, but ports " + busy + " are still in use.");
        return busy.isEmpty() ? 0 : 1;
    }

    private int token() {
        if (options.arguments.size() != 1) {
            throw new IllegalArgumentException("Usage: ./werkdesk token ROLE (" + String.join(", ", DevKeys.ROLES) + ")");
        }
        out.println(DevKeys.in(settings.keys()).token(options.arguments.get(0)));
        return 0;
    }

    private int report() {
        if (options.asOf == null) {
            throw new IllegalArgumentException("Usage: ./werkdesk report --as-of DATE [--location L] [--phase N]");
        }
        if (!running()) {
            throw new Stack.Failure("Werkdesk is not running: the report is made by reporting-service. ./werkdesk up --detach starts it.");
        }
        out.println(Reports.write(settings, DevKeys.in(settings.keys()), options.asOf, options.location, options.phase));
        return 0;
    }

    // ---- helpers

    /** The launcher's own logging (and the broker's, which runs in this JVM) goes to a file, not the terminal. */
    private static void logToFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            for (Handler handler : root.getHandlers()) {
                root.removeHandler(handler);
            }
            FileHandler handler = new FileHandler(file.toFile(), true);
            handler.setFormatter(new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{3.}] (%t) %s%e%n"));
            root.addHandler(handler);
            root.setLevel(Level.INFO);
            for (String chatty : List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky")) {
                java.util.logging.Logger.getLogger(chatty).setLevel(Level.WARNING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot log to " + file, e);
        }
    }

    private static String megabytes(long bytes) {
        return bytes <= 0 ? "-" : (bytes / (1024 * 1024)) + " MB";
    }

    private static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ENGLISH, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command line: a command, its arguments, and --name value or --name=value options. */
    static final class Options {
        String command = "help";
        final List<String> arguments = new ArrayList<>();
        boolean detach;
        boolean fresh;
        Integer kafkaPort;
        Integer postgresPort;
        Integer replicas;
        Integer participants;
        Integer parallel;
        Integer phase;
        String location;
        LocalDate asOf;
        Path scenario;

        static Options parse(String[] args) {
            Options options = new Options();
            List<String> words = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--") && arg.contains("=")) {
                    words.add(arg.substring(0, arg.indexOf('=')));
                    words.add(arg.substring(arg.indexOf('=') + 1));
                } else {
                    words.add(arg);
                }
            }
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                switch (word) {
                    case "--detach", "-d" -> options.detach = true;
                    case "--fresh" -> options.fresh = true;
                    case "--kafka-port" -> options.kafkaPort = number(word, words, ++i);
                    case "--postgres-port" -> options.postgresPort = number(word, words, ++i);
                    case "--replicas" -> options.replicas = number(word, words, ++i);
                    case "--participants" -> options.participants = number(word, words, ++i);
                    case "--parallel" -> options.parallel = number(word, words, ++i);
                    case "--scenario" -> options.scenario = Path.of(value(word, words, ++i));
                    case "--as-of" -> options.asOf = date(word, value(word, words, ++i));
                    case "--location" -> options.location = value(word, words, ++i);
                    case "--phase" -> options.phase = number(word, words, ++i);
                    case "--help", "-h" -> options.command = "help";
                    default -> {
                        if (word.startsWith("-")) {
                            throw new IllegalArgumentException("Unknown option " + word + "\n\n" + USAGE);
                        }
                        if (i == 0) {
                            options.command = word;
                        } else {
                            options.arguments.add(word);
                        }
                    }
                }
            }
            if (options.scenario != null && !Files.isReadable(options.scenario)) {
                throw new IllegalArgumentException("Cannot read scenario file " + options.scenario);
            }
            return options;
        }

        private static String value(String option, List<String> words, int index) {
            if (index >= words.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return words.get(index);
        }

        private static LocalDate date(String option, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " needs a date as yyyy-mm-dd, not " + value);
            }
        }

        private static int number(String option, List<String> words, int index) {
            String value = value(option, words, index);
            try {
                int number = Integer.parseInt(value);
                if (number < 1) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
            }
        }
    }
}
