package nl.werkdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's class data archives: recorded once per jar, kept only when the JVM finished, never in the way. */
class ClassDataArchiveTest {

    private static final int SIGKILLED = 137;

    @TempDir
    Path root;

    private Settings settings;
    private Settings.Service service;

    @BeforeEach
    void fakeServiceJar() throws IOException {
        settings = settings(List.of(Settings.DEFAULT_SERVICE_JAVA_OPTIONS.split(" ")));
        service = settings.services().get(0);
        Path jar = service.jar(root);
        Files.createDirectories(jar.getParent().resolve("lib"));
        Files.writeString(jar, "the runner");
        Files.writeString(jar.getParent().resolve("lib/library.jar"), "a library");
    }

    @Test
    void theFirstStartRecordsAndACleanStopKeepsTheArchiveForTheNextStart() throws IOException {
        ClassDataArchive first = ClassDataArchive.of(settings, service);
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + first.partial(), ClassDataArchive.QUIET), first.javaOptions());
        assertTrue(first.recording());

        Files.writeString(first.partial(), "what the JVM wrote at exit");
        first.processEnded(true, ClassDataArchive.EXIT_AFTER_SIGTERM);

        assertFalse(Files.exists(first.partial()));
        assertTrue(Files.isRegularFile(first.archive()));
        ClassDataArchive next = ClassDataArchive.of(settings, service);
        assertEquals(first.archive(), next.archive());
        assertEquals(List.of("-XX:SharedArchiveFile=" + first.archive(), ClassDataArchive.QUIET), next.javaOptions());
        assertFalse(next.recording());
    }

    @Test
    void aRecordingOfAKilledOrFailedJvmIsThrownAway() throws IOException {
        ClassDataArchive killed = ClassDataArchive.of(settings, service);
        killed.javaOptions();
        Files.writeString(killed.partial(), "half an archive");
        killed.processEnded(false, SIGKILLED);
        assertFalse(Files.exists(killed.partial()));
        assertFalse(Files.exists(killed.archive()));

        ClassDataArchive failed = ClassDataArchive.of(settings, service);
        Files.writeString(failed.partial(), "an archive of a JVM that failed");
        failed.processEnded(true, 1);
        assertFalse(Files.exists(failed.archive()));
        assertTrue(ClassDataArchive.of(settings, service).javaOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndTheOldOneGoes() throws IOException {
        ClassDataArchive old = ClassDataArchive.of(settings, service);
        old.javaOptions();
        Files.writeString(old.partial(), "archive of the old build");
        old.processEnded(true, 0);

        // The same bytes, built again: the JVM would refuse the old archive, as the jar's time changed.
        Path library = service.jar(root).getParent().resolve("lib/library.jar");
        Files.setLastModifiedTime(library, FileTime.fromMillis(Files.getLastModifiedTime(library).toMillis() + 1000));
        ClassDataArchive rebuilt = ClassDataArchive.of(settings, service);
        assertNotEquals(old.archive(), rebuilt.archive());
        assertTrue(rebuilt.javaOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="));

        Files.writeString(rebuilt.partial(), "archive of the new build");
        rebuilt.processEnded(true, ClassDataArchive.EXIT_AFTER_SIGTERM);
        assertFalse(Files.exists(old.archive()));
        assertTrue(Files.exists(rebuilt.archive()));
    }

    @Test
    void otherJvmOptionsGetAnotherArchive() throws IOException {
        Settings bigger = settings(List.of("-Xmx1g"));
        assertNotEquals(ClassDataArchive.of(settings, service).archive(), ClassDataArchive.of(bigger, bigger.services().get(0)).archive());
    }

    @Test
    void aStackOnFreePortsHasNoArchives() {
        Settings fresh = Settings.onFreePorts(root, root.resolve("fresh"), settings.serviceJavaOptions());
        assertEquals(List.of(), ClassDataArchive.of(fresh, fresh.services().get(0)).javaOptions());
    }

    @Test
    void serviceOptionsThatDecideAboutSharingThemselvesTurnItOff() {
        for (String option : List.of("-Xshare:off", "-XX:SharedArchiveFile=/elsewhere.jsa", "-XX:ArchiveClassesAtExit=/elsewhere.jsa")) {
            Settings own = settings(List.of("-Xmx256m", option));
            assertEquals(List.of(), ClassDataArchive.of(own, own.services().get(0)).javaOptions(), option);
        }
    }

    @Test
    void aRealJvmWritesAnArchiveItCanMapAndStartsQuietlyWithoutAnUnusableOne() throws Exception {
        ClassDataArchive recording = ClassDataArchive.of(settings, service);
        Process recorder = java(recording.javaOptions());
        recording.processEnded(true, recorder.exitValue());
        assertEquals(0, recorder.exitValue(), output(recorder));
        assertTrue(Files.size(recording.archive()) > 0);

        // -Xshare:on: the JVM refuses to start unless it maps the archive.
        List<String> mapping = new ArrayList<>(ClassDataArchive.of(settings, service).javaOptions());
        mapping.add("-Xshare:on");
        Process mapped = java(mapping);
        assertEquals(0, mapped.exitValue(), output(mapped));

        Files.delete(recording.archive());
        Files.write(recording.archive(), "not an archive".getBytes(StandardCharsets.UTF_8));
        Process fallback = java(ClassDataArchive.of(settings, service).javaOptions());
        String said = output(fallback);
        assertEquals(0, fallback.exitValue(), said);
        assertFalse(said.contains("cds") || said.contains("archive"), said);
    }

    /** java OPTIONS -version: a JVM that starts, runs and exits (and writes its archive on the way out). */
    private static Process java(List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaExecutable());
        command.addAll(options);
        command.add("-version");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
        return process;
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private Settings settings(List<String> javaOptions) {
        return new Settings(root, root.resolve("home"), 1, 2, Settings.services(Settings.DEFAULT_FIRST_SERVICE_PORT), javaOptions, true);
    }
}
