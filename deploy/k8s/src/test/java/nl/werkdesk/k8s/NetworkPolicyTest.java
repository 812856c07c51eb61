package nl.werkdesk.k8s;

import static nl.werkdesk.k8s.Manifests.list;
import static nl.werkdesk.k8s.Manifests.name;
import static nl.werkdesk.k8s.Manifests.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.werkdesk.k8s.Services.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Default deny, and for the services only this: in from the ingress controller and Prometheus on their HTTP port;
 * out to the Kafka brokers' TLS listener, the PostgreSQL instances, DNS and the identity provider, and where an overlay
 * exports traces (QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT in werkdesk-config) to the collector's namespace on the endpoint's
 * port, and only there. The brokers and the database instances admit the services.
 */
class NetworkPolicyTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theNamespaceDeniesIncomingTrafficByDefault(String overlay) {
        boolean denied = Manifests.overlay(overlay).ofKind("NetworkPolicy")
                .filter(policy -> policy.path("spec").path("podSelector").isEmpty())
                .filter(policy -> types(policy).contains("Ingress"))
                .anyMatch(policy -> list(policy.path("spec").path("ingress")).isEmpty());
        assertEquals(true, denied, overlay + " needs a NetworkPolicy that selects every pod and allows no ingress");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesTalkOnlyToWhatTheyNeed(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        JsonNode kafka = KafkaPolicyTest.kafka(manifests);
        int kafkaPort = KafkaPolicyTest.tlsListener(kafka).path("port").asInt();
        String postgres = name(PostgresPolicyTest.cluster(manifests));
        String collectorPort = collectorPort(manifests);
        Set<String> needed = new TreeSet<>(Set.of("dns", "identity-provider", "kafka", "postgresql"));
        if (collectorPort != null) {
            needed.add("trace-collector");
        }
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            String where = overlay + " " + service.name();
            JsonNode labels = manifests.get("Deployment", service.name()).path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> policies = manifests.ofKind("NetworkPolicy").filter(policy -> selectsPod(policy, labels)).toList();
            if (policies.stream().noneMatch(policy -> types(policy).contains("Egress"))) {
                problems.add(where + ": no policy restricts its egress");
            }
            Set<String> namespaces = new TreeSet<>();
            for (JsonNode rule : rules(policies, "Ingress", "ingress")) {
                if (list(rule.path("from")).isEmpty() || !portsAre(rule, Set.of("http", String.valueOf(service.port())))) {
                    problems.add(where + ": an ingress rule open to every source or port: " + rule);
                }
                for (JsonNode peer : list(rule.path("from"))) {
                    if (peer.has("ipBlock") || !peer.has("namespaceSelector") || peer.path("namespaceSelector").isEmpty()) {
                        problems.add(where + ": ingress only from the ingress controller's and Prometheus' namespaces, not " + peer);
                    }
                    namespaces.add(peer.path("namespaceSelector").toString());
                }
            }
            if (namespaces.size() != 2) {
                problems.add(where + ": ingress from two namespaces (ingress controller, Prometheus), not " + namespaces);
            }
            Set<String> reached = new TreeSet<>();
            for (JsonNode rule : rules(policies, "Egress", "egress")) {
                if (list(rule.path("to")).isEmpty() || list(rule.path("ports")).isEmpty()) {
                    problems.add(where + ": an egress rule open to every destination or port: " + rule);
                    continue;
                }
                for (JsonNode peer : list(rule.path("to"))) {
                    String target = classify(peer, rule, name(kafka), kafkaPort, postgres, collectorPort);
                    if (target == null) {
                        problems.add(where + ": egress to something other than Kafka, PostgreSQL, DNS, the identity provider or the trace collector: " + rule);
                    } else {
                        reached.add(target);
                    }
                }
            }
            if (!reached.equals(needed)) {
                problems.add(where + ": egress must reach " + needed + ", reaches " + reached);
            }
        }
        assertEquals(List.of(), problems, "network policies of " + overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theBrokersAndTheDatabaseAdmitTheServices(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        JsonNode listener = KafkaPolicyTest.tlsListener(KafkaPolicyTest.kafka(manifests));
        String postgres = name(PostgresPolicyTest.cluster(manifests));
        JsonNode instance = Manifests.JSON.createObjectNode().put("cnpg.io/cluster", postgres);
        List<JsonNode> databasePolicies = manifests.ofKind("NetworkPolicy").filter(policy -> selectsPod(policy, instance)).toList();
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            JsonNode labels = manifests.get("Deployment", service.name()).path("spec").path("template").path("metadata").path("labels");
            boolean toKafka = list(listener.path("networkPolicyPeers")).stream()
                    .anyMatch(peer -> WorkloadPolicyTest.selects(peer.path("podSelector").path("matchLabels"), labels));
            if (!toKafka) {
                problems.add(service.name() + ": the Kafka listener's networkPolicyPeers do not admit it");
            }
            boolean toPostgres = rules(databasePolicies, "Ingress", "ingress").stream()
                    .filter(rule -> portsAre(rule, Set.of("5432")) || list(rule.path("ports")).stream().anyMatch(port -> "5432".equals(text(port.path("port")))))
                    .anyMatch(rule -> list(rule.path("from")).stream()
                            .anyMatch(peer -> !peer.has("namespaceSelector") && WorkloadPolicyTest.selects(peer.path("podSelector").path("matchLabels"), labels)));
            if (!toPostgres) {
                problems.add(service.name() + ": no policy admits it to the PostgreSQL instances on 5432");
            }
        }
        assertEquals(List.of(), problems, "admission to the data stores in " + overlay);
    }

