package nl.werkdesk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import io.smallrye.jwt.build.Jwt;
import nl.werkdesk.local.DevKeys;
import nl.werkdesk.local.Settings;
import nl.werkdesk.local.Stack;
import nl.werkdesk.local.scenario.Api;
import nl.werkdesk.local.scenario.Plan;
import nl.werkdesk.local.scenario.Scenario;
import nl.werkdesk.local.scenario.ScenarioGenerator;
import nl.werkdesk.local.scenario.ScenarioPlayer;
import nl.werkdesk.testing.JwtKeys;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.OpenApiContract;
import nl.werkdesk.testing.PostgresProcess;

/**
 * The one stack every test class of the suite shares: the launcher's own {@link Stack} (Kafka, PostgreSQL, the five
 * service jars, each as {@link #REPLICAS} processes sharing its database and consumer group) on free loopback ports in
 * a fresh home under target/, started on first use, seeded with a small pilot played through REST, and stopped when
 * the test session closes ({@link ReliabilitySession}).
 */
final class ReliabilityStack {

    private static final Logger LOG = Logger.getLogger(ReliabilityStack.class);
    static final Path ROOT = Path.of(System.getProperty("werkdesk.root", "../..")).toAbsolutePath().normalize();
    static final String SEED_SCENARIO = "scenarios/reliability-seed.json";
    /** How long an event may take to travel from one service to another, on a busy 2-core machine. */
    static final Duration PROPAGATION = Duration.ofSeconds(90);
    /** How long the suite waits for a rebuild of a service in another shell to finish before it copies the jars. */
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(3);
    /** Processes per service, as production scales them (system property werkdesk.reliability.replicas, default 2). */
    static final int REPLICAS = Integer.getInteger("werkdesk.reliability.replicas", 2);

    static final String PARTICIPANT = "participant-service";
    static final String EMPLOYER = "employer-service";
    static final String PERMIT = "permit-service";
    static final String PLACEMENT = "placement-service";
    static final String REPORTING = "reporting-service";

    private static ReliabilityStack instance;

    final Settings settings;
    final Stack stack;
    final DevKeys keys;
    final Plan seed;
    private final PrivateKey privateKey;

    private ReliabilityStack(Settings settings, Stack stack, Plan seed) {
        this.settings = settings;
        this.stack = stack;
        this.keys = DevKeys.in(settings.keys());
        this.seed = seed;
        this.privateKey = readPrivateKey(settings.keys().resolve("private.pem"));
    }

