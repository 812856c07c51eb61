package nl.werkdesk.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the local stack lives and listens. Defaults: data and logs under .werkdesk/ of the checkout, Kafka on
 * 127.0.0.1:19092 (its controller on the next port), PostgreSQL on 127.0.0.1:15432 (ports a developer's own servers
 * do not use), the services on 8081-8085. Environment: WERKDESK_HOME, WERKDESK_KAFKA_PORT, WERKDESK_PG_PORT,
 * WERKDESK_SERVICE_JAVA_OPTS. With {@code classDataSharing} each service keeps a class data archive of its jar under
 * the home (see {@link ClassDataArchive}): worth it for a home that is started again and again. Each service runs as
 * {@code replicas} processes on consecutive ports (see {@link Service}).
 */
public record Settings(Path root, Path home, int kafkaPort, int postgresPort, List<Service> services, List<String> serviceJavaOptions,
        boolean classDataSharing) {

    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_FIRST_SERVICE_PORT = 8081;
    private static final int FREE_PORTS_FROM = 20_000;
    private static final int FREE_PORTS_UNTIL = 30_000;
    private static final int FREE_PORT_ATTEMPTS = 200;
    private static final String[] NAMES = { "participant", "employer", "permit", "placement", "reporting" };
    /**
     * Small heaps and the serial collector: five services, a broker and a database share a laptop. The heap starts at
     * 16 MB and gives back what it does not use (free ratios 10-20 %): 14 MB less heap committed at idle
     * (bench/results/2026-12-07-command-and-start.md).
     */
    public static final String DEFAULT_SERVICE_JAVA_OPTIONS = "-Xms16m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10"
            + " -XX:MaxHeapFreeRatio=20 -XX:TieredStopAtLevel=1 -Xss512k";

    /**
     * A service of the suite: its module folder, database, the port of its first replica and how many replicas run
     * (replica r, counted from 0, listens on {@code port + r}); its short name is what the scenario API uses. All
     * replicas share the database and the consumer group.
     */
    public record Service(String module, String shortName, String database, int port, int replicas) {

        public Path jar(Path root) {
            return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }

        /** The first replica's address: every replica answers the same API. */
        public URI uri() {
            return uri(0);
        }

        public URI uri(int replica) {
            return URI.create("http://localhost:" + port(replica));
        }

        public int port(int replica) {
            if (replica < 0 || replica >= replicas) {
                throw new IllegalArgumentException(module + " has no replica " + replica + " (it runs " + replicas + ")");
            }
            return port + replica;
        }

        /** The process name of a replica: the module alone when it runs once, else module-1, module-2, ... */
        public String processName(int replica) {
            return replicas == 1 ? module : module + "-" + (replica + 1);
        }
    }

    public static List<Service> services(int firstPort) {
        return services(firstPort, 1);
    }

    /** The five services, each with a block of {@code replicas} consecutive ports, the blocks one after the other. */
    public static List<Service> services(int firstPort, int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be 1 or more, not " + replicas);
        }
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            services.add(new Service(NAMES[i] + "-service", NAMES[i], NAMES[i], firstPort + i * replicas, replicas));
        }
        return List.copyOf(services);
    }

    public static Settings fromEnvironment(Path root, Map<String, String> env, Integer kafkaPort, Integer postgresPort) {
        return fromEnvironment(root, env, kafkaPort, postgresPort, 1);
    }

    public static Settings fromEnvironment(Path root, Map<String, String> env, Integer kafkaPort, Integer postgresPort, int replicas) {
        Path home = env.containsKey("WERKDESK_HOME") ? Path.of(env.get("WERKDESK_HOME")) : root.resolve(".werkdesk");
        int kafka = kafkaPort != null ? kafkaPort : port(env, "WERKDESK_KAFKA_PORT", DEFAULT_KAFKA_PORT);
        int postgres = postgresPort != null ? postgresPort : port(env, "WERKDESK_PG_PORT", DEFAULT_POSTGRES_PORT);
        String options = env.getOrDefault("WERKDESK_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTIONS);
        return new Settings(root.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(), kafka, postgres,
                services(DEFAULT_FIRST_SERVICE_PORT, replicas),
                List.of(options.trim().split("\\s+")), true);
    }

    /**
     * A stack of its own for tests and benchmarks: free loopback ports (below the ephemeral range, so that a
     * developer's ./werkdesk on the default ports can keep running) and the given home. No class data archives: such a
     * home is fresh each time, so recording them would only make the stop slower.
     */
    public static Settings onFreePorts(Path root, Path home, List<String> serviceJavaOptions) {
        return onFreePorts(root, home, serviceJavaOptions, 1);
    }

    /** As {@link #onFreePorts(Path, Path, List)}, each service with {@code replicas} processes. */
    public static Settings onFreePorts(Path root, Path home, List<String> serviceJavaOptions, int replicas) {
        int kafka = freePorts(2);
        int postgres = freePorts(1);
        int services = freePorts(NAMES.length * replicas);
        return new Settings(root.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(), kafka, postgres, services(services, replicas),
                List.copyOf(serviceJavaOptions), false);
    }

    /** The first of {@code count} consecutive free loopback ports between 20000 and 30000. */
    public static int freePorts(int count) {
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(FREE_PORTS_FROM, FREE_PORTS_UNTIL);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                free = !Stack.inUse(port);
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports between " + FREE_PORTS_FROM + " and " + FREE_PORTS_UNTIL);
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a port number");
        }
    }

    public int kafkaControllerPort() {
        return kafkaPort + 1;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path runDirectory() {
        return home.resolve("run");
    }

    public Path stateFile() {
        return runDirectory().resolve("stack.json");
    }

    public Path lockFile() {
        return runDirectory().resolve("stack.lock");
    }

    /** How many processes each service runs. */
    public int replicas() {
        return services.get(0).replicas();
    }

    public Path keys() {
        return home.resolve("dev-keys");
    }
}
