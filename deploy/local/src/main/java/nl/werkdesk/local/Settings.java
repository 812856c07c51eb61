package nl.werkdesk.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack lives and listens. Defaults: data and logs under .werkdesk/ of the checkout, Kafka on
 * 127.0.0.1:19092 (its controller on the next port), PostgreSQL on 127.0.0.1:15432 (ports a developer's own servers
 * do not use), the services on 8081-8085. Environment: WERKDESK_HOME, WERKDESK_KAFKA_PORT, WERKDESK_PG_PORT,
 * WERKDESK_SERVICE_JAVA_OPTS.
 */
public record Settings(Path root, Path home, int kafkaPort, int postgresPort, List<Service> services, List<String> serviceJavaOptions) {

    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    /** Small heaps and the serial collector: five services, a broker and a database share a laptop. */
    public static final String DEFAULT_SERVICE_JAVA_OPTIONS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";

    /** A service of the suite: its module folder, database, port; its short name is what the scenario API uses. */
    public record Service(String module, String shortName, String database, int port) {

        public Path jar(Path root) {
            return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }

        public URI uri() {
            return URI.create("http://localhost:" + port);
        }
    }

    public static List<Service> services(int firstPort) {
        List<Service> services = new ArrayList<>();
        String[] names = { "participant", "employer", "permit", "placement", "reporting" };
        for (int i = 0; i < names.length; i++) {
            services.add(new Service(names[i] + "-service", names[i], names[i], firstPort + i));
        }
        return List.copyOf(services);
    }

    public static Settings fromEnvironment(Path root, Map<String, String> env, Integer kafkaPort, Integer postgresPort) {
        Path home = env.containsKey("WERKDESK_HOME") ? Path.of(env.get("WERKDESK_HOME")) : root.resolve(".werkdesk");
        int kafka = kafkaPort != null ? kafkaPort : port(env, "WERKDESK_KAFKA_PORT", DEFAULT_KAFKA_PORT);
        int postgres = postgresPort != null ? postgresPort : port(env, "WERKDESK_PG_PORT", DEFAULT_POSTGRES_PORT);
        String options = env.getOrDefault("WERKDESK_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTIONS);
        return new Settings(root.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(), kafka, postgres, services(8081),
                List.of(options.trim().split("\\s+")));
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

    public Path keys() {
        return home.resolve("dev-keys");
    }
}
