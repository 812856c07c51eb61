package nl.werkdesk.testing;

import java.util.Collection;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * A real Apache Kafka broker for tests: one KRaft node (broker and controller) inside the test JVM, bound to
 * 127.0.0.1 only, started on first use of {@link #shared()} and shared by every test class, also across Quarkus
 * test profiles.
 * <p>
 * The ports and the data folder are chosen once, so {@link #stop()} and {@link #start()} take the broker away and
 * bring it back on the same bootstrap address with its data: clients reconnect on their own, which is what outage
 * tests need. If {@value #EXTERNAL_BROKER_ENV} names a broker (host:port), that one is used instead, or a container
 * with {@code -Dwerkdesk.test.backend=testcontainers} ({@link TestBackend}); neither can be stopped, so outage tests
 * start with {@code Assumptions.assumeFalse(kafka.isExternal())}.
 */
public final class KafkaBroker {

    /** Environment variable with the host:port of an existing broker to use instead of the embedded one. */
    public static final String EXTERNAL_BROKER_ENV = "WERKDESK_TEST_KAFKA";

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);

    private static final String BOOTSTRAP_SERVERS = "bootstrapServers";
    private static final String EXTERNAL = "external";
    private static final String STOP = "stop";
    private static final String START = "start";

    /** This class loader's view of the broker. */
    private static KafkaBroker shared;
    /** The JVM's broker; only set in the owning copy of this class (see {@link JvmWide}). */
    private static Map<String, Object> handle;

    private final String bootstrapServers;
    private final boolean external;
    private final Runnable stop;
    private final Runnable start;

    private KafkaBroker(Map<String, Object> handle) {
        this.bootstrapServers = (String) handle.get(BOOTSTRAP_SERVERS);
        this.external = (Boolean) handle.get(EXTERNAL);
        this.stop = (Runnable) handle.get(STOP);
        this.start = (Runnable) handle.get(START);
    }

    /** The broker of this JVM, started on first use; later calls return the same one, running or stopped. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = new KafkaBroker(JvmWide.handle(KafkaBroker.class));
        }
        return shared;
    }

    /** host:port for {@code bootstrap.servers}; the same for the whole JVM, also across stop and start. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** True when the tests run against the broker named in {@value #EXTERNAL_BROKER_ENV}. */
    public boolean isExternal() {
        return external;
    }

    /** Shuts the broker down cleanly; returns when its port refuses connections. Does nothing if it is stopped. */
    public void stop() {
        stop.run();
    }

    /**
     * Starts the broker again on the same ports with the same data; returns when it serves requests and every
     * partition has a leader. Does nothing if it is running.
     */
    public void start() {
        start.run();
    }

    /**
     * Creates the topics that do not exist yet (idempotent: existing topics are left as they are) and waits until
     * each partition has a leader, so that consumers get their assignment at once.
     */
    public void createTopics(Collection<String> names, int partitions) {
        KafkaAdmin.createTopics(bootstrapServers, names, partitions);
    }

    @Override
    public String toString() {
        return (external ? "external Kafka broker " : "embedded Kafka broker ") + bootstrapServers;
    }

    /** Runs in the owning copy of this class only; {@link JvmWide} calls it reflectively. */
    private static synchronized Map<String, Object> jvmHandle() {
        if (handle == null) {
            QuietLogging.warnOnly(QuietLogging.KAFKA);
            handle = switch (TestBackend.of(EXTERNAL_BROKER_ENV)) {
                case EMBEDDED -> embedded(EmbeddedKafka.launch());
                case EXTERNAL -> external(System.getenv(EXTERNAL_BROKER_ENV).trim(), EXTERNAL_BROKER_ENV);
                case TESTCONTAINERS -> external(Containers.kafka(), TestBackend.PROPERTY + "=testcontainers");
            };
        }
        return handle;
    }

    private static Map<String, Object> embedded(EmbeddedKafka kafka) {
        return Map.of(BOOTSTRAP_SERVERS, kafka.bootstrapServers(), EXTERNAL, false,
                STOP, JvmWide.inOwnerLoader(kafka::stop), START, JvmWide.inOwnerLoader(kafka::start));
    }

    private static Map<String, Object> external(String address, String setBy) {
        LOG.infof("Using the external Kafka broker at %s (%s)", address, setBy);
        Runnable refuse = () -> {
            throw new IllegalStateException("The tests use the external Kafka broker at " + address + " (set by "
                    + setBy + "), which they cannot stop or start; guard outage tests with"
                    + " Assumptions.assumeFalse(kafka.isExternal())");
        };
        return Map.of(BOOTSTRAP_SERVERS, address, EXTERNAL, true, STOP, refuse, START, refuse);
    }
}
