package nl.werkdesk.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The kernel's defaults for every service's Kafka channels. The behaviour they protect (a consumer outlives a database
 * outage of more than a minute) is proven against the whole stack by deploy/reliability's PostgresRestartTest; a
 * minute-long outage is too slow for this module's tests.
 */
class ConsumerDefaultsTest {

    private static final String MAX_AGE = "mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms";

    /**
     * IdempotentConsumer retries a record while the database is away, however long that is. SmallRye's throttled
     * commit fails the whole channel, for good, once a record waits longer than this age (60 s unless set), and the
     * service stays unready until someone restarts it.
     */
    @Test
    void aRecordMayWaitOnTheDatabaseForAsLongAsItIsAway() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            assertNotNull(in, "the kernel's defaults are on the classpath");
            defaults.load(in);
        }
        String maxAge = defaults.getProperty(MAX_AGE);
        assertNotNull(maxAge, MAX_AGE + " is set for every channel");
        assertTrue(Integer.parseInt(maxAge.trim()) <= 0, MAX_AGE + " switches the age check off: " + maxAge);
    }
}
