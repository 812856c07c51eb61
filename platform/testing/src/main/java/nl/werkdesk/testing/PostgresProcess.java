package nl.werkdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 17 from zonky's embedded binaries, run as a child process on a port and data folder fixed at launch,
 * so that a stopped server starts again on the same port with its data. Public for the local stack (deploy/local).
 */
public final class PostgresProcess {

    public static final String SUPERUSER = "postgres";
    /** The server trusts every local login; a non-empty password keeps config expressions in services resolvable. */
    public static final String PASSWORD = "postgres";

    private static final Logger LOG = Logger.getLogger(PostgresProcess.class);
    private static final int LAUNCH_ATTEMPTS = 3;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final Path directory;
    private EmbeddedPostgres server;

    /** Where the server's own output goes; null: zonky's logger. */
    private Path logFile;

    /** False for tests: a test server never has to survive a crash, so it skips the disk syncs. */
    private boolean durable;

    private PostgresProcess(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** Initialises a fresh data folder and starts the server on a free loopback port; stops it at JVM exit. */
    static PostgresProcess launch() {
        QuietLogging.warnOnly("io.zonky");
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt++) {
            PostgresProcess postgres = new PostgresProcess(Ports.freePorts(1)[0],
                    TempDirectories.create("werkdesk-postgres-"));
            try {
                postgres.startServer();
                Runtime.getRuntime().addShutdownHook(new Thread(postgres::shutdownForGood,
                        "werkdesk-postgres-shutdown"));
                LOG.infof("PostgreSQL 17 (embedded) listening on %s:%d, user %s, data in %s", Ports.LOOPBACK,
                        postgres.port, SUPERUSER, postgres.directory);
                return postgres;
            } catch (RuntimeException e) {
                postgres.shutdownForGood();
                if (!Ports.acceptsConnections(postgres.port)) {
                    throw e;
                }
                // Another process took the port between choosing and binding it: choose again.
                lastFailure = e;
            }
        }
        throw new IllegalStateException("PostgreSQL could not bind a free port in " + LAUNCH_ATTEMPTS + " attempts",
                lastFailure);
    }

    /**
     * A server on a fixed loopback port whose data stays in {@code directory} across runs, for running the services
     * on a developer's machine (with fsync: this data should survive); its output goes to {@code logFile}. The
     * caller stops it ({@link #stop()}), after the services that use it.
     */
    public static PostgresProcess launchPersistent(Path directory, int port, Path logFile) {
        QuietLogging.warnOnly("io.zonky");
        PostgresProcess postgres = new PostgresProcess(port, directory);
        postgres.durable = true;
        postgres.logFile = logFile;
        postgres.startServer();
        LOG.infof("PostgreSQL 17 (embedded) listening on %s:%d, user %s, data in %s", Ports.LOOPBACK, port, SUPERUSER, directory);
        return postgres;
    }

    public int port() {
        return port;
    }

    /** The postmaster's process id while it runs (from postmaster.pid in the data folder), or -1. */
    public long pid() {
        try {
            return Long.parseLong(java.nio.file.Files.readAllLines(directory.resolve("data").resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        String url = "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/postgres";
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, SUPERUSER, PASSWORD);
                java.sql.PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (java.sql.ResultSet found = exists.executeQuery()) {
                if (!found.next()) {
                    connection.createStatement().execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on port " + port, e);
        }
    }

    /** Fast shutdown (open sessions are ended); returns when the port refuses connections and the server has exited. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long postmaster = pid();
        closeQuietly(server);
        server = null;
        Ports.awaitClosed(port, STOP_TIMEOUT);
        // The postmaster closes its socket first and exits after the shutdown checkpoint.
        ProcessHandle.of(postmaster).ifPresent(process -> {
            try {
                process.onExit().get(STOP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warnf("PostgreSQL (pid %d) still runs %s after its shutdown", postmaster, STOP_TIMEOUT);
            }
        });
        LOG.infof("PostgreSQL on %s:%d stopped", Ports.LOOPBACK, port);
    }

    /** Returns when the server answers queries again. */
    synchronized void start() {
        if (server != null) {
            return;
        }
        startServer();
        LOG.infof("PostgreSQL on %s:%d started again", Ports.LOOPBACK, port);
    }

    private void startServer() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (logFile != null) {
                builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            }
            server = builder
                    .setPort(port)
                    .setDataDirectory(directory.resolve("data"))
                    // Keep the data: start() after stop() must find what the tests wrote.
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on " + Ports.LOOPBACK + ":" + port, e);
        }
    }

    private void shutdownForGood() {
        synchronized (this) {
            if (server != null) {
                closeQuietly(server);
                server = null;
            }
        }
        TempDirectories.deleteQuietly(directory);
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("PostgreSQL did not shut down cleanly", e);
        }
    }
}
