package nl.werkdesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The TypeScript client of clients/typescript, built as a front-end builds it and run against a running stack: npm's
 * exact tools (npm ci, when the lock file changed), types generated from the OpenAPI documents this build wrote,
 * compiled with tsc --strict, then one command and one query per service.
 */
final class TypedClient {

    /** Bounds on processes that may hang (a registry away, a service that never answers); not a measure of speed. */
    private static final long INSTALL_SECONDS = 600;
    private static final long BUILD_SECONDS = 300;
    private static final long RUN_SECONDS = 300;
    private static final List<String> ROLES = List.of("caseworker", "employer-liaison", "permit-officer", "finance", "analyst");

    /** What a step printed, and how it ended. */
    record Finished(int exitCode, String output) {

        String lastLines() {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }
    }

    private TypedClient() {
    }

    /** Builds the client from the documents under {@code root} and runs it against the stack; the run's output. */
    static Finished buildAndRun(Path root, Settings settings, DevKeys keys) {
        Path folder = root.resolve("clients/typescript");
        Path installed = folder.resolve("node_modules/.package-lock.json");
        try {
            Path lock = folder.resolve("package-lock.json");
            if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) < 0) {
                require(run(folder, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_SECONDS), "npm ci");
            }
            require(run(folder, List.of("npm", "run", "generate"), Map.of(), BUILD_SECONDS), "npm run generate (openapi-typescript)");
            require(run(folder, List.of("npm", "run", "build"), Map.of(), BUILD_SECONDS), "npm run build (tsc --strict)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        settings.services().forEach(s -> environment.put("WERKDESK_" + s.shortName().toUpperCase(Locale.ROOT) + "_URL",
                "http://127.0.0.1:" + s.port()));
        ROLES.forEach(role -> environment.put("WERKDESK_TOKEN_" + role.toUpperCase(Locale.ROOT).replace('-', '_'), keys.token(role)));
        return run(folder, List.of("node", "dist/smoke.js"), environment, RUN_SECONDS);
    }

    private static void require(Finished step, String what) {
        if (step.exitCode() != 0) {
            throw new AssertionError(what + " failed in clients/typescript (exit " + step.exitCode() + "):\n" + step.lastLines());
        }
    }

    private static Finished run(Path folder, List<String> command, Map<String, String> environment, long timeoutSeconds) {
        try {
            Path output = Files.createTempFile("werkdesk-typed-client", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(folder.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Finished(-1, Files.readString(output, StandardCharsets.UTF_8) + "\n" + command + " did not finish within "
                            + timeoutSeconds + " s");
                }
                return new Finished(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new Finished(-1, command + " could not run (are Node.js 20 and npm on the PATH?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Finished(-1, command + " was interrupted");
        }
    }
}
