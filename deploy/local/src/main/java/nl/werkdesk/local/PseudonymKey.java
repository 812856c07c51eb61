package nl.werkdesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The local stack's secret key of the researcher's pseudonyms (reporting-service's werkdesk.reporting.pseudonym-key): made
 * once per home, 32 random bytes as hex in .werkdesk/pseudonym-key, readable by its owner only, and kept, so that the same
 * participant has the same pseudonym in every export of this home. Another home has another key, so their pseudonyms cannot
 * be linked.
 */
public final class PseudonymKey {

    static final String FILE = "pseudonym-key";
    private static final int BYTES = 32;

    private PseudonymKey() {
    }

    /** The key of this home, made first if missing. */
    public static synchronized String in(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                byte[] key = new byte[BYTES];
                new SecureRandom().nextBytes(key);
                Path written = Files.createTempFile(home, FILE, ".tmp");
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(written, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
                Files.move(written, file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the pseudonym key " + file, e);
        }
    }
}
