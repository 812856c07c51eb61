package nl.werkdesk.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.werkdesk.k8s.Services.Service;
import org.junit.jupiter.api.Test;

/**
 * What Quarkus generates stays what Quarkus generates: each service's copy in deploy/k8s/base/<service>/kubernetes.yml
 * equals the target/kubernetes/kubernetes.yml its build wrote (quarkus-kubernetes, configured by the kernel's
 * defaults), and each service ships the Dockerfile that builds the image those manifests run.
 */
class GeneratedManifestsTest {

    @Test
    void everyServiceHasItsGeneratedManifestsInTheBase() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            Path copy = Manifests.K8S.resolve("base").resolve(service.name()).resolve("kubernetes.yml");
            Path kustomization = copy.resolveSibling("kustomization.yaml");
            if (!Files.isRegularFile(copy) || !Files.readString(kustomization).contains("- kubernetes.yml")) {
                problems.add(service.name() + ": base/" + service.name() + " must hold kubernetes.yml and list it in its kustomization");
            }
            if (!Files.readString(Manifests.K8S.resolve("base/kustomization.yaml")).contains("- " + service.name())) {
                problems.add(service.name() + ": base/kustomization.yaml does not include it");
            }
        }
        assertEquals(List.of(), problems, "services missing from deploy/k8s/base");
    }

    @Test
    void theCopiesEqualWhatTheBuildGenerated() throws IOException {
        List<String> stale = new ArrayList<>();
        int compared = 0;
        for (Service service : Services.all()) {
            Path generated = service.directory().resolve("target/kubernetes/kubernetes.yml");
            if (!Files.isRegularFile(generated)) {
                continue;
            }
            compared++;
            Path copy = Manifests.K8S.resolve("base").resolve(service.name()).resolve("kubernetes.yml");
            if (!Files.isRegularFile(copy) || !Manifests.parse(Files.readString(generated)).equals(Manifests.parse(Files.readString(copy)))) {
                stale.add("cp " + Manifests.ROOT.relativize(generated) + " " + Manifests.ROOT.relativize(copy));
            }
        }
        assumeTrue(compared > 0, "no */target/kubernetes/kubernetes.yml: build the services first (./mvnw verify does)");
        assertEquals(List.of(), stale, "deploy/k8s/base is out of date with what Quarkus generates; from the repository root run");
    }

    @Test
    void everyServiceShipsTheDockerfileForItsImage() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Service service : Services.all()) {
            Path dockerfile = service.directory().resolve("src/main/docker/Dockerfile.jvm");
            if (!Files.isRegularFile(dockerfile)) {
                problems.add(service.name() + ": no src/main/docker/Dockerfile.jvm");
                continue;
            }
            String text = Files.readString(dockerfile);
            if (!text.contains("\nEXPOSE " + service.port() + "\n") || !text.contains("\nUSER 185\n")
                    || !text.contains("target/quarkus-app/")) {
                problems.add(service.name() + ": Dockerfile.jvm must copy target/quarkus-app, EXPOSE " + service.port() + " and run as USER 185");
            }
        }
        assertEquals(List.of(), problems, "container images that cannot be built as the manifests expect");
    }
}
