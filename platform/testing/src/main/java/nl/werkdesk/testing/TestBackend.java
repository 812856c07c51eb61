package nl.werkdesk.testing;

import java.util.Locale;
import java.util.Map;

/**
 * Where a test's Kafka broker and PostgreSQL come from. The embedded servers unless the environment names existing
 * ones ({@value KafkaBroker#EXTERNAL_BROKER_ENV}, {@value PostgresServer#EXTERNAL_SERVER_ENV}), or unless
 * {@code -D}{@value #PROPERTY}{@code =testcontainers} asks for containers (a Docker engine needed).
 */
public enum TestBackend {
    /** In the test JVM (Kafka) and as a child process (PostgreSQL): the default. */
    EMBEDDED,
    /** The server the environment variable names. */
    EXTERNAL,
    /** A Testcontainers container per JVM: apache/kafka at the embedded broker's version, postgres:17. */
    TESTCONTAINERS;

    /** System property that picks the backend: {@code embedded} (the default) or {@code testcontainers}. */
    public static final String PROPERTY = "werkdesk.test.backend";

    /**
     * The backend for a server whose external address would be in {@code externalEnv}: the property's choice, else
     * the variable's server if it is set, else the embedded one. Asking for containers while the variable names a
     * server is refused, as is an unknown value: a test run must not quietly use another server than it was told.
     */
    public static TestBackend choose(String property, Map<String, String> environment, String externalEnv) {
        boolean external = environment.get(externalEnv) != null && !environment.get(externalEnv).isBlank();
        String value = property == null || property.isBlank() ? "embedded" : property.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" -> external ? EXTERNAL : EMBEDDED;
            case "testcontainers" -> {
                if (external) {
                    throw new IllegalStateException(PROPERTY + "=testcontainers and " + externalEnv
                            + " are both set: unset one of them");
                }
                yield TESTCONTAINERS;
            }
            default -> throw new IllegalArgumentException(PROPERTY + " is '" + property
                    + "': use embedded (the default) or testcontainers");
        };
    }

    /** The backend of this JVM for a server whose external address would be in {@code externalEnv}. */
    static TestBackend of(String externalEnv) {
        return choose(System.getProperty(PROPERTY), System.getenv(), externalEnv);
    }
}
