package nl.werkdesk.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** One rendered kustomization: its objects as JSON trees, and where it came from. */
record Manifests(String name, List<JsonNode> objects) {

    static final Path ROOT = Path.of(System.getProperty("werkdesk.root", "../..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** Every overlay under deploy/k8s/overlays, by folder name. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot list the overlays: " + e, e);
        }
    }

    static Manifests overlay(String name) {
        return render("overlays/" + name);
    }

    /** Renders deploy/k8s/{path} with kustomize and parses every document. */
    static Manifests render(String path) {
        String yaml = Kustomize.render(K8S.resolve(path));
        return new Manifests(path, parse(yaml));
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(text(object.path("kind"))));
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(object -> name.equals(name(object))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " has no " + kind + " " + name));
    }

    /** A core object as its fabric8 type (unknown kinds become GenericKubernetesResource). */
    static <T extends KubernetesResource> T typed(JsonNode object, Class<T> type) {
        return JSON.treeToValue(object, type);
    }

    static HasMetadata typed(JsonNode object) {
        return (HasMetadata) JSON.treeToValue(object, KubernetesResource.class);
    }

    static String name(JsonNode object) {
        return text(object.path("metadata").path("name"));
    }

    static String describe(JsonNode object) {
        return text(object.path("kind")) + " " + name(object);
    }

    /** The text of a scalar node; "" for a missing or null one. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    /** The nodes of an array (none for a missing node). */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.values().forEach(items::add);
        }
        return items;
    }
}
