package nl.werkdesk.k8s;

import static nl.werkdesk.k8s.Manifests.list;
import static nl.werkdesk.k8s.Manifests.name;
import static nl.werkdesk.k8s.Manifests.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.werkdesk.k8s.Services.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL as the services need it: a CloudNativePG cluster of three instances that archives and backs up to an
 * object store, TLS only; per service a login role and a database it owns (the database its application.properties
 * names), the role's credentials in the secret the service reads, and URLs that reach the primary over verified TLS.
 */
class PostgresPolicyTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theClusterHasThreeInstancesBackupsAndTlsOnly(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        JsonNode cluster = cluster(manifests);
        JsonNode spec = cluster.path("spec");
        List<String> problems = new ArrayList<>();
        if (spec.path("instances").asInt() != 3) {
            problems.add("instances must be 3, is " + spec.path("instances"));
        }
        Optional<JsonNode> archiver = list(spec.path("plugins")).stream()
                .filter(plugin -> "barman-cloud.cloudnative-pg.io".equals(text(plugin.path("name"))) && plugin.path("isWALArchiver").asBoolean())
                .findFirst();
        if (archiver.isEmpty()) {
            problems.add("no Barman Cloud plugin archiving the WAL");
        } else if (manifests.find("ObjectStore", text(archiver.get().path("parameters").path("barmanObjectName"))).isEmpty()) {
            problems.add("the WAL archive's ObjectStore " + archiver.get().path("parameters").path("barmanObjectName") + " does not exist");
        }
        boolean scheduled = manifests.ofKind("ScheduledBackup")
                .anyMatch(backup -> name(cluster).equals(text(backup.path("spec").path("cluster").path("name")))
                        && "plugin".equals(text(backup.path("spec").path("method")))
                        && "barman-cloud.cloudnative-pg.io".equals(text(backup.path("spec").path("pluginConfiguration").path("name"))));
        if (!scheduled) {
            problems.add("no ScheduledBackup of " + name(cluster) + " through the Barman Cloud plugin");
        }
        boolean tlsOnly = list(spec.path("postgresql").path("pg_hba")).stream()
                .anyMatch(rule -> text(rule).matches("hostnossl\\s+all\\s+all\\s+\\S+\\s+reject"));
        if (!tlsOnly) {
            problems.add("pg_hba must reject connections without TLS (hostnossl all all all reject)");
        }
        assertEquals(List.of(), problems, "the PostgreSQL cluster of " + overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceOwnsItsDatabaseThroughItsOwnRole(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        JsonNode cluster = cluster(manifests);
        Map<String, JsonNode> roles = new TreeMap<>();
        list(cluster.path("spec").path("managed").path("roles")).forEach(role -> roles.put(text(role.path("name")), role));
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            String role = service.database();
            Optional<JsonNode> database = manifests.ofKind("Database")
                    .filter(db -> service.database().equals(text(db.path("spec").path("name")))).findFirst();
            if (database.isEmpty()) {
                problems.add(service.name() + ": no Database " + service.database());
            } else {
                JsonNode spec = database.get().path("spec");
                if (!name(cluster).equals(text(spec.path("cluster").path("name"))) || !role.equals(text(spec.path("owner")))) {
                    problems.add(service.name() + ": database " + service.database() + " must be in " + name(cluster) + ", owned by " + role);
                }
            }
            JsonNode managed = roles.get(role);
            String secret = service.name() + "-db";
            if (managed == null || !managed.path("login").asBoolean() || !secret.equals(text(managed.path("passwordSecret").path("name")))) {
                problems.add(service.name() + ": needs a managed login role " + role + " with passwordSecret " + secret);
            }
            JsonNode container = list(manifests.get("Deployment", service.name()).path("spec").path("template").path("spec").path("containers")).get(0);
            for (String variable : List.of("WERKDESK_DB_USER", "WERKDESK_DB_PASSWORD")) {
                boolean fromSecret = list(container.path("env")).stream().anyMatch(env -> variable.equals(text(env.path("name")))
                        && secret.equals(text(env.path("valueFrom").path("secretKeyRef").path("name"))));
                if (!fromSecret) {
                    problems.add(service.name() + ": " + variable + " must come from secret " + secret);
                }
            }
            checkUrls(manifests, cluster, service, problems);
        }
        assertEquals(List.of(), problems, "databases of " + overlay);
    }

    private static void checkUrls(Manifests manifests, JsonNode cluster, Service service, List<String> problems) {
        JsonNode data = manifests.get("ConfigMap", KafkaPolicyTest.configMap(manifests, service.name() + "-config")).path("data");
        String host = name(cluster) + "-rw";
        URI jdbc = URI.create(text(data.path("WERKDESK_DB_JDBC_URL")).replaceFirst("^jdbc:", ""));
        URI reactive = URI.create(text(data.path("WERKDESK_DB_REACTIVE_URL")));
        for (URI url : List.of(jdbc, reactive)) {
            if (!host.equals(url.getHost()) || !("/" + service.database()).equals(url.getPath())
                    || url.getQuery() == null || !url.getQuery().contains("sslmode=verify-full")) {
                problems.add(service.name() + ": " + url + " must reach " + host + "/" + service.database() + " with sslmode=verify-full");
            }
        }
        String caSecret = name(cluster) + "-ca";
        JsonNode pod = manifests.get("Deployment", service.name()).path("spec").path("template").path("spec");
        Optional<String> volume = list(pod.path("volumes")).stream()
                .filter(candidate -> caSecret.equals(text(candidate.path("secret").path("secretName"))))
                .map(candidate -> text(candidate.path("name"))).findFirst();
        Optional<String> mountPath = volume.flatMap(name -> list(list(pod.path("containers")).get(0).path("volumeMounts")).stream()
                .filter(mount -> name.equals(text(mount.path("name")))).map(mount -> text(mount.path("mountPath"))).findFirst());
        if (mountPath.isEmpty() || jdbc.getQuery() == null || !jdbc.getQuery().contains("sslrootcert=" + mountPath.get() + "/ca.crt")) {
            problems.add(service.name() + ": the JDBC URL must verify the server against " + caSecret + " mounted in the pod");
        }
    }

    static JsonNode cluster(Manifests manifests) {
        List<JsonNode> clusters = manifests.ofKind("Cluster").toList();
        assertEquals(1, clusters.size(), manifests.name() + " has one CloudNativePG cluster");
        return clusters.get(0);
    }
}
