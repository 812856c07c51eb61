package nl.werkdesk.k8s;

import static nl.werkdesk.k8s.Manifests.list;
import static nl.werkdesk.k8s.Manifests.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The services' dashboard reaches Grafana (a ConfigMap with the sidecar's label, holding a dashboard with queries) and
 * the alerts the operator relies on are in the PrometheusRule, each with a wait, a severity and a summary. That their
 * metrics exist is deploy/local's MonitoringMetricsTest, against the running services.
 */
class MonitoringTest {

    private static final Set<String> ALERTS = Set.of("WerkdeskDeadLetters", "WerkdeskRelayLagging", "WerkdeskRelayNotLeading", "WerkdeskConsumerLagGrowing",
            "WerkdeskServerErrors", "WerkdeskServiceNotReady");

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void grafanaLoadsTheDashboard(String overlay) {
        List<JsonNode> maps = Manifests.overlay(overlay).ofKind("ConfigMap")
                .filter(map -> "1".equals(text(map.path("metadata").path("labels").path("grafana_dashboard")))).toList();
        assertEquals(List.of("werkdesk-dashboard"), maps.stream().map(Manifests::name).toList(), overlay);
        JsonNode dashboard = Manifests.JSON.readTree(text(maps.get(0).path("data").path("werkdesk-dashboard.json")));
        assertEquals("werkdesk-services", text(dashboard.path("uid")));
        List<String> problems = new ArrayList<>();
        List<JsonNode> panels = list(dashboard.path("panels"));
        assertEquals(7, panels.size(), "commands, latency, errors, relay lag, relay, consumer lag, dead letters");
        for (JsonNode panel : panels) {
            List<JsonNode> targets = list(panel.path("targets"));
            if (targets.isEmpty()) {
                problems.add(text(panel.path("title")) + ": no query");
            }
            targets.stream().filter(t -> !text(t.path("expr")).contains("namespace=\"$namespace\""))
                    .forEach(t -> problems.add(text(panel.path("title")) + ": " + text(t.path("expr")) + " ignores the namespace"));
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theRuleHoldsTheAlerts(String overlay) {
        List<JsonNode> rules = Manifests.overlay(overlay).ofKind("PrometheusRule").toList();
        assertEquals(List.of("werkdesk"), rules.stream().map(Manifests::name).toList(), overlay);
        Set<String> alerts = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode group : list(rules.get(0).path("spec").path("groups"))) {
            for (JsonNode rule : list(group.path("rules"))) {
                String alert = text(rule.path("alert"));
                alerts.add(alert);
                for (String field : List.of("for", "labels.severity", "annotations.summary", "annotations.description")) {
                    problems.addAll(SchemaTest.missing(rule, field).stream().map(p -> alert + ": " + p).toList());
                }
                if (!Set.of("warning", "critical").contains(text(rule.path("labels").path("severity")))) {
                    problems.add(alert + ": severity is warning or critical");
                }
            }
        }
        assertEquals(ALERTS, alerts, overlay);
        assertEquals(List.of(), problems, overlay);
    }
}