    /** The port of the OTLP endpoint the overlay's werkdesk-config exports traces to; null when it exports none. */
    private static String collectorPort(Manifests manifests) {
        return manifests.ofKind("ConfigMap").filter(map -> name(map).startsWith("werkdesk-config"))
                .map(map -> text(map.path("data").path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")))
                .filter(endpoint -> !endpoint.isBlank())
                .map(endpoint -> String.valueOf(java.net.URI.create(endpoint).getPort()))
                .findFirst().orElse(null);
    }

    private static String classify(JsonNode peer, JsonNode rule, String kafka, int kafkaPort, String postgres, String collectorPort) {
        JsonNode pods = peer.path("podSelector").path("matchLabels");
        if (!peer.has("namespaceSelector") && kafka.equals(text(pods.path("strimzi.io/cluster"))) && portsAre(rule, Set.of(String.valueOf(kafkaPort)))) {
            return "kafka";
        }
        if (!peer.has("namespaceSelector") && postgres.equals(text(pods.path("cnpg.io/cluster"))) && portsAre(rule, Set.of("5432"))) {
            return "postgresql";
        }
        if ("kube-system".equals(text(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name")))
                && "kube-dns".equals(text(pods.path("k8s-app"))) && portsAre(rule, Set.of("53"))) {
            return "dns";
        }
        if (peer.has("ipBlock") && list(peer.path("ipBlock").path("except")).isEmpty()
                && !text(peer.path("ipBlock").path("cidr")).endsWith("/0") && portsAre(rule, Set.of("443"))) {
            return "identity-provider";
        }
        if (collectorPort != null && !peer.has("ipBlock") && !peer.path("namespaceSelector").path("matchLabels").isEmpty()
                && portsAre(rule, Set.of(collectorPort))) {
            return "trace-collector";
        }
        return null;
    }

    /** Whether the rule names ports and all of them are among the allowed ones. */
    private static boolean portsAre(JsonNode rule, Set<String> allowed) {
        List<JsonNode> ports = list(rule.path("ports"));
        return !ports.isEmpty() && ports.stream().allMatch(port -> allowed.contains(text(port.path("port"))) && !port.has("endPort"));
    }

    private static List<JsonNode> rules(List<JsonNode> policies, String type, String field) {
        List<JsonNode> rules = new ArrayList<>();
        policies.stream().filter(policy -> types(policy).contains(type)).forEach(policy -> rules.addAll(list(policy.path("spec").path(field))));
        return rules;
    }

    private static boolean selectsPod(JsonNode policy, JsonNode labels) {
        JsonNode selector = policy.path("spec").path("podSelector");
        if (selector.isEmpty()) {
            return true;
        }
        return selector.path("matchExpressions").isMissingNode() && WorkloadPolicyTest.selects(selector.path("matchLabels"), labels);
    }

    private static Set<String> types(JsonNode policy) {
        Set<String> types = new TreeSet<>();
        list(policy.path("spec").path("policyTypes")).forEach(type -> types.add(text(type)));
        if (types.isEmpty()) {
            types.add("Ingress");
            if (policy.path("spec").has("egress")) {
                types.add("Egress");
            }
        }
        return types;
    }
}
