package nl.werkdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    private final Map<String, String> config = new JwtTestResource().start();

    @Test
    void testResourcePublishesTheKeyLocationsAndTheIssuer() {
        assertEquals(TestTokens.ISSUER, config.get("mp.jwt.verify.issuer"));
        assertTrue(Files.isReadable(file("mp.jwt.verify.publickey.location")));
        assertTrue(Files.isReadable(file("smallrye.jwt.sign.key.location")));
    }

    @Test
    void bearerTokenCarriesTheRoleAndVerifiesWithThePublishedKey() throws Exception {
        String header = TestTokens.bearer("caseworker");

        assertTrue(header.startsWith("Bearer eyJ"), header);
        JwtClaims claims = verifier().processToClaims(header.substring("Bearer ".length()));
        assertEquals("test-caseworker", claims.getSubject());
        assertEquals("test-caseworker", claims.getStringClaimValue("upn"));
        assertEquals(List.of("caseworker"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void tokenCarriesTheSubjectAndEveryRole() throws Exception {
        JwtClaims claims = verifier().processToClaims(TestTokens.token("alice", "analyst", "finance"));

        assertEquals("alice", claims.getSubject());
        List<String> roles = claims.getStringListClaimValue("groups").stream().sorted().toList();
        assertEquals(List.of("analyst", "finance"), roles);
    }

    @Test
    void expiredTokenHasExpired() throws Exception {
        String token = bare(TestTokens.expired("caseworker"));

        InvalidJwtException rejected = assertThrows(InvalidJwtException.class, () -> verifier().process(token));
        assertTrue(rejected.hasExpired(), rejected.getMessage());
        JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
        assertTrue(claims.getExpirationTime().isBefore(NumericDate.now()));
    }

    @Test
    void foreignTokenDoesNotVerifyWithThePublishedKey() {
        String token = bare(TestTokens.signedByForeignKey("caseworker"));

        InvalidJwtException rejected = assertThrows(InvalidJwtException.class, () -> verifier().process(token));
        assertTrue(rejected.getMessage().contains("signature"), rejected.getMessage());
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        String token = bare(TestTokens.withIssuer("urn:someone:else", "caseworker"));

        assertThrows(InvalidJwtException.class, () -> verifier().process(token));
    }

    private JwtConsumer verifier() throws Exception {
        String pem = Files.readString(file("mp.jwt.verify.publickey.location"));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(config.get("mp.jwt.verify.issuer"))
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
    }

    private Path file(String key) {
        return Path.of(config.get(key).substring("file:".length()));
    }

    private static String bare(String header) {
        assertTrue(header.startsWith("Bearer "), header);
        return header.substring("Bearer ".length());
    }
}
