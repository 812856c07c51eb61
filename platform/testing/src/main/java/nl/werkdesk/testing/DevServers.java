package nl.werkdesk.testing;

import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * A Kafka broker and a PostgreSQL server for running the services on a developer's machine, until the local
 * stack (./werkdesk) exists: fixed ports, data kept under .werkdesk/, one database per service, every topic,
 * and a development key pair with a caseworker token to try the API with. Ctrl-C stops both.
 *
 * <p>{@code ./mvnw -q -pl platform/testing exec:java} (ports: WERKDESK_KAFKA_PORT, WERKDESK_PG_PORT).
 */
public final class DevServers {

    static final List<String> DATABASES = List.of("participant", "employer", "permit", "placement", "reporting");
    static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
    static final String ISSUER = "urn:werkdesk:local";

    private DevServers() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(setting("WERKDESK_HOME", ".werkdesk")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(setting("WERKDESK_KAFKA_PORT", "19092"));
        int postgresPort = Integer.parseInt(setting("WERKDESK_PG_PORT", "15432"));

        EmbeddedKafka kafka = EmbeddedKafka.launchPersistent(home.resolve("kafka"), kafkaPort, kafkaPort + 1);
        KafkaAdmin.createTopics(kafka.bootstrapServers(), KafkaTestResource.standardTopics(), KafkaTestResource.PARTITIONS);
        PostgresProcess.launchPersistent(home.resolve("postgres"), postgresPort);
        createDatabases(postgresPort);
        Path keys = home.resolve("dev-keys");
        PrivateKey signingKey = devKeys(keys);

        String token = Jwt.claims().issuer(ISSUER).subject("dev-caseworker").upn("dev-caseworker")
                .groups(Set.of("caseworker")).issuedAt(Instant.now()).expiresAt(Instant.now().plus(TOKEN_LIFETIME))
                .sign(signingKey);
        String report = String.join("\n",
                "",
                "Kafka on " + kafka.bootstrapServers() + ", PostgreSQL on 127.0.0.1:" + postgresPort + " (user postgres), data in " + home,
                "In another terminal, to run participant-service:",
                "  export WERKDESK_KAFKA=" + kafka.bootstrapServers(),
                "  export WERKDESK_DB_REACTIVE_URL=postgresql://127.0.0.1:" + postgresPort + "/participant",
                "  export WERKDESK_DB_JDBC_URL=jdbc:postgresql://127.0.0.1:" + postgresPort + "/participant",
                "  export WERKDESK_JWT_PUBLIC_KEY=" + keys.resolve("public.pem"),
                "  export WERKDESK_JWT_ISSUER=" + ISSUER,
                "  java -jar participant-service/target/quarkus-app/quarkus-run.jar",
                "A caseworker token (valid for " + TOKEN_LIFETIME.toHours() + " hours):",
                "  Authorization: Bearer " + token,
                "Ctrl-C stops Kafka and PostgreSQL; their data stays in " + home,
                "");
        // A command-line tool: its answer is for the person at the terminal, so it goes to standard output.
        System.out.println(report);
        Thread.currentThread().join();
    }

    private static void createDatabases(int port) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                PostgresProcess.SUPERUSER, PostgresProcess.PASSWORD)) {
            for (String database : DATABASES) {
                try (ResultSet exists = connection.createStatement()
                        .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!exists.next()) {
                        connection.createStatement().execute("CREATE DATABASE \"" + database + "\"");
                    }
                }
            }
        }
    }

    /** The development key pair, made once and kept: tokens stay valid across restarts. */
    private static PrivateKey devKeys(Path directory) throws Exception {
        Path publicKey = directory.resolve("public.pem");
        Path privateKey = directory.resolve("private.pem");
        if (!Files.exists(publicKey) || !Files.exists(privateKey)) {
            Files.createDirectories(directory);
            KeyPair pair = JwtKeys.newKeyPair();
            JwtKeys.writePublicKey(publicKey, pair);
            JwtKeys.writePrivateKey(privateKey, pair);
        }
        String pem = Files.readString(privateKey, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String setting(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
