package nl.werkdesk.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The services of the repository as their application.properties describe them: the truth the manifests must match. */
final class Services {

    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    /** The database name at the end of the local default, e.g. ${WERKDESK_DB_JDBC_URL:jdbc:postgresql://host:port/permit}. */
    private static final Pattern DATABASE = Pattern.compile("/([A-Za-z0-9_]+)}$");

    record Channel(String name, String topic, String group, String deadLetterTopic) {
    }

    /** A service: its name, HTTP port, the topic its relay publishes, what it consumes and its database. */
    record Service(String name, int port, String ownTopic, List<Channel> channels, String database, Path directory) {

        Path resource(String path) {
            return directory.resolve("src/main/resources").resolve(path);
        }

        String transactionalIdPrefix() {
            return "werkdesk-relay-" + name + "-";
        }
    }

    private static List<Service> all;

    private Services() {
    }

    /** Every folder of the repository named *-service that has an application.properties. */
    static synchronized List<Service> all() {
        if (all == null) {
            try (Stream<Path> dirs = Files.list(Manifests.ROOT)) {
                all = dirs.filter(dir -> dir.getFileName().toString().endsWith("-service"))
                        .filter(dir -> Files.isRegularFile(dir.resolve("src/main/resources/application.properties")))
                        .sorted().map(Services::read).toList();
            } catch (IOException e) {
                throw new AssertionError("cannot list the services: " + e, e);
            }
            if (all.isEmpty()) {
                throw new AssertionError("no *-service folders under " + Manifests.ROOT);
            }
        }
        return all;
    }

    private static Service read(Path dir) {
        Properties properties = new Properties();
        Path file = dir.resolve("src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
        String name = required(properties, file, "quarkus.application.name");
        List<Channel> channels = new ArrayList<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            Matcher channel = CHANNEL_TOPIC.matcher(key);
            if (channel.matches()) {
                String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
                channels.add(new Channel(channel.group(1), properties.getProperty(key),
                        required(properties, file, prefix + "group.id"),
                        required(properties, file, prefix + "dead-letter-queue.topic")));
            }
        }
        Matcher database = DATABASE.matcher(required(properties, file, "quarkus.datasource.jdbc.url"));
        if (!database.find()) {
            throw new AssertionError(file + ": quarkus.datasource.jdbc.url has no default database to compare with");
        }
        return new Service(name, Integer.parseInt(required(properties, file, "quarkus.http.port")),
                required(properties, file, "werkdesk.relay.topic"), List.copyOf(channels), database.group(1), dir);
    }

    private static String required(Properties properties, Path file, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new AssertionError(file + " has no " + key);
        }
        return value.strip();
    }
}
