package nl.werkdesk.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes the service under test trust the tokens of {@link TestTokens}: returns the locations of this JVM's
 * generated key pair and the test issuer.
 * <p>
 * Both key locations must also be declared in the service's application.properties (for instance
 * {@code %test.smallrye.jwt.sign.key.location=set-by-test}); otherwise Quarkus generates its own key pair at build
 * time, which wins over these values, and every token is rejected with 401.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        JwtKeys keys = JwtKeys.shared();
        return Map.of(
                "mp.jwt.verify.publickey.location", keys.publicKeyLocation(),
                "smallrye.jwt.sign.key.location", keys.privateKeyLocation(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The key files live as long as the JVM, like the tokens signed with them.
    }
}
