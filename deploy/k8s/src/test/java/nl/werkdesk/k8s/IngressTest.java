package nl.werkdesk.k8s;

import static nl.werkdesk.k8s.Manifests.list;
import static nl.werkdesk.k8s.Manifests.name;
import static nl.werkdesk.k8s.Manifests.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.werkdesk.k8s.Services.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The ingress serves every API path to the service that implements it (read from each service's OpenAPI
 * document, which the build writes to target/openapi), the dashboard and its files from reporting-service, over
 * TLS on every host, and nothing of the services' management endpoints.
 */
class IngressTest {

    private static final Pattern ABSOLUTE_ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]*)\"");

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyHostIsServedOverTls(String overlay) {
        List<String> problems = new ArrayList<>();
        Manifests.overlay(overlay).ofKind("Ingress").forEach(ingress -> {
            List<String> covered = new ArrayList<>();
            list(ingress.path("spec").path("tls")).stream().filter(tls -> !text(tls.path("secretName")).isEmpty())
                    .forEach(tls -> list(tls.path("hosts")).forEach(host -> covered.add(text(host))));
            list(ingress.path("spec").path("rules")).stream().map(rule -> text(rule.path("host")))
                    .filter(host -> !covered.contains(host)).forEach(host -> problems.add(name(ingress) + ": " + host + " has no TLS"));
            if (list(ingress.path("spec").path("rules")).isEmpty()) {
                problems.add(name(ingress) + ": no rules");
            }
        });
        assertEquals(List.of(), problems, "hosts without TLS in " + overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyApiPathReachesItsService(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Service service : Services.all()) {
            Path document = service.directory().resolve("target/openapi/openapi.json");
            if (!Files.isRegularFile(document)) {
                continue;
            }
            JsonNode openApi = Manifests.JSON.readTree(document.toFile());
            String base = text(list(openApi.path("servers")).stream().findFirst().map(server -> server.path("url")).orElse(null));
            for (String path : openApi.path("paths").propertyNames()) {
                String concrete = (base + path).replaceAll("\\{[^}]+}", "1f0e4a3c-0000-4000-8000-000000000000");
                checked++;
                String routed = route(manifests, concrete).orElse("nothing");
                if (!routed.equals(service.name())) {
                    problems.add(concrete + " (" + service.name() + ") is routed to " + routed);
                }
            }
        }
        assumeTrue(checked > 0, "no OpenAPI documents under */target/openapi: build the services first (./mvnw verify does)");
        assertEquals(List.of(), problems, "API paths the ingress of " + overlay + " gets wrong");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDashboardAndItsFilesComeFromTheServiceThatServesThem(String overlay) throws IOException {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            Path resources = service.resource("META-INF/resources");
            if (!Files.isRegularFile(resources.resolve("index.html"))) {
                continue;
            }
            List<String> paths = new ArrayList<>(List.of("/"));
            try (Stream<Path> files = Files.walk(resources)) {
                files.filter(Files::isRegularFile).forEach(file -> paths.add("/" + resources.relativize(file).toString().replace('\\', '/')));
            }
            Matcher asset = ABSOLUTE_ASSET.matcher(Files.readString(resources.resolve("index.html")));
            while (asset.find()) {
                paths.add(asset.group(1));
            }
            for (String path : paths) {
                String routed = route(manifests, path).orElse("nothing");
                if (!routed.equals(service.name())) {
                    problems.add(path + " (" + service.name() + ") is routed to " + routed);
                }
            }
        }
        assertEquals(List.of(), problems, "dashboard files the ingress of " + overlay + " gets wrong");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void managementEndpointsStayInside(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> exposed = Stream.of("/q/health", "/q/health/ready", "/q/metrics", "/q/swagger-ui", "/openapi.json")
                .filter(path -> route(manifests, path).isPresent()).toList();
        assertEquals(List.of(), exposed, "management endpoints the ingress of " + overlay + " exposes");
    }

    /** The Service an ingress sends a request path to: an Exact match first, then the longest Prefix match. */
    static Optional<String> route(Manifests manifests, String requestPath) {
        record Candidate(String service, boolean exact, int length) {
        }
        List<Candidate> candidates = new ArrayList<>();
        manifests.ofKind("Ingress").forEach(ingress -> list(ingress.path("spec").path("rules")).forEach(rule ->
                list(rule.path("http").path("paths")).forEach(path -> {
                    String pattern = text(path.path("path"));
                    String type = text(path.path("pathType"));
                    String service = text(path.path("backend").path("service").path("name"));
                    if (type.equals("Exact") && pattern.equals(requestPath)) {
                        candidates.add(new Candidate(service, true, pattern.length()));
                    } else if (type.equals("Prefix") && prefixMatches(pattern, requestPath)) {
                        candidates.add(new Candidate(service, false, pattern.length()));
                    }
                })));
        return candidates.stream().max(Comparator.comparing(Candidate::exact).thenComparing(Candidate::length)).map(Candidate::service);
    }

    /** Kubernetes' Prefix: element by element along "/", so /api/v1/permits does not match /api/v1/permits-x. */
    private static boolean prefixMatches(String prefix, String path) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return trimmed.isEmpty() || path.equals(trimmed) || path.startsWith(trimmed + "/");
    }
}
