package nl.werkdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which servers a test run gets for which property and environment. */
class TestBackendTest {

    private static final String KAFKA = KafkaBroker.EXTERNAL_BROKER_ENV;
    private static final String PG = PostgresServer.EXTERNAL_SERVER_ENV;

    @Test
    void embeddedWithoutPropertyOrVariable() {
        assertEquals(TestBackend.EMBEDDED, TestBackend.choose(null, Map.of(), KAFKA));
        assertEquals(TestBackend.EMBEDDED, TestBackend.choose("", Map.of(), PG));
        assertEquals(TestBackend.EMBEDDED, TestBackend.choose("embedded", Map.of(KAFKA, " "), KAFKA));
    }

    @Test
    void externalWhenTheVariableNamesAServer() {
        assertEquals(TestBackend.EXTERNAL, TestBackend.choose(null, Map.of(KAFKA, "localhost:9092"), KAFKA));
        assertEquals(TestBackend.EXTERNAL, TestBackend.choose("embedded", Map.of(PG, "postgresql://u:p@h:5432"), PG));
    }

    @Test
    void eachServerReadsItsOwnVariable() {
        Map<String, String> onlyKafka = Map.of(KAFKA, "localhost:9092");
        assertEquals(TestBackend.EXTERNAL, TestBackend.choose(null, onlyKafka, KAFKA));
        assertEquals(TestBackend.EMBEDDED, TestBackend.choose(null, onlyKafka, PG));
    }

    @Test
    void testcontainersWhenThePropertyAsks() {
        assertEquals(TestBackend.TESTCONTAINERS, TestBackend.choose("testcontainers", Map.of(), KAFKA));
        assertEquals(TestBackend.TESTCONTAINERS, TestBackend.choose(" TestContainers ", Map.of(), PG));
    }

    @Test
    void refusesContainersAndAnExternalServerAtOnce() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TestBackend.choose("testcontainers", Map.of(PG, "postgresql://u:p@h:5432"), PG));
        assertTrue(refused.getMessage().contains(PG), refused.getMessage());
    }

    @Test
    void refusesAnUnknownBackend() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestBackend.choose("docker", Map.of(), KAFKA));
        assertTrue(refused.getMessage().contains(TestBackend.PROPERTY), refused.getMessage());
    }

    @Test
    void containersRunTheEmbeddedBrokersVersionAndPostgres17() {
        String version = org.apache.kafka.common.utils.AppInfoParser.getVersion();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), "kafka-clients' version, the embedded broker's: " + version);
        assertEquals("apache/kafka", Containers.KAFKA_IMAGE.getUnversionedPart());
        assertEquals(version, Containers.KAFKA_IMAGE.getVersionPart());
        assertEquals("postgres", Containers.POSTGRES_IMAGE.getUnversionedPart());
        assertEquals("17", Containers.POSTGRES_IMAGE.getVersionPart());
    }
}
