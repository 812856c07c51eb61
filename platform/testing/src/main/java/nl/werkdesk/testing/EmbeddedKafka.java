package nl.werkdesk.testing;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.jboss.logging.Logger;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * One KRaft node, broker and controller combined, run in this JVM with the broker's own server classes. The ports
 * and the log folder are fixed at launch, so a stopped broker starts again on the same address with its data
 * (KafkaClusterTestKit binds fresh random ports on every start). Public for the local stack (deploy/local), which
 * runs one with its data kept under .werkdesk/.
 */
public final class EmbeddedKafka {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final int DEFAULT_PARTITIONS = 3;
    private static final int LAUNCH_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path directory, int brokerPort, int controllerPort) {
        this.directory = directory;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Formats a fresh log folder and starts the broker on free loopback ports; stops it when the JVM exits. */
    static EmbeddedKafka launch() {
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt++) {
            int[] ports = Ports.freePorts(2);
            EmbeddedKafka kafka = new EmbeddedKafka(TempDirectories.create("werkdesk-kafka-"), ports[0], ports[1]);
            try {
                kafka.format();
                kafka.startServer();
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::shutdownForGood, "werkdesk-kafka-shutdown"));
                LOG.infof("Kafka broker (KRaft, in this JVM) listening on %s, controller on %s:%d, data in %s",
                        kafka.bootstrapServers(), Ports.LOOPBACK, kafka.controllerPort, kafka.directory);
                return kafka;
            } catch (RuntimeException e) {
                kafka.shutdownForGood();
                if (!causedByBindFailure(e)) {
                    throw e;
                }
                // Another process took a port between choosing and binding it: choose again.
                lastFailure = e;
            }
        }
        throw new IllegalStateException("Kafka broker could not bind free ports in " + LAUNCH_ATTEMPTS + " attempts",
                lastFailure);
    }

    /**
     * A broker on fixed loopback ports whose data stays in {@code directory} across runs (formatted on first use
     * only), for running the services on a developer's machine. The caller stops it ({@link #stop()}), after the
     * services that use it.
     */
    public static EmbeddedKafka launchPersistent(Path directory, int brokerPort, int controllerPort) {
        EmbeddedKafka kafka = new EmbeddedKafka(directory, brokerPort, controllerPort);
        if (!java.nio.file.Files.exists(Path.of(kafka.logDirectory(), "meta.properties"))) {
            kafka.format();
        }
        kafka.startServer();
        LOG.infof("Kafka broker (KRaft) listening on %s, data in %s", kafka.bootstrapServers(), directory);
        return kafka;
    }

    /** Creates the missing topics with this many partitions and waits until every partition has a leader. */
    public void createTopics(java.util.Collection<String> topics, int partitions) {
        KafkaAdmin.createTopics(bootstrapServers(), topics, partitions);
    }

    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + brokerPort;
    }

    /** Controlled shutdown; returns when the port refuses connections. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        Ports.awaitClosed(brokerPort, STOP_TIMEOUT);
        LOG.infof("Kafka broker on %s stopped", bootstrapServers());
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        startServer();
        LOG.infof("Kafka broker on %s started again", bootstrapServers());
    }

    /** Writes the cluster id and bootstrap metadata, as {@code kafka-storage.sh format} does; once per folder. */
    private void format() {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDirectory()))
                    .setMetadataLogDirectory(logDirectory())
                    .setControllerListenerName("CONTROLLER")
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log folder " + logDirectory(), e);
        }
    }

    private void startServer() {
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(serverConfig(), false), Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(starting);
            throw e;
        }
        server = starting;
        KafkaAdmin.awaitReady(bootstrapServers(), READY_TIMEOUT);
    }

    private Map<String, String> serverConfig() {
        String broker = Ports.LOOPBACK + ":" + brokerPort;
        String controller = Ports.LOOPBACK + ":" + controllerPort;
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + controller);
        config.put("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
        config.put("advertised.listeners", "PLAINTEXT://" + broker);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        config.put("log.dirs", logDirectory());
        // A single broker: one replica of everything, and no waiting for more group members.
        config.put("num.partitions", String.valueOf(DEFAULT_PARTITIONS));
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // Few threads and a small cleaner buffer (128 MB by default): it shares a 2-core machine with the service.
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        return config;
    }

    private void shutdownForGood() {
        synchronized (this) {
            if (server != null) {
                shutdownQuietly(server);
                server = null;
            }
        }
        TempDirectories.deleteQuietly(directory);
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.debug("Kafka broker did not shut down cleanly", e);
        }
    }

    private String logDirectory() {
        return directory.resolve("data").toString();
    }

    private static boolean causedByBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
