package nl.werkdesk.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Class data sharing for a service's JVM (JDK 17's dynamic archive). The first start of a service jar records the
 * classes it loads, and the JVM writes them to an archive when it exits on SIGTERM; later starts map that archive
 * instead of loading, parsing and verifying some ten thousand classes again. The archive's name covers every file of
 * the service's quarkus-app folder (path, size, time), the JVM and the service's options, so a rebuilt jar or another
 * JDK gets a new archive. The JVM writes to a partial file that becomes the archive only after a stop the JVM finished
 * itself: a JVM killed while writing leaves nothing the next start would map. The JVM ignores an archive it cannot use,
 * and nothing here fails a start.
 */
final class ClassDataArchive {

    private static final Logger LOG = Logger.getLogger(ClassDataArchive.class);

    /** The JVM's notes on classes it cannot archive, or an archive it will not use, would fill the service log. */
    static final String QUIET = "-Xlog:cds*=off";
    /** The exit code of a JVM that ran its shutdown (and wrote the archive) after SIGTERM: 128 + 15. */
    static final int EXIT_AFTER_SIGTERM = 143;
    private static final String SUFFIX = ".jsa";
    private static final String PARTIAL_SUFFIX = ".jsa.partial";
    /** Hex digits of the SHA-256 that name an archive: enough to tell builds apart. */
    private static final int KEY_LENGTH = 16;

    private final Path directory;
    private final String service;
    private final Path archive;
    private final boolean enabled;
    private final boolean records;

    private ClassDataArchive(Path directory, String service, Path archive, boolean enabled) {
        this(directory, service, archive, enabled, true);
    }

    private ClassDataArchive(Path directory, String service, Path archive, boolean enabled, boolean records) {
        this.directory = directory;
        this.service = service;
        this.archive = archive;
        this.enabled = enabled;
        this.records = records;
    }

    /** The same archive for a second replica of the service: mapped when it is there, never recorded (one JVM writes it). */
    ClassDataArchive mapOnly() {
        return new ClassDataArchive(directory, service, archive, enabled && Files.isRegularFile(archive), false);
    }

    /**
     * The archive of this service's current jar under {@code <home>/cds}. Without CDS when the settings say so, the JVM
     * has no base archive to build on (the JVM would refuse to start) or the service options decide about CDS themselves.
     */
    static ClassDataArchive of(Settings settings, Settings.Service service) {
        Path directory = settings.home().resolve("cds");
        if (!settings.classDataSharing() || !baseArchiveExists() || settings.serviceJavaOptions().stream().anyMatch(ClassDataArchive::aboutSharing)) {
            return new ClassDataArchive(directory, service.module(), null, false);
        }
        try {
            String key = key(service.jar(settings.root()).getParent(), settings.serviceJavaOptions());
            return new ClassDataArchive(directory, service.module(), directory.resolve(service.module() + "-" + key + SUFFIX), true);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("No class data sharing for %s: %s", service.module(), e.getMessage());
            return new ClassDataArchive(directory, service.module(), null, false);
        }
    }

    /** True when this run records the archive: the JVM needs extra time to write it when it stops. */
    boolean recording() {
        return enabled && records && !Files.isRegularFile(archive);
    }

    /** Options that map the archive, or that record it on this run; none without CDS. */
    List<String> javaOptions() {
        if (!enabled) {
            return List.of();
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, QUIET);
        }
        if (!records) {
            return List.of();
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            return List.of();
        }
        return List.of("-XX:ArchiveClassesAtExit=" + partial(), QUIET);
    }

    /**
     * After the service's process ended: a recording that the JVM finished (it exited by itself after SIGTERM or with
     * 0) becomes the archive, and older archives of this service go; anything else is thrown away.
     */
    void processEnded(boolean stoppedByItself, int exitCode) {
        if (!enabled || !records || !Files.exists(partial())) {
            return;
        }
        try {
            if (stoppedByItself && (exitCode == 0 || exitCode == EXIT_AFTER_SIGTERM) && Files.size(partial()) > 0) {
                Files.move(partial(), archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                deleteOthers();
            } else {
                Files.deleteIfExists(partial());
            }
        } catch (IOException e) {
            LOG.debugf("Cannot keep the class data archive of %s: %s", service, e.getMessage());
        }
    }

    Path archive() {
        return archive;
    }

    Path partial() {
        return archive.resolveSibling(archive.getFileName().toString().replace(SUFFIX, PARTIAL_SUFFIX));
    }

    private void deleteOthers() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, service + "-*")) {
            for (Path file : files) {
                if (!file.equals(archive)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static boolean aboutSharing(String option) {
        return option.startsWith("-Xshare") || option.contains("SharedArchiveFile") || option.contains("ArchiveClassesAtExit");
    }

    /** The JDK's own archive, which a dynamic archive extends; some JDK builds do not ship it. */
    private static boolean baseArchiveExists() {
        Path server = Path.of(System.getProperty("java.home"), "lib", "server");
        return Files.isRegularFile(server.resolve("classes.jsa")) || Files.isRegularFile(server.resolve("classes_nocoops.jsa"));
    }

    /** What the JVM checks before it uses an archive, and more: every file of the app, the JVM, the options. */
    static String key(Path quarkusApp, List<String> javaOptions) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(digest, System.getProperty("java.home"));
        update(digest, System.getProperty("java.vm.version"));
        update(digest, String.join(" ", javaOptions));
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, quarkusApp.relativize(file) + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, KEY_LENGTH);
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }
}