    static synchronized ReliabilityStack get() {
        if (instance == null) {
            Settings settings = freshSettings();
            Stack stack = Stack.start(settings, false, LOG::info);
            try {
                Plan plan = ScenarioGenerator.plan(Scenario.readResource(SEED_SCENARIO));
                ReliabilityStack started = new ReliabilityStack(settings, stack, plan);
                ScenarioPlayer.Result result = started.player().play(plan);
                if (!result.differences().isEmpty()) {
                    throw new IllegalStateException("the seed scenario did not add up: " + result.differences());
                }
                LOG.infof("seeded with %s in %d s", SEED_SCENARIO, result.took().toSeconds());
                instance = started;
            } catch (RuntimeException e) {
                stack.stop();
                throw e;
            }
        }
        return instance;
    }

    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stack.stop();
            // The copied jars only; the logs stay for whoever reads a failure.
            deleteQuietly(instance.settings.root());
            instance = null;
        }
    }

    ScenarioPlayer player() {
        Map<String, URI> services = new LinkedHashMap<>();
        settings.services().forEach(s -> services.put(s.shortName(), s.uri()));
        return new ScenarioPlayer(new Api(services, keys::token, OpenApiContract::assertValid), LOG::info, 4, PROPAGATION);
    }

    Settings.Service service(String module) {
        return settings.services().stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
    }

    /** http://localhost:PORT/api/v1 + path of a service's first replica. */
    URI api(String module, String path) {
        return api(module, 0, path);
    }

    /** http://localhost:PORT/api/v1 + path of one replica of a service (from 0). */
    URI api(String module, int replica, String path) {
        return URI.create("http://127.0.0.1:" + service(module).port(replica) + "/api/v1" + path);
    }

    URI uri(String module, String path) {
        return uri(module, 0, path);
    }

    URI uri(String module, int replica, String path) {
        return URI.create("http://127.0.0.1:" + service(module).port(replica) + path);
    }

    // ---- tokens

    String bearer(String role) {
        return "Bearer " + keys.token(role);
    }

    String expired(String role) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return "Bearer " + Jwt.claims().issuer(DevKeys.ISSUER).subject("dev-" + role).upn("dev-" + role).groups(Set.of(role))
                .issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))).sign(privateKey);
    }

    String signedByForeignKey(String role) {
        Instant now = Instant.now();
        return "Bearer " + Jwt.claims().issuer(DevKeys.ISSUER).subject("dev-" + role).upn("dev-" + role).groups(Set.of(role))
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).sign(JwtKeys.newKeyPair().getPrivate());
    }

    String withIssuer(String issuer, String role) {
        Instant now = Instant.now();
        return "Bearer " + Jwt.claims().issuer(issuer).subject("dev-" + role).upn("dev-" + role).groups(Set.of(role))
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).sign(privateKey);
    }

    String noRole() {
        Instant now = Instant.now();
        return "Bearer " + Jwt.claims().issuer(DevKeys.ISSUER).subject("dev-nobody").upn("dev-nobody")
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).sign(privateKey);
    }

    // ---- what the stack holds

    KafkaTopicReader topics() {
        return new KafkaTopicReader(settings.kafkaBootstrap());
    }

    /** A read-only JDBC connection to a service's database. */
    Connection database(String module) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/"
                    + service(module).database(), PostgresProcess.SUPERUSER, PostgresProcess.PASSWORD);
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database of " + module, e);
        }
    }

    /** Rows of a query as lists of strings. */
    List<List<String>> query(String module, String sql) {
        try (Connection connection = database(module); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<List<String>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + module + ": " + e.getMessage(), e);
        }
    }

    long count(String module, String sql) {
        return Long.parseLong(query(module, sql).get(0).get(0));
    }

    // ---- setup

    private static Settings freshSettings() {
        try {
            Path target = ROOT.resolve("deploy/reliability/target");
            Files.createDirectories(target);
            Path home = Files.createTempDirectory(target, "reliability-");
            // The services' modules, copied; their ports come with the free ones below.
            Path jars = snapshot(home.resolve("jars"), Settings.services(Settings.DEFAULT_FIRST_SERVICE_PORT));
            return Settings.onFreePorts(jars, home, List.of(Settings.DEFAULT_SERVICE_JAVA_OPTIONS.split(" ")), REPLICAS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of each service's quarkus-app and OpenAPI document, run from there: a service started again mid-suite
     * must be the same build, and a JVM loads classes from its jars lazily, so a rebuild in the checkout while the
     * suite runs (another shell, an IDE) would otherwise pull the jars from under the running services.
     */
    private static Path snapshot(Path jars, List<Settings.Service> modules) {
        // A build in another shell may be rewriting a quarkus-app right now: copy once every jar is there, and again
        // if one vanished while copying.
        return Await.until("a complete copy of the services' builds (is one being rebuilt?)", SNAPSHOT_TIMEOUT, () -> {
            try {
                deleteQuietly(jars);
                copy(jars, modules);
                return modules.stream().allMatch(s -> Files.isRegularFile(s.jar(jars))
                        && Files.isRegularFile(jars.resolve(s.module()).resolve("target/openapi/openapi.json"))) ? jars : null;
            } catch (IOException | UncheckedIOException e) {
                LOG.infof("copying the services' builds failed (%s), trying again", e.getMessage());
                return null;
            }
        });
    }

    private static void copy(Path jars, List<Settings.Service> modules) throws IOException {
        for (Settings.Service service : modules) {
            for (String part : List.of("target/quarkus-app", "target/openapi")) {
                Path from = ROOT.resolve(service.module()).resolve(part);
                if (!Files.isDirectory(from)) {
                    throw new Stack.Failure("Not built yet: " + service.module() + " (no " + from + "). Run ./mvnw -q -B package -DskipTests -pl "
                            + service.module());
                }
                Path to = jars.resolve(service.module()).resolve(part);
                try (var files = Files.walk(from)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Path copy = to.resolve(from.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(copy);
                        } else {
                            Files.copy(file, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    }
                }
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("cannot delete %s: %s", folder, e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
