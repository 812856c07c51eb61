package nl.werkdesk.k8s;

import static nl.werkdesk.k8s.Manifests.describe;
import static nl.werkdesk.k8s.Manifests.list;
import static nl.werkdesk.k8s.Manifests.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every object of every overlay is well-formed: core objects against the Kubernetes model (fabric8
 * kubernetes-model 8.0.0; a field it does not know lands in additionalProperties, which must stay empty), and the
 * operators' custom resources (Strimzi, CloudNativePG and its Barman Cloud plugin, the Prometheus operator) by the
 * fields they cannot work without.
 */
class SchemaTest {

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern SIX_FIELD_CRON = Pattern.compile("\\S+( \\S+){5}");

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void coreObjectsMatchTheKubernetesModel(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : Manifests.overlay(overlay).objects()) {
            if (!isCore(text(object.path("apiVersion")))) {
                continue;
            }
            HasMetadata typed;
            try {
                typed = Manifests.typed(object);
            } catch (RuntimeException e) {
                problems.add(describe(object) + ": " + e.getMessage());
                continue;
            }
            if (typed instanceof GenericKubernetesResource) {
                problems.add(describe(object) + ": " + object.path("apiVersion") + " is not a kind the Kubernetes model knows");
                continue;
            }
            unknownFields(typed, describe(object), problems);
            // What the model writes back is what was read: no field dropped, no value coerced to another type.
            JsonNode written = Manifests.JSON.valueToTree(typed);
            differences(object, written, "", problems, describe(object));
        }
        assertEquals(List.of(), problems, "core objects of " + overlay + " that are not valid Kubernetes");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void customResourcesHaveTheFieldsTheirOperatorsNeed(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : Manifests.overlay(overlay).objects()) {
            String apiVersion = text(object.path("apiVersion"));
            if (isCore(apiVersion)) {
                continue;
            }
            String kind = text(object.path("kind"));
            List<String> missing = switch (apiVersion + " " + kind) {
                case "kafka.strimzi.io/v1 Kafka" -> kafka(object);
                case "kafka.strimzi.io/v1 KafkaNodePool" -> missing(object, "metadata.labels.strimzi\\.io/cluster",
                        "spec.replicas", "spec.roles", "spec.storage.type");
                case "kafka.strimzi.io/v1 KafkaTopic" -> missing(object, "metadata.labels.strimzi\\.io/cluster",
                        "spec.partitions", "spec.replicas");
                case "kafka.strimzi.io/v1 KafkaUser" -> kafkaUser(object);
                case "postgresql.cnpg.io/v1 Cluster" -> missing(object, "spec.instances", "spec.storage.size");
                case "postgresql.cnpg.io/v1 Database" -> missing(object, "spec.cluster.name", "spec.name", "spec.owner");
                case "postgresql.cnpg.io/v1 ScheduledBackup" -> scheduledBackup(object);
                case "barmancloud.cnpg.io/v1 ObjectStore" -> missing(object, "spec.configuration.destinationPath");
                case "monitoring.coreos.com/v1 ServiceMonitor" -> serviceMonitor(object);
                case "monitoring.coreos.com/v1 PrometheusRule" -> prometheusRule(object);
                default -> List.of("no check for " + apiVersion + " " + kind + ": add one to " + SchemaTest.class.getSimpleName());
            };
            missing.forEach(problem -> problems.add(describe(object) + ": " + problem));
            if (!DNS_SUBDOMAIN.matcher(Manifests.name(object)).matches()) {
                problems.add(describe(object) + ": the name is not a DNS subdomain");
            }
        }
        assertEquals(List.of(), problems, "custom resources of " + overlay + " their operators would reject");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyNamespacedObjectIsInTheOverlaysNamespace(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<JsonNode> namespaces = manifests.ofKind("Namespace").toList();
        assertEquals(1, namespaces.size(), overlay + " creates exactly one namespace");
        String namespace = Manifests.name(namespaces.get(0));
        List<String> elsewhere = manifests.objects().stream()
                .filter(object -> !"Namespace".equals(text(object.path("kind"))))
                .filter(object -> !namespace.equals(text(object.path("metadata").path("namespace"))))
                .map(Manifests::describe).toList();
        assertEquals(List.of(), elsewhere, "objects of " + overlay + " outside namespace " + namespace);
    }

    /** Where two JSON trees differ, as JSON pointers with both values. */
    static void differences(JsonNode read, JsonNode written, String pointer, List<String> problems, String object) {
        if (read.isObject() && written.isObject()) {
            java.util.Set<String> keys = new java.util.TreeSet<>(read.propertyNames());
            keys.addAll(written.propertyNames());
            for (String key : keys) {
                differences(read.path(key), written.path(key), pointer + "/" + key, problems, object);
            }
        } else if (read.isArray() && written.isArray() && read.size() == written.size()) {
            for (int i = 0; i < read.size(); i++) {
                differences(read.get(i), written.get(i), pointer + "/" + i, problems, object);
            }
        } else if (read.isNumber() && written.isNumber()) {
            // An int read back as a long (runAsUser is an int64) is the same value.
            if (read.decimalValue().compareTo(written.decimalValue()) != 0) {
                problems.add(object + " " + pointer + ": read " + read + " but the model holds " + written);
            }
        } else if (!read.equals(written)) {
            problems.add(object + " " + pointer + ": read " + read + " but the model holds " + written);
        }
    }

