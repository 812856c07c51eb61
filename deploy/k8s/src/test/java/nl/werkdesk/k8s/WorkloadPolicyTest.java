package nl.werkdesk.k8s;

import static nl.werkdesk.k8s.Manifests.list;
import static nl.werkdesk.k8s.Manifests.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.werkdesk.k8s.Services.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The platform's rules for every service's workload, in every overlay: probes on /q/health, requests and limits,
 * the restricted Pod Security Standard, a read-only root with /tmp on an emptyDir, no service account token, a
 * versioned image, a Service and a ServiceMonitor, every setting the service reads, and the replica policy of the
 * overlay (dev: one replica; every other overlay: an autoscaler from two up and a disruption budget).
 */
class WorkloadPolicyTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(WERKDESK_[A-Z0-9_]+)(?::([^}]*))?}");
    private static final Path KERNEL_DEFAULTS = Manifests.ROOT
            .resolve("platform/event-sourcing/src/main/resources/META-INF/microprofile-config.properties");

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceRunsHardenedWithProbesAndLimits(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            Deployment deployment = Manifests.typed(manifests.get("Deployment", service.name()), Deployment.class);
            String where = overlay + " " + service.name();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().stream().filter(c -> c.getName().equals(service.name())).findFirst().orElse(null);
            if (container == null) {
                problems.add(where + ": no container named " + service.name());
                continue;
            }
            checkProbe(where, "startupProbe", container.getStartupProbe(), service, problems);
            checkProbe(where, "livenessProbe", container.getLivenessProbe(), service, problems);
            checkProbe(where, "readinessProbe", container.getReadinessProbe(), service, problems);
            checkResources(where, container, problems);
            checkSecurity(where, pod, container, problems);
            checkTmp(where, pod, container, problems);
            checkImage(where, overlay, service, container.getImage(), problems);
            checkServiceAccount(where, manifests, service, pod, problems);
        }
        assertEquals(List.of(), problems, "workloads that break the platform's rules");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasAServiceAndAServiceMonitor(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            String where = overlay + " " + service.name();
            JsonNode deployment = manifests.get("Deployment", service.name());
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            JsonNode kubeService = manifests.find("Service", service.name()).orElse(null);
            if (kubeService == null) {
                problems.add(where + ": no Service");
                continue;
            }
            if (!selects(kubeService.path("spec").path("selector"), podLabels)) {
                problems.add(where + ": the Service does not select the Deployment's pods");
            }
            boolean http = list(kubeService.path("spec").path("ports")).stream().anyMatch(port -> "http".equals(text(port.path("name")))
                    && (String.valueOf(service.port()).equals(text(port.path("targetPort"))) || "http".equals(text(port.path("targetPort")))));
            if (!http) {
                problems.add(where + ": the Service has no port named http to the container's port " + service.port());
            }
            boolean monitored = manifests.ofKind("ServiceMonitor")
                    .filter(monitor -> selects(monitor.path("spec").path("selector").path("matchLabels"), kubeService.path("metadata").path("labels")))
                    .anyMatch(monitor -> list(monitor.path("spec").path("endpoints")).stream()
                            .anyMatch(endpoint -> "/q/metrics".equals(text(endpoint.path("path")))));
            if (!monitored) {
                problems.add(where + ": no ServiceMonitor scrapes /q/metrics through its Service");
            }
        }
        assertEquals(List.of(), problems, "services that cannot be reached or scraped");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySettingAServiceReadsIsProvided(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            JsonNode container = list(manifests.get("Deployment", service.name()).path("spec").path("template").path("spec")
                    .path("containers")).get(0);
            Set<String> provided = new HashSet<>();
            list(container.path("env")).forEach(env -> provided.add(text(env.path("name"))));
            for (JsonNode source : list(container.path("envFrom"))) {
                String configMap = text(source.path("configMapRef").path("name"));
                manifests.find("ConfigMap", configMap).ifPresent(map -> provided.addAll(map.path("data").propertyNames()));
            }
            for (String variable : required(service)) {
                if (!provided.contains(variable)) {
                    problems.add(overlay + " " + service.name() + ": " + variable + " is read but not set");
                }
            }
        }
        assertEquals(List.of(), problems, "settings the services would start without");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void replicasFitTheOverlay(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>();
        boolean development = overlay.equals("dev");
        for (Service service : Services.all()) {
            String where = overlay + " " + service.name();
            JsonNode deployment = manifests.get("Deployment", service.name());
            JsonNode replicas = deployment.path("spec").path("replicas");
            List<JsonNode> autoscalers = manifests.ofKind("HorizontalPodAutoscaler")
                    .filter(hpa -> "Deployment".equals(text(hpa.path("spec").path("scaleTargetRef").path("kind")))
                            && service.name().equals(text(hpa.path("spec").path("scaleTargetRef").path("name")))).toList();
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> budgets = manifests.ofKind("PodDisruptionBudget")
                    .filter(pdb -> selects(pdb.path("spec").path("selector").path("matchLabels"), podLabels)).toList();
            if (development) {
                if (replicas.isMissingNode() || replicas.asInt() != 1) {
                    problems.add(where + ": dev runs one replica, not " + replicas);
                }
                if (!autoscalers.isEmpty() || !budgets.isEmpty()) {
                    problems.add(where + ": dev has no autoscaler or disruption budget (one replica could never be evicted)");
                }
                continue;
            }
            if (autoscalers.size() != 1) {
                problems.add(where + ": needs exactly one HorizontalPodAutoscaler, has " + autoscalers.size());
            } else {
                JsonNode spec = autoscalers.get(0).path("spec");
                if (spec.path("minReplicas").asInt() < 2 || spec.path("maxReplicas").asInt() < spec.path("minReplicas").asInt()) {
                    problems.add(where + ": the autoscaler must keep at least two replicas, and max >= min");
                }
                if (!replicas.isMissingNode()) {
                    problems.add(where + ": the autoscaler owns the replica count; the Deployment must not set one");
                }
            }
            if (budgets.size() != 1) {
                problems.add(where + ": needs exactly one PodDisruptionBudget, has " + budgets.size());
            } else {
                JsonNode spec = budgets.get(0).path("spec");
                boolean allowsOneDown = spec.has("maxUnavailable") ? spec.path("maxUnavailable").asInt() >= 1
                        : spec.path("minAvailable").asInt() <= 1;
                boolean keepsOneUp = spec.has("maxUnavailable") || spec.path("minAvailable").asInt() >= 1;
                if (!allowsOneDown || !keepsOneUp) {
                    problems.add(where + ": the disruption budget must let one replica go and keep the rest");
                }
            }
        }
        assertEquals(List.of(), problems, "replica policy of " + overlay);
    }

    /** WERKDESK_* variables the service reads that have no default, or a default that only fits a laptop. */
    static Set<String> required(Service service) {
        Set<String> required = new HashSet<>();
        for (Path file : List.of(service.resource("application.properties"), KERNEL_DEFAULTS)) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + file, e);
            }
            for (String line : text.split("\n")) {
                if (line.startsWith("%") || line.startsWith("#")) {
                    continue;
                }
                Matcher placeholder = PLACEHOLDER.matcher(line);
                while (placeholder.find()) {
                    String fallback = placeholder.group(2);
                    if (fallback == null || fallback.contains("127.0.0.1") || fallback.contains("localhost")) {
                        required.add(placeholder.group(1));
                    }
                }
            }
        }
        return required;
    }

    /** Whether every label of the selector is on the object. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || !selector.isObject() || selector.isEmpty()) {
            return false;
        }
        return selector.properties().stream().allMatch(label -> label.getValue().equals(labels.path(label.getKey())));
    }

    private static void checkProbe(String where, String name, Probe probe, Service service, List<String> problems) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        if (get == null) {
            problems.add(where + ": no HTTP " + name);
            return;
        }
        if (!get.getPath().startsWith("/q/health/")) {
            problems.add(where + ": " + name + " is not on /q/health but " + get.getPath());
        }
        String port = get.getPort().getStrVal() != null ? get.getPort().getStrVal() : String.valueOf(get.getPort().getIntVal());
        if (!port.equals("http") && !port.equals(String.valueOf(service.port()))) {
            problems.add(where + ": " + name + " probes port " + port + ", the service listens on " + service.port());
        }
    }

    private static void checkResources(String where, Container container, List<String> problems) {
        Map<String, Quantity> requests = container.getResources() == null ? Map.of() : container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources() == null ? Map.of() : container.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = requests.get(resource);
            Quantity limit = limits.get(resource);
            if (request == null || limit == null) {
                problems.add(where + ": needs a " + resource + " request and limit");
            } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                problems.add(where + ": " + resource + " request " + request + " is above its limit " + limit);
            }
        }
    }

    private static void checkSecurity(String where, PodSpec pod, Container container, List<String> problems) {
        PodSecurityContext podContext = Objects.requireNonNullElseGet(pod.getSecurityContext(), PodSecurityContext::new);
        SecurityContext context = Objects.requireNonNullElseGet(container.getSecurityContext(), SecurityContext::new);
        boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot()) || Boolean.TRUE.equals(podContext.getRunAsNonRoot());
        Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
        if (!nonRoot || (user != null && user == 0)) {
            problems.add(where + ": must run as non-root");
        }
        String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
            problems.add(where + ": needs seccompProfile RuntimeDefault");
        }
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            problems.add(where + ": allowPrivilegeEscalation must be false");
        }
        if (Boolean.TRUE.equals(context.getPrivileged())) {
            problems.add(where + ": must not be privileged");
        }
        if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
            problems.add(where + ": readOnlyRootFilesystem must be true");
        }
        if (context.getCapabilities() == null || !context.getCapabilities().getDrop().contains("ALL")
                || !context.getCapabilities().getAdd().isEmpty()) {
            problems.add(where + ": must drop ALL capabilities and add none");
        }
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
            problems.add(where + ": must not share the host's namespaces");
        }
    }

    private static void checkTmp(String where, PodSpec pod, Container container, List<String> problems) {
        boolean tmp = container.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals("/tmp"))
                .anyMatch(mount -> pod.getVolumes().stream().filter(volume -> volume.getName().equals(mount.getName()))
                        .map(Volume::getEmptyDir).anyMatch(Objects::nonNull));
        if (!tmp) {
            problems.add(where + ": /tmp must be an emptyDir (the root filesystem is read-only)");
        }
    }

    private static void checkImage(String where, String overlay, Service service, String image, List<String> problems) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        String tag = colon < 0 ? "" : last.substring(colon + 1);
        if (!last.startsWith(service.name() + ":") && !last.startsWith(service.name() + "@")) {
            problems.add(where + ": runs image " + image + ", not " + service.name());
        }
        if (tag.isEmpty() || tag.equals("latest")) {
            problems.add(where + ": image " + image + " needs a version tag (never latest)");
        }
        if (!overlay.equals("dev") && tag.endsWith("SNAPSHOT")) {
            problems.add(where + ": " + overlay + " runs a release, not " + image);
        }
    }

    private static void checkServiceAccount(String where, Manifests manifests, Service service, PodSpec pod, List<String> problems) {
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            problems.add(where + ": the pod must not mount a service account token");
        }
        if (!service.name().equals(pod.getServiceAccountName())) {
            problems.add(where + ": runs as service account " + pod.getServiceAccountName() + ", not its own");
            return;
        }
        manifests.find("ServiceAccount", service.name()).map(sa -> Manifests.typed(sa, ServiceAccount.class)).ifPresentOrElse(
                sa -> {
                    if (!Boolean.FALSE.equals(sa.getAutomountServiceAccountToken())) {
                        problems.add(where + ": its ServiceAccount must set automountServiceAccountToken: false");
                    }
                },
                () -> problems.add(where + ": no ServiceAccount " + service.name()));
    }
}
