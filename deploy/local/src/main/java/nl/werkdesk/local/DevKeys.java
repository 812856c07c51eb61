package nl.werkdesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import nl.werkdesk.testing.JwtKeys;

/**
 * The local stack's development key pair, made once under .werkdesk/dev-keys and kept, so that tokens stay valid
 * across restarts; the services verify with its public key, {@link #token} signs with its private key.
 */
public final class DevKeys {

    /** The issuer the services expect by default (WERKDESK_JWT_ISSUER). */
    public static final String ISSUER = "urn:werkdesk:local";
    public static final List<String> ROLES = List.of("caseworker", "employer-liaison", "permit-officer", "analyst", "researcher",
            "finance", "operator");
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final Path publicKey;
    private final PrivateKey privateKey;

    private DevKeys(Path publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** The pair in this folder, made first if missing. */
    public static synchronized DevKeys in(Path directory) {
        Path publicKey = directory.resolve("public.pem");
        Path privateKey = directory.resolve("private.pem");
        try {
            if (!Files.exists(publicKey) || !Files.exists(privateKey)) {
                Files.createDirectories(directory);
                KeyPair pair = JwtKeys.newKeyPair();
                JwtKeys.writePublicKey(publicKey, pair);
                JwtKeys.writePrivateKey(privateKey, pair);
            }
            String pem = Files.readString(privateKey, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new DevKeys(publicKey, key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the development keys in " + directory, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The development private key in " + privateKey + " is unreadable; delete "
                    + directory + " to make a new pair", e);
        }
    }

    public Path publicKey() {
        return publicKey;
    }

    /** A bearer token (without "Bearer ") for subject dev-ROLE with that role, valid for {@link #LIFETIME}. */
    public String token(String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role " + role + "; the roles are " + String.join(", ", ROLES));
        }
        Instant now = Instant.now();
        return Jwt.claims().issuer(ISSUER).subject("dev-" + role).upn("dev-" + role).groups(Set.of(role))
                .issuedAt(now).expiresAt(now.plus(LIFETIME)).sign(privateKey);
    }
}
