package nl.werkdesk.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers chatty categories to WARN unless a level was configured for them already; a level the service sets in
 * its configuration wins, as Quarkus applies it later. Works through the java.util.logging API, which the JBoss
 * LogManager of Quarkus tests backs; Kafka and zonky log through SLF4J, which Quarkus routes to the same manager.
 */
final class QuietLogging {

    /** Kafka's server and client categories. */
    static final String[] KAFKA = { "kafka", "org.apache.kafka", "state.change.logger" };

    /** java.util.logging may drop loggers nobody references, and their level with them. */
    private static final Map<String, Logger> PINNED = new ConcurrentHashMap<>();

    private QuietLogging() {
    }

    static void warnOnly(String... categories) {
        for (String category : categories) {
            PINNED.computeIfAbsent(category, name -> {
                Logger logger = Logger.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(Level.WARNING);
                }
                return logger;
            });
        }
    }
}
