package nl.werkdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nl.werkdesk.testing.JwtKeys;
import nl.werkdesk.testing.PostgresServer;

/**
 * reporting-service as it runs in production (its jar, the prod profile, a real database): it refuses to start without a
 * pseudonym key, or with a k below 5, saying which setting to fix; with a key it starts. And the local stack's key: made once
 * per home, kept, another in another home.
 */
class ReportingStartupTest {

    private static final Path ROOT = Path.of(System.getProperty("werkdesk.root", "../..")).toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("reporting-service/target/quarkus-app/quarkus-run.jar");
    private static final long START_SECONDS = 180;
    private static final String DATABASE = "reporting_startup";

    @Test
    void refusesToStartWithoutAPseudonymKey() throws Exception {
        Started started = start(Map.of());
        assertNotEquals(0, started.exitCode(), started.output());
        assertTrue(started.output().contains("werkdesk.reporting.pseudonym-key is not set (environment WERKDESK_PSEUDONYM_KEY)"),
                started.output());
    }

    @Test
    void refusesToStartWithAKBelowFive() throws Exception {
        Started started = start(Map.of("WERKDESK_PSEUDONYM_KEY", "a-key-of-this-test-only-0123456789abcdef",
                "WERKDESK_REPORTING_MICRODATA_K", "4"));
        assertNotEquals(0, started.exitCode(), started.output());
        assertTrue(started.output().contains("werkdesk.reporting.microdata.k is 4"), started.output());
    }

    @Test
    void startsWithAKey() throws Exception {
        Started started = start(Map.of("WERKDESK_PSEUDONYM_KEY", "a-key-of-this-test-only-0123456789abcdef"));
        assertEquals(Integer.MIN_VALUE, started.exitCode(), "started: " + started.output());
    }

    @Test
    void makesOneKeyPerHomeAndKeepsIt() throws IOException {
        Path home = Files.createTempDirectory(ROOT.resolve("deploy/local/target"), "pseudonym-key-");
        String key = PseudonymKey.in(home);
        assertTrue(key.matches("^[0-9a-f]{64}$"), key);
        assertEquals(key, PseudonymKey.in(home), "kept");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve(PseudonymKey.FILE))), "readable by its owner only");
        Path other = Files.createTempDirectory(ROOT.resolve("deploy/local/target"), "pseudonym-key-");
        assertNotEquals(key, PseudonymKey.in(other), "another home, another key");
    }

    /** GET /q/health/live answers 200: the service started (ready needs the broker, which this test leaves out). */
    private static boolean live(int port) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/q/health/live")).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The outcome of a start: its exit code, or Integer.MIN_VALUE when it started (and was stopped then). */
    private record Started(int exitCode, String output) {
    }

    private static Started start(Map<String, String> extra) throws Exception {
        assertTrue(Files.exists(JAR), "reporting-service is built: " + JAR);
        PostgresServer postgres = PostgresServer.shared();
        postgres.createDatabase(DATABASE);
        Path folder = Files.createTempDirectory(ROOT.resolve("deploy/local/target"), "reporting-startup-");
        Path publicKey = JwtKeys.writePublicKey(folder.resolve("public.pem"), JwtKeys.newKeyPair());
        Path log = folder.resolve("reporting-service.log");
        int port = Settings.freePorts(1);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WERKDESK_DB_USER", postgres.username());
        env.put("WERKDESK_DB_PASSWORD", postgres.password());
        env.put("WERKDESK_DB_REACTIVE_URL", postgres.reactiveUrl(DATABASE));
        env.put("WERKDESK_DB_JDBC_URL", postgres.jdbcUrl(DATABASE));
        // No broker: the checks come first, and the service starts without one.
        env.put("WERKDESK_KAFKA", "127.0.0.1:" + Settings.freePorts(1));
        env.put("WERKDESK_JWT_PUBLIC_KEY", publicKey.toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.putAll(extra);
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable()));
        command.addAll(List.of(Settings.DEFAULT_SERVICE_JAVA_OPTIONS.split(" ")));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("WERKDESK_PSEUDONYM_KEY");
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
            while (System.nanoTime() < deadline) {
                if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                    return new Started(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
                }
                if (live(port)) {
                    return new Started(Integer.MIN_VALUE, Files.readString(log, StandardCharsets.UTF_8));
                }
            }
            throw new AssertionError("reporting-service neither stopped nor became ready within " + START_SECONDS + " s: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