    /** Kubernetes' own API groups: the core group ("v1") and the groups without a dot or under k8s.io. */
    static boolean isCore(String apiVersion) {
        if (!apiVersion.contains("/")) {
            return true;
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static List<String> kafka(JsonNode kafka) {
        List<String> missing = new ArrayList<>(missing(kafka, "spec.kafka.listeners", "spec.entityOperator.topicOperator",
                "spec.entityOperator.userOperator"));
        if (!kafka.path("spec").path("zookeeper").isMissingNode()) {
            missing.add("spec.zookeeper is gone from the v1 API (KRaft only)");
        }
        for (JsonNode listener : list(kafka.path("spec").path("kafka").path("listeners"))) {
            missing.addAll(missing(listener, "name", "port", "type", "tls"));
        }
        return missing;
    }

    private static List<String> kafkaUser(JsonNode user) {
        List<String> missing = new ArrayList<>(missing(user, "metadata.labels.strimzi\\.io/cluster", "spec.authentication.type",
                "spec.authorization.type"));
        for (JsonNode acl : list(user.path("spec").path("authorization").path("acls"))) {
            missing.addAll(missing(acl, "resource.type", "operations"));
            if (acl.has("operation")) {
                missing.add("acls[].operation is gone from the v1 API: use operations");
            }
        }
        return missing;
    }

    private static List<String> scheduledBackup(JsonNode backup) {
        List<String> missing = new ArrayList<>(missing(backup, "spec.schedule", "spec.cluster.name", "spec.method"));
        if (!SIX_FIELD_CRON.matcher(text(backup.path("spec").path("schedule"))).matches()) {
            missing.add("spec.schedule needs six fields (seconds first)");
        }
        return missing;
    }

    private static List<String> serviceMonitor(JsonNode monitor) {
        List<String> missing = new ArrayList<>(missing(monitor, "spec.selector.matchLabels", "spec.endpoints"));
        for (JsonNode endpoint : list(monitor.path("spec").path("endpoints"))) {
            if (!endpoint.has("port") && !endpoint.has("targetPort")) {
                missing.add("an endpoint without port or targetPort");
            }
            missing.addAll(missing(endpoint, "path"));
        }
        return missing;
    }

    private static List<String> prometheusRule(JsonNode rule) {
        List<String> missing = new ArrayList<>(missing(rule, "spec.groups"));
        for (JsonNode group : list(rule.path("spec").path("groups"))) {
            missing.addAll(missing(group, "name", "rules"));
            for (JsonNode each : list(group.path("rules"))) {
                missing.addAll(missing(each, "expr"));
                if (!each.has("alert") && !each.has("record")) {
                    missing.add("a rule that is neither an alert nor a recording rule");
                }
            }
        }
        return missing;
    }

    /** The dotted paths (a dot inside a key escaped as "\.") that are missing, null or empty. */
    static List<String> missing(JsonNode object, String... paths) {
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            JsonNode node = object;
            for (String key : path.split("(?<!\\\\)\\.")) {
                node = node.path(key.replace("\\.", "."));
            }
            if (node.isMissingNode() || node.isNull() || (node.isContainer() && node.isEmpty() && !path.endsWith("Operator"))
                    || (node.isString() && node.asString().isBlank())) {
                missing.add(path.replace("\\.", ".") + " is missing");
            }
        }
        return missing;
    }

    /** Walks a fabric8 object graph and reports every non-empty additionalProperties with where it is. */
    static void unknownFields(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + index++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))
                    || GETTERS_TO_SKIP.contains(getter.getName())) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            unknownFields(property, path + "." + propertyName(getter.getName()), problems);
        }
    }

    private static final Set<String> GETTERS_TO_SKIP = Set.of("getClass", "getKind", "getApiVersion", "getPlural",
            "getSingular", "getFullResourceName", "getMetadata$");

    private static String propertyName(String getter) {
        String bare = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return bare.isEmpty() ? bare : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }

    @org.junit.jupiter.api.Test
    void theWalkerFindsAFieldTheModelDoesNotKnow() {
        JsonNode deployment = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: probe
                spec:
                  template:
                    spec:
                      containers:
                        - name: probe
                          image: probe:1
                          readOnlyRootFileSystem: true
                """).get(0);
        List<String> problems = new ArrayList<>();
        unknownFields(Manifests.typed(deployment), "Deployment probe", problems);
        assertEquals(1, problems.size(), "one misspelt field: " + problems);
        assertTrue(problems.get(0).contains("readOnlyRootFileSystem"), problems.get(0));
    }
}
