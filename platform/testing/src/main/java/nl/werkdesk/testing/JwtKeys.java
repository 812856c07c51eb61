package nl.werkdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * The RSA key pair of this test JVM: the private key in memory for {@link TestTokens}, both keys as PEM files for
 * the service under test. One pair per JVM, also across Quarkus test profiles (see {@link JvmWide}), so a token
 * made in a test always verifies in the application. The local stack (deploy/local) uses {@link #newKeyPair} and the
 * PEM writers for its development key pair.
 */
public final class JwtKeys {

    private static final Logger LOG = Logger.getLogger(JwtKeys.class);
    private static final int KEY_SIZE = 2048;

    private static final String PRIVATE_KEY = "privateKey";
    private static final String PUBLIC_KEY_LOCATION = "publicKeyLocation";
    private static final String PRIVATE_KEY_LOCATION = "privateKeyLocation";

    /** This class loader's view of the key pair. */
    private static JwtKeys shared;
    /** The JVM's key pair; only set in the owning copy of this class. */
    private static Map<String, Object> handle;

    private final PrivateKey privateKey;
    private final String publicKeyLocation;
    private final String privateKeyLocation;

    private JwtKeys(Map<String, Object> handle) {
        this.privateKey = (PrivateKey) handle.get(PRIVATE_KEY);
        this.publicKeyLocation = (String) handle.get(PUBLIC_KEY_LOCATION);
        this.privateKeyLocation = (String) handle.get(PRIVATE_KEY_LOCATION);
    }

    static synchronized JwtKeys shared() {
        if (shared == null) {
            shared = new JwtKeys(JvmWide.handle(JwtKeys.class));
        }
        return shared;
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot generate RSA keys", e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** X.509 SubjectPublicKeyInfo PEM, as a location smallrye-jwt reads ({@code file:} prefix). */
    String publicKeyLocation() {
        return publicKeyLocation;
    }

    /** PKCS#8 PEM, as a location smallrye-jwt reads ({@code file:} prefix). */
    String privateKeyLocation() {
        return privateKeyLocation;
    }

    /** Runs in the owning copy of this class only; {@link JvmWide} calls it reflectively. */
    private static synchronized Map<String, Object> jvmHandle() {
        if (handle == null) {
            KeyPair pair = newKeyPair();
            Path directory = TempDirectories.create("werkdesk-jwt-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempDirectories.deleteQuietly(directory),
                    "werkdesk-jwt-cleanup"));
            Path publicKey = write(directory.resolve("public-key.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
            Path privateKey = write(directory.resolve("private-key.pem"), "PRIVATE KEY",
                    pair.getPrivate().getEncoded());
            LOG.infof("JWT test key pair (RSA-%d, issuer %s) in %s", KEY_SIZE, TestTokens.ISSUER, directory);
            handle = Map.of(PRIVATE_KEY, pair.getPrivate(), PUBLIC_KEY_LOCATION, "file:" + publicKey,
                    PRIVATE_KEY_LOCATION, "file:" + privateKey);
        }
        return handle;
    }

    public static Path writePublicKey(Path file, KeyPair pair) {
        return write(file, "PUBLIC KEY", pair.getPublic().getEncoded());
    }

    public static Path writePrivateKey(Path file, KeyPair pair) {
        return write(file, "PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    private static Path write(Path file, String type, byte[] der) {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        try {
            return Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
