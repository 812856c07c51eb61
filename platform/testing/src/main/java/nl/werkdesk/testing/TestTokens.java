package nl.werkdesk.testing;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Signed JWTs for calling a service under test, trusted through {@link JwtTestResource}. The subject becomes the
 * token's {@code sub} and {@code upn}, the roles its {@code groups}.
 * <p>
 * {@link #token} returns the bare token (for {@code given().auth().oauth2(...)}); the role helpers return a
 * complete Authorization header value, {@code "Bearer eyJ..."}: {@link #bearer} is accepted, {@link #expired},
 * {@link #signedByForeignKey} and {@link #withIssuer} (another issuer) are rejected with 401.
 */
public final class TestTokens {

    /** The issuer the service under test expects ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "urn:werkdesk:test";

    private static final String BEARER = "Bearer ";
    private static final Duration LIFETIME = Duration.ofHours(1);

    private TestTokens() {
    }

    /** "Bearer ..." for subject {@code test-<role>} with that one role. */
    public static String bearer(String role) {
        return BEARER + token(subjectFor(role), role);
    }

    /** A bare token for this subject with these roles, valid for an hour. */
    public static String token(String subject, String... roles) {
        Instant now = Instant.now();
        return sign(ISSUER, subject, Set.copyOf(List.of(roles)), now, now.plus(LIFETIME),
                JwtKeys.shared().privateKey());
    }

    /** "Bearer ..." with a token that expired an hour ago. */
    public static String expired(String role) {
        Instant expiry = Instant.now().minus(LIFETIME);
        return BEARER + sign(ISSUER, subjectFor(role), Set.of(role), expiry.minus(LIFETIME), expiry,
                JwtKeys.shared().privateKey());
    }

    /** "Bearer ..." with a token that looks right but is signed by a key pair the service does not trust. */
    public static String signedByForeignKey(String role) {
        Instant now = Instant.now();
        return BEARER + sign(ISSUER, subjectFor(role), Set.of(role), now, now.plus(LIFETIME), ForeignKey.PRIVATE_KEY);
    }

    /** "Bearer ..." with a token from another issuer, signed by the trusted key. */
    public static String withIssuer(String issuer, String role) {
        Instant now = Instant.now();
        return BEARER + sign(issuer, subjectFor(role), Set.of(role), now, now.plus(LIFETIME),
                JwtKeys.shared().privateKey());
    }

    private static String subjectFor(String role) {
        return "test-" + role;
    }

    private static String sign(String issuer, String subject, Set<String> roles, Instant issuedAt, Instant expiresAt,
            PrivateKey key) {
        return Jwt.claims()
                .issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .sign(key);
    }

    /** Generated on first use only: most test runs never need it. */
    private static final class ForeignKey {
        static final PrivateKey PRIVATE_KEY = JwtKeys.newKeyPair().getPrivate();
    }
}
