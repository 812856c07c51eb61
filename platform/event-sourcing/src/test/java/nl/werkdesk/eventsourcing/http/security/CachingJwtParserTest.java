package nl.werkdesk.eventsourcing.http.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import nl.werkdesk.testing.JwtKeys;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache in front of SmallRye JWT's own verifier, with real RSA-signed tokens. */
class CachingJwtParserTest {

    private static final String ISSUER = "urn:werkdesk:test";
    private static final KeyPair KEYS = JwtKeys.newKeyPair();
    private static final KeyPair FOREIGN_KEYS = JwtKeys.newKeyPair();

    /** SmallRye's verifier for {@link #KEYS}, with no clock skew, counting the tokens it verifies. */
    private static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger verified = new AtomicInteger();

        CountingVerifier() {
            super(context());
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.incrementAndGet();
            return super.parse(token);
        }

        private static JWTAuthContextInfo context() {
            JWTAuthContextInfo context = new JWTAuthContextInfo(KEYS.getPublic(), ISSUER);
            context.setClockSkew(0);
            return context;
        }
    }

    /** A clock a test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void servesAVerifiedTokenFromTheCacheUntilItExpiresThenVerifiesItAgain() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        HandClock clock = new HandClock();
        CachingJwtParser parser = new CachingJwtParser(verifier, new SimpleMeterRegistry(), clock, null, 10);
        Instant expiry = Instant.now().plus(Duration.ofHours(1));
        String token = token("caseworker", expiry, KEYS);

        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token));
        assertEquals(1, verifier.verified.get(), "the second use is served from the cache");

        clock.now = expiry;
        parser.parse(token);
        assertEquals(2, verifier.verified.get(), "at its expiry the token is verified again");
    }

    @Test
    void rejectsACachedTokenOnceItHasExpired() throws Exception {
        CachingJwtParser parser = new CachingJwtParser(new CountingVerifier(), new SimpleMeterRegistry(), Clock.systemUTC(), null, 10);
        Instant expiry = Instant.now().plusSeconds(5);
        String token = token("caseworker", expiry, KEYS);
        assertEquals("test-caseworker", parser.parse(token).getSubject());

        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiry));
        assertThrows(ParseException.class, () -> parser.parse(token));
    }

    @Test
    void stopsServingATokenAtTheEndOfItsAgeWhenThatComesFirst() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        HandClock clock = new HandClock();
        CachingJwtParser parser = new CachingJwtParser(verifier, new SimpleMeterRegistry(), clock, 60L, 10);
        String token = token("caseworker", Instant.now().plus(Duration.ofHours(1)), KEYS);
        parser.parse(token);

        clock.now = clock.now.plusSeconds(61);
        parser.parse(token);
        assertEquals(2, verifier.verified.get());
    }

    @Test
    void neverServesAnotherOrAForgedTokenFromTheCache() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        CachingJwtParser parser = new CachingJwtParser(verifier, new SimpleMeterRegistry(), Clock.systemUTC(), null, 10);
        Instant expiry = Instant.now().plus(Duration.ofHours(1));
        String caseworker = token("caseworker", expiry, KEYS);
        parser.parse(caseworker);

        String[] parts = caseworker.split("\\.");
        String operatorClaims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("caseworker", "operator");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(operatorClaims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThrows(ParseException.class, () -> parser.parse(altered), "claims changed under the cached token's signature");
        assertThrows(ParseException.class, () -> parser.parse(token("caseworker", expiry, FOREIGN_KEYS)), "signed by an untrusted key");
        assertThrows(ParseException.class, () -> parser.parse(altered), "a rejected token is not kept either");

        String analyst = token("analyst", expiry, KEYS);
        assertEquals(Set.of("analyst"), parser.parse(analyst).getGroups());
        assertEquals(Set.of("caseworker"), parser.parse(caseworker).getGroups());
        assertEquals(5, verifier.verified.get(), "every token but the cached caseworker's went to the verifier");
    }

    @Test
    void keepsNoMoreTokensThanItsSize() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        CachingJwtParser parser = new CachingJwtParser(verifier, new SimpleMeterRegistry(), Clock.systemUTC(), null, 3);
        Instant expiry = Instant.now().plus(Duration.ofHours(1));
        String[] tokens = new String[5];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = token("role-" + i, expiry, KEYS);
            parser.parse(tokens[i]);
            assertTrue(parser.cached() <= 3, "at most 3 kept, found " + parser.cached());
        }
        assertEquals(3, parser.cached());

        parser.parse(tokens[4]);
        assertEquals(5, verifier.verified.get(), "the most recent token is still kept");
        parser.parse(tokens[0]);
        assertEquals(6, verifier.verified.get(), "the least recently used one was dropped and is verified again");
    }

    @Test
    void verifiesEveryTimeWhenTheSizeIsZero() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        CachingJwtParser parser = new CachingJwtParser(verifier, new SimpleMeterRegistry(), Clock.systemUTC(), null, 0);
        String token = token("caseworker", Instant.now().plus(Duration.ofHours(1)), KEYS);
        parser.parse(token);
        parser.parse(token);
        assertEquals(2, verifier.verified.get());
        assertEquals(0, parser.cached());
    }

    private static String token(String role, Instant expiry, KeyPair keys) {
        return Jwt.claims().issuer(ISSUER).subject("test-" + role).upn("test-" + role).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresAt(expiry).sign(keys.getPrivate());
    }
}
