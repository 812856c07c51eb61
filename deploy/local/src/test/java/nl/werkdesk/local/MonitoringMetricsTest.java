package nl.werkdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import nl.werkdesk.local.scenario.Api;
import nl.werkdesk.local.scenario.ScenarioGenerator;
import nl.werkdesk.local.scenario.Scenario;
import nl.werkdesk.local.scenario.ScenarioPlayer;
import nl.werkdesk.testing.OpenApiContract;

/**
 * deploy/k8s's Grafana dashboard and PrometheusRule name only metrics the services expose: the stack started as ./werkdesk
 * runs it, a small scenario played (so that commands, relay and consumers have run), every service's /q/metrics scraped,
 * and every metric name in the dashboard's queries and the alerts' expressions looked up there. The consumer metrics
 * must be on every service that consumes (a group.id in its application.properties), the others on every service.
 */
class MonitoringMetricsTest {

    private static final Logger LOG = Logger.getLogger(MonitoringMetricsTest.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path ROOT = Path.of(System.getProperty("werkdesk.root", "../..")).toAbsolutePath().normalize();
    private static final Path MONITORING = ROOT.resolve("deploy/k8s/base/monitoring");
    /** Names that come from elsewhere than the services, and where from. Nothing else may be missing. */
    private static final Map<String, String> EXTERNAL = Map.of(
            "kube_deployment_status_replicas_unavailable", "kube-state-metrics");
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @Test
    void readsMetricNamesOutOfPromQl() {
        assertEquals(Set.of("http_server_requests_seconds_bucket"), metricNames(
                "histogram_quantile(0.95, sum by (job, le) (rate(http_server_requests_seconds_bucket{namespace=\"$namespace\", "
                        + "method=~\"POST|PUT\", uri=~\"/api/.*\"}[$__rate_interval])))"));
        assertEquals(Set.of("a_total", "b_count"), metricNames(
                "sum without (pod) (rate(a_total[5m])) / on (job) group_left (x) sum(b_count offset 1h) > bool 0.01 or vector(1)"));
        assertEquals(Set.of("up", "kube_x"), metricNames("up{job=~\"a|b\"} == 0 or kube_x{deployment=~\"(p|e)-service\"} > 0 unless on(x) up"));
        assertEquals(Set.of("werkdesk_relay_lag_events"), metricNames("label_values(werkdesk_relay_lag_events, namespace)"));
    }

    @Test
    void everyMetricOfTheDashboardAndTheAlertsIsExposed() throws Exception {
        Map<String, Set<String>> used = usedMetrics();
        LOG.infof("metrics the dashboard and alerts use: %s", used);
        assertTrue(used.keySet().containsAll(List.of("werkdesk_relay_lag_oldest_seconds", "werkdesk_relay_leading", "werkdesk_consumer_lag_records",
                "werkdesk_consumer_dead_letters", "http_server_requests_seconds_count", "http_server_requests_seconds_bucket")), used.toString());

        Path home = Files.createTempDirectory(Files.createDirectories(ROOT.resolve("deploy/local/target")), "monitoring-");
        Settings settings = Settings.onFreePorts(ROOT, home, List.of(Settings.DEFAULT_SERVICE_JAVA_OPTIONS.split(" ")));
        Stack stack = Stack.start(settings, false, LOG::info);
        try {
            player(settings).play(ScenarioGenerator.plan(Scenario.readResource("scenarios/small.json")));

            Map<String, String> missing = new TreeMap<>();
            Map<String, Map<String, List<Sample>>> scraped = new LinkedHashMap<>();
            for (Settings.Service service : settings.services()) {
                Map<String, List<Sample>> samples = scrape(service);
                scraped.put(service.module(), samples);
                boolean consumes = consumes(service);
                used.forEach((name, where) -> {
                    boolean applies = consumes || !name.startsWith("werkdesk_consumer_");
                    if (applies && !EXTERNAL.containsKey(name) && !samples.containsKey(name)) {
                        missing.merge(name, service.module() + " (used in " + where + ")", (a, b) -> a + ", " + b);
                    }
                });
                EXTERNAL.keySet().forEach(name -> assertFalse(samples.containsKey(name), name + " is said to be external"));
            }
            assertEquals(Map.of(), missing, "metrics the dashboard or the alerts use that a service does not expose");

            // The figures themselves, once the consumers caught up: no dead letter, no lag beyond the commit markers of
            // the relay's transactions (one per partition at most), the relay drained, and led by the one replica of each
            // service (the relay-not-leading alert's condition is false).
            long deadline = System.nanoTime() + SETTLE.toNanos();
            List<String> unsettled;
            do {
                Thread.sleep(2_000);
                unsettled = new ArrayList<>();
                for (Settings.Service service : settings.services()) {
                    Map<String, List<Sample>> samples = scrape(service);
                    for (Sample s : samples.getOrDefault("werkdesk_consumer_dead_letters", List.of())) {
                        if (s.value() != 0) {
                            unsettled.add(service.module() + " " + s);
                        }
                    }
                    for (Sample s : samples.getOrDefault("werkdesk_consumer_lag_records", List.of())) {
                        if (!(s.value() >= 0 && s.value() <= PARTITIONS)) {
                            unsettled.add(service.module() + " " + s);
                        }
                    }
                    for (Sample s : samples.getOrDefault("werkdesk_relay_lag_events", List.of())) {
                        if (s.value() != 0) {
                            unsettled.add(service.module() + " " + s);
                        }
                    }
                    List<Sample> leading = samples.getOrDefault("werkdesk_relay_leading", List.of());
                    if (leading.size() != 1 || leading.get(0).value() != 1) {
                        unsettled.add(service.module() + " werkdesk_relay_leading " + leading);
                    }
                }
            } while (!unsettled.isEmpty() && System.nanoTime() < deadline);
            assertEquals(List.of(), unsettled, "figures after the scenario, within " + SETTLE);
            for (Settings.Service service : settings.services()) {
                List<Sample> lag = scrape(service).getOrDefault("werkdesk_consumer_lag_records", List.of());
                LOG.infof("%s consumer lag: %s", service.module(), lag);
                assertEquals(groups(service), lag.size(), service.module() + ": one lag per consumer group " + lag);
            }
        } finally {
            stack.stop();
        }
    }

    /** Partitions of each topic of the local stack. */
    private static final int PARTITIONS = nl.werkdesk.testing.KafkaTestResource.PARTITIONS;

    record Sample(String labels, double value) {
    }

    /** Metric name of every sample line of the Prometheus text format, with its labels and value. */
    private static Map<String, List<Sample>> scrape(Settings.Service service) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.uri() + "/q/metrics"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), service.module() + " /q/metrics");
        Map<String, List<Sample>> samples = new TreeMap<>();
        Pattern line = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})?\\s+(\\S+).*");
        for (String text : response.body().split("\n")) {
            Matcher m = line.matcher(text);
            if (!text.startsWith("#") && m.matches()) {
                samples.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new Sample(m.group(2) == null ? "" : m.group(2),
                        Double.parseDouble(m.group(3))));
            }
        }
        return samples;
    }

    private static boolean consumes(Settings.Service service) throws IOException {
        return groups(service) > 0;
    }

    /** The consumer groups in the service's application.properties. */
    private static long groups(Settings.Service service) throws IOException {
        return Files.readAllLines(ROOT.resolve(service.module()).resolve("src/main/resources/application.properties")).stream()
                .filter(l -> l.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id=.*")).count();
    }

    /** Every metric name of the dashboard's queries and the PrometheusRule's expressions, with where it is used. */
    static Map<String, Set<String>> usedMetrics() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("werkdesk-dashboard.json").toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                metricNames(target.path("expr").asText()).forEach(name -> used.computeIfAbsent(name, k -> new TreeSet<>())
                        .add("dashboard panel " + panel.path("title").asText()));
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            metricNames(variable.path("definition").asText()).forEach(name -> used.computeIfAbsent(name, k -> new TreeSet<>())
                    .add("dashboard variable " + variable.path("name").asText()));
        }
        JsonNode rule = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("alerts.yaml").toFile());
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode alert : group.path("rules")) {
                metricNames(alert.path("expr").asText()).forEach(name -> used.computeIfAbsent(name, k -> new TreeSet<>())
                        .add("alert " + alert.path("alert").asText()));
            }
        }
        return used;
    }

    private static final Pattern STRINGS = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LISTS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
            "group_left", "group_right", "inf", "nan");

    /**
     * The metric names of a PromQL expression (or a Grafana label_values query): identifiers that are not a function
     * (followed by "("), a keyword, a label name (in matchers or label lists), a duration or inside a string.
     */
    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher labelValues = LABEL_VALUES.matcher(expression);
        String promQl = expression;
        if (labelValues.find()) {
            names.add(labelValues.group(1));
            promQl = labelValues.replaceAll(" ");
        }
        promQl = STRINGS.matcher(promQl).replaceAll("\"\"");
        promQl = MATCHERS.matcher(promQl).replaceAll(" ");
        promQl = RANGES.matcher(promQl).replaceAll(" ");
        promQl = LABEL_LISTS.matcher(promQl).replaceAll(" ");
        promQl = promQl.replaceAll("\\b[0-9][0-9a-zA-Z.]*", " ");
        Matcher identifier = IDENTIFIER.matcher(promQl);
        while (identifier.find()) {
            String name = identifier.group();
            if (!KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    private static ScenarioPlayer player(Settings settings) {
        DevKeys keys = DevKeys.in(settings.keys());
        Map<String, URI> services = new LinkedHashMap<>();
        settings.services().forEach(s -> services.put(s.shortName(), s.uri()));
        return new ScenarioPlayer(new Api(services, keys::token, OpenApiContract::assertValid), LOG::info, 4, Duration.ofSeconds(60));
    }
}
