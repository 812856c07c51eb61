package nl.werkdesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One replica of a service of the suite as a child process: its own JVM, environment, port and log file. */
final class ServiceProcess {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Extra time to stop a JVM that writes its class data archive: a few seconds alone, but five services writing
     * theirs at once on two busy cores took more than 30 s.
     */
    static final Duration ARCHIVE_WRITING = Duration.ofSeconds(30);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(HEALTH_TIMEOUT).build();

    private final Settings.Service service;
    private final int replica;
    private final Path log;
    private final Process process;
    private final ClassDataArchive classData;

    private ServiceProcess(Settings.Service service, int replica, Path log, Process process, ClassDataArchive classData) {
        this.service = service;
        this.replica = replica;
        this.log = log;
        this.process = process;
        this.classData = classData;
    }

    /**
     * Starts {@code java OPTIONS -jar quarkus-run.jar} with the environment that points the service at the stack. In
     * its own session (setsid) where the machine has it, so that Ctrl-C reaches the launcher only, which then stops
     * the services before the broker and the database. With the service's class data archive (see
     * {@link ClassDataArchive}; only the first replica records it, the others map it once it is there).
     */
    static ServiceProcess start(Settings settings, Settings.Service service, int replica, Map<String, String> environment) {
        Path log = settings.logs().resolve(service.processName(replica) + ".log");
        try {
            Files.createDirectories(settings.logs());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                command.add(SETSID.toString());
            }
            command.add(javaExecutable());
            command.addAll(settings.serviceJavaOptions());
            ClassDataArchive classData = replica == 0 ? ClassDataArchive.of(settings, service) : ClassDataArchive.of(settings, service).mapOnly();
            command.addAll(classData.javaOptions());
            command.add("-jar");
            command.add(service.jar(settings.root()).toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(settings.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            return new ServiceProcess(service, replica, log, builder.start(), classData);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.processName(replica), e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Settings.Service service() {
        return service;
    }

    int replica() {
        return replica;
    }

    /** participant-service, or participant-service-2 when the service runs more than once. */
    String name() {
        return service.processName(replica);
    }

    int port() {
        return service.port(replica);
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    boolean ready() {
        return ready(port());
    }

    /** GET /q/health/ready answers 200: the database and Kafka are reachable. */
    static boolean ready(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(HEALTH_TIMEOUT).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * SIGTERM (Quarkus shuts down gracefully; on a first run the JVM then writes its class data archive), then SIGKILL
     * if it is still there after the timeout.
     */
    void stop(Duration timeout) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        Duration grace = classData.recording() ? timeout.plus(ARCHIVE_WRITING) : timeout;
        boolean byItself = false;
        try {
            byItself = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!byItself) {
                process.destroyForcibly();
                process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (!process.isAlive()) {
            classData.processEnded(byItself, process.exitValue());
        }
    }

    /** SIGKILL, as a crash or the kernel's OOM killer would end it; returns when the process is gone. */
    void kill(Duration timeout) {
        process.destroyForcibly();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name() + " (pid " + process.pid() + ") still runs after SIGKILL");
            }
            classData.processEnded(false, process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log at " + file + ")";
            }
            List<String> all = Files.readAllLines(file);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
