package nl.werkdesk.testing;

import org.apache.kafka.common.utils.AppInfoParser;
import org.jboss.logging.Logger;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The servers as Testcontainers containers ({@code -Dwerkdesk.test.backend=testcontainers}), one of each per JVM. Only
 * this class names Testcontainers, and only {@link TestBackend#TESTCONTAINERS} loads it, so the default build never
 * touches Docker. Testcontainers' Ryuk container removes them when the JVM exits. A restarted container gets another
 * port, so they cannot be stopped and started like the embedded servers: they answer to {@code isExternal()}.
 */
final class Containers {

    private static final Logger LOG = Logger.getLogger(Containers.class);
    /** The broker version the embedded broker runs: that of the kafka-clients jar, which the build aligns with it. */
    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka").withTag(AppInfoParser.getVersion());
    static final DockerImageName POSTGRES_IMAGE = DockerImageName.parse("postgres:17");

    private Containers() {
    }

    /** A started broker: its bootstrap servers (host:port). */
    static String kafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        LOG.infof("Kafka container %s at %s", KAFKA_IMAGE, kafka.getBootstrapServers());
        return kafka.getBootstrapServers();
    }

    /** A started PostgreSQL, as {@code postgresql://user:password@host:port}, the form of {@value PostgresServer#EXTERNAL_SERVER_ENV}. */
    static String postgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
        postgres.start();
        LOG.infof("PostgreSQL container %s at %s:%d", POSTGRES_IMAGE, postgres.getHost(),
                postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT));
        return "postgresql://" + encode(postgres.getUsername()) + ":" + encode(postgres.getPassword()) + "@" + postgres.getHost() + ":"
                + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
