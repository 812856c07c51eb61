package nl.werkdesk.k8s;

import static nl.werkdesk.k8s.Manifests.list;
import static nl.werkdesk.k8s.Manifests.name;
import static nl.werkdesk.k8s.Manifests.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.werkdesk.k8s.Services.Channel;
import nl.werkdesk.k8s.Services.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Kafka as the services need it, checked against their application.properties: a KRaft cluster of three nodes
 * with a mutual-TLS listener and min.insync.replicas 2; every topic a service produces, consumes or dead-letters
 * to exists, replicated three times and kept forever; and each service's KafkaUser allows exactly what it does
 * (its own topic, its relay's transactions, its consumer groups, its dead-letter topic), nothing more.
 */
class KafkaPolicyTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theClusterIsKraftWithThreeNodesAndATlsListener(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>();
        JsonNode kafka = kafka(manifests);
        List<JsonNode> pools = manifests.ofKind("KafkaNodePool")
                .filter(pool -> name(kafka).equals(text(pool.path("metadata").path("labels").path("strimzi.io/cluster")))).toList();
        int brokers = pools.stream().filter(pool -> roles(pool).contains("broker")).mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
        int controllers = pools.stream().filter(pool -> roles(pool).contains("controller")).mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
        if (brokers != 3 || controllers != 3) {
            problems.add("KRaft with three nodes: " + brokers + " brokers and " + controllers + " controllers in node pools");
        }
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        Map<String, String> expected = Map.of("min.insync.replicas", "2", "default.replication.factor", "3",
                "offsets.topic.replication.factor", "3", "transaction.state.log.replication.factor", "3",
                "transaction.state.log.min.isr", "2", "auto.create.topics.enable", "false");
        expected.forEach((key, value) -> {
            if (!value.equals(text(config.path(key)))) {
                problems.add("spec.kafka.config." + key + " must be " + value + ", is " + text(config.path(key)));
            }
        });
        if (!"simple".equals(text(kafka.path("spec").path("kafka").path("authorization").path("type")))) {
            problems.add("ACLs need spec.kafka.authorization.type simple");
        }
        JsonNode listener = tlsListener(kafka);
        if (listener == null) {
            problems.add("no listener with tls: true and authentication type tls");
        } else {
            String bootstrap = name(kafka) + "-kafka-bootstrap:" + listener.path("port").asInt();
            String configured = text(manifests.get("ConfigMap", configMap(manifests, "werkdesk-config")).path("data").path("WERKDESK_KAFKA"));
            if (!bootstrap.equals(configured)) {
                problems.add("WERKDESK_KAFKA is " + configured + ", the TLS listener's bootstrap is " + bootstrap);
            }
        }
        assertEquals(List.of(), problems, "the Kafka cluster of " + overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheServicesUseExistsReplicatedAndKeptForever(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Map<String, JsonNode> topics = topics(manifests);
        Set<String> used = new TreeSet<>();
        for (Service service : Services.all()) {
            used.add(service.ownTopic());
            service.channels().forEach(channel -> {
                used.add(channel.topic());
                used.add(channel.deadLetterTopic());
            });
        }
        List<String> problems = new ArrayList<>();
        for (String topic : used) {
            JsonNode resource = topics.get(topic);
            if (resource == null) {
                problems.add(topic + ": no KafkaTopic");
                continue;
            }
            JsonNode spec = resource.path("spec");
            if (spec.path("replicas").asInt() != 3 || spec.path("partitions").asInt() < 1) {
                problems.add(topic + ": needs replicas 3 and at least one partition");
            }
            if (!"-1".equals(text(spec.path("config").path("retention.ms")))) {
                problems.add(topic + ": retention.ms must be -1 (kept forever)");
            }
            String minIsr = text(spec.path("config").path("min.insync.replicas"));
            if (!minIsr.isEmpty() && !minIsr.equals("2")) {
                problems.add(topic + ": min.insync.replicas must be 2");
            }
            if (!name(kafka(manifests)).equals(text(resource.path("metadata").path("labels").path("strimzi.io/cluster")))) {
                problems.add(topic + ": not labelled for the cluster " + name(kafka(manifests)));
            }
        }
        Set<String> unused = new TreeSet<>(topics.keySet());
        unused.removeAll(used);
        unused.forEach(topic -> problems.add(topic + ": a KafkaTopic no service uses"));
        assertEquals(List.of(), problems, "topics of " + overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceMayDoExactlyWhatItsConfigurationDoes(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        JsonNode kafka = kafka(manifests);
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            JsonNode user = manifests.find("KafkaUser", service.name()).orElse(null);
            if (user == null) {
                problems.add(service.name() + ": no KafkaUser");
                continue;
            }
            if (!name(kafka).equals(text(user.path("metadata").path("labels").path("strimzi.io/cluster")))) {
                problems.add(service.name() + ": its KafkaUser is not labelled for the cluster " + name(kafka));
            }
            if (!"tls".equals(text(user.path("spec").path("authentication").path("type")))) {
                problems.add(service.name() + ": authenticates with a TLS client certificate (the listener's authentication)");
            }
            Map<String, Set<String>> granted = granted(user);
            Map<String, Set<String>> expected = expected(service);
            if (!granted.equals(expected)) {
                problems.add(service.name() + ": ACLs\n    granted  " + granted + "\n    expected " + expected);
            }
        }
        assertEquals(List.of(), problems, "Kafka permissions in " + overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceConnectsWithItsOwnCertificate(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        String clusterCa = name(kafka(manifests)) + "-cluster-ca-cert";
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            JsonNode pod = manifests.get("Deployment", service.name()).path("spec").path("template").path("spec");
            Set<String> secrets = new TreeSet<>();
            list(pod.path("volumes")).forEach(volume -> secrets.add(text(volume.path("secret").path("secretName"))));
            if (!secrets.contains(service.name()) || !secrets.contains(clusterCa)) {
                problems.add(service.name() + ": mounts " + secrets + ", needs its KafkaUser's secret and " + clusterCa);
            }
            JsonNode env = list(pod.path("containers")).get(0).path("env");
            boolean password = list(env).stream().anyMatch(variable -> "KAFKA_SSL_KEYSTORE_PASSWORD".equals(text(variable.path("name")))
                    && service.name().equals(text(variable.path("valueFrom").path("secretKeyRef").path("name"))));
            boolean protocol = list(env).stream().anyMatch(variable -> "KAFKA_SECURITY_PROTOCOL".equals(text(variable.path("name")))
                    && "SSL".equals(text(variable.path("value"))));
            if (!password || !protocol) {
                problems.add(service.name() + ": needs KAFKA_SECURITY_PROTOCOL=SSL and its keystore password from secret " + service.name());
            }
        }
        assertEquals(List.of(), problems, "Kafka clients in " + overlay);
    }

    /** What a service's clients do, as ACLs: "type:patternType:name" to operations. */
    static Map<String, Set<String>> expected(Service service) {
        Map<String, Set<String>> acls = new TreeMap<>();
        // The outbox relay: transactional (so idempotent) writes to its own topic, and reads of its end on recovery.
        grant(acls, "topic:literal:" + service.ownTopic(), "Write", "Read", "Describe");
        grant(acls, "transactionalId:prefix:" + service.transactionalIdPrefix(), "Write", "Describe");
        grant(acls, "cluster::", "IdempotentWrite");
        for (Channel channel : service.channels()) {
            grant(acls, "topic:literal:" + channel.topic(), "Read", "Describe");
            grant(acls, "group:literal:" + channel.group(), "Read");
            grant(acls, "topic:literal:" + channel.deadLetterTopic(), "Write", "Describe");
        }
        return acls;
    }

    static Map<String, Set<String>> granted(JsonNode user) {
        Map<String, Set<String>> acls = new TreeMap<>();
        for (JsonNode acl : list(user.path("spec").path("authorization").path("acls"))) {
            JsonNode resource = acl.path("resource");
            String type = text(resource.path("type"));
            String pattern = type.equals("cluster") ? "" : text(resource.path("patternType")).isEmpty() ? "literal" : text(resource.path("patternType"));
            String host = text(acl.path("host"));
            String key = type + ":" + pattern + ":" + text(resource.path("name")) + (host.isEmpty() || host.equals("*") ? "" : "@" + host);
            if (!text(acl.path("type")).isEmpty() && !text(acl.path("type")).equals("allow")) {
                key += " (" + text(acl.path("type")) + ")";
            }
            grant(acls, key, list(acl.path("operations")).stream().map(Manifests::text).toArray(String[]::new));
        }
        return acls;
    }

    private static void grant(Map<String, Set<String>> acls, String resource, String... operations) {
        acls.computeIfAbsent(resource, key -> new TreeSet<>()).addAll(List.of(operations));
    }

    static JsonNode kafka(Manifests manifests) {
        List<JsonNode> clusters = manifests.ofKind("Kafka").toList();
        assertEquals(1, clusters.size(), manifests.name() + " has one Kafka cluster");
        return clusters.get(0);
    }

    /** The listener the services use: TLS, clients authenticated by certificate. */
    static JsonNode tlsListener(JsonNode kafka) {
        return list(kafka.path("spec").path("kafka").path("listeners")).stream()
                .filter(listener -> listener.path("tls").asBoolean() && "tls".equals(text(listener.path("authentication").path("type"))))
                .findFirst().orElse(null);
    }

    static Map<String, JsonNode> topics(Manifests manifests) {
        Map<String, JsonNode> topics = new TreeMap<>();
        manifests.ofKind("KafkaTopic").forEach(topic -> {
            String topicName = text(topic.path("spec").path("topicName"));
            topics.put(topicName.isEmpty() ? name(topic) : topicName, topic);
        });
        return topics;
    }

    private static Set<String> roles(JsonNode pool) {
        Set<String> roles = new TreeSet<>();
        list(pool.path("spec").path("roles")).forEach(role -> roles.add(text(role)));
        return roles;
    }

    /** The generated (hash-suffixed) name of a ConfigMap from a configMapGenerator. */
    static String configMap(Manifests manifests, String generatorName) {
        return manifests.ofKind("ConfigMap").map(Manifests::name)
                .filter(name -> name.equals(generatorName) || name.matches(java.util.regex.Pattern.quote(generatorName) + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow(() -> new AssertionError(manifests.name() + " has no ConfigMap " + generatorName));
    }
}
