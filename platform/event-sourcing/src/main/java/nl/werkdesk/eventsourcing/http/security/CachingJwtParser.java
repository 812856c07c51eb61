package nl.werkdesk.eventsourcing.http.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once rather than on every request: SmallRye JWT's own parser checks the signature, issuer and
 * times on a token's first use, and the verified token is kept under the SHA-256 of its text until it expires, in a
 * cache of at most {@code werkdesk.jwt.verified-cache-size} tokens (the least recently used goes first; 0 turns the
 * cache off). A token that fails verification is never kept, and a token is only served from the cache when its text
 * equals the one verified, so a forged or altered token always meets the verifier. From its expiry on (or the end of
 * its {@code mp.jwt.verify.token.age}), the token meets the verifier again, which judges it with its clock skew as it
 * would have without the cache. Quarkus's bearer-token validator parses every request's token through this bean.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    @ConfigMapping(prefix = "werkdesk.jwt")
    public interface Config {
        /** How many verified tokens are kept at most. */
        int verifiedCacheSize();
    }

    /** Bearer tokens parsed, by where the answer came from: werkdesk_jwt_tokens_total{from="verifier"|"cache"}. */
    static final String TOKENS_METRIC = "werkdesk.jwt.tokens";

    private record Verified(JsonWebToken token, Instant validUntil) {
    }

    private final JWTParser verifier;
    private final Counter fromVerifier;
    private final Counter fromCache;
    private final Clock clock;
    private final Long tokenAgeSeconds;
    private final int size;
    private final Map<String, Verified> cache;

    @Inject
    CachingJwtParser(DefaultJWTParser verifier, JWTAuthContextInfo context, Config config, MeterRegistry metrics) {
        this(verifier, metrics, Clock.systemUTC(), context.getTokenAge(), config.verifiedCacheSize());
    }

    /** {@code tokenAgeSeconds}: how long after its issue a token is accepted, or null when only its expiry counts. */
    CachingJwtParser(JWTParser verifier, MeterRegistry metrics, Clock clock, Long tokenAgeSeconds, int size) {
        this.verifier = verifier;
        this.fromVerifier = metrics.counter(TOKENS_METRIC, "from", "verifier");
        this.fromCache = metrics.counter(TOKENS_METRIC, "from", "cache");
        this.clock = clock;
        this.tokenAgeSeconds = tokenAgeSeconds;
        this.size = size;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > CachingJwtParser.this.size;
            }
        };
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (size <= 0 || token == null) {
            fromVerifier.increment();
            return verifier.parse(token);
        }
        String key = sha256(token);
        Instant now = clock.instant();
        Verified cached;
        synchronized (cache) {
            cached = cache.get(key);
        }
        if (cached != null && now.isBefore(cached.validUntil()) && sameText(cached.token().getRawToken(), token)) {
            fromCache.increment();
            return cached.token();
        }
        fromVerifier.increment();
        JsonWebToken verified = verifier.parse(token);
        Instant validUntil = validUntil(verified);
        synchronized (cache) {
            if (now.isBefore(validUntil)) {
                cache.put(key, new Verified(verified, validUntil));
            } else {
                cache.remove(key);
            }
        }
        return verified;
    }

    /** How many verified tokens are kept now. */
    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private Instant validUntil(JsonWebToken token) {
        long expiry = token.getExpirationTime();
        if (expiry <= 0) {
            return Instant.MIN;
        }
        Instant until = Instant.ofEpochSecond(expiry);
        if (tokenAgeSeconds != null && token.getIssuedAtTime() > 0) {
            Instant aged = Instant.ofEpochSecond(token.getIssuedAtTime()).plusSeconds(tokenAgeSeconds);
            until = aged.isBefore(until) ? aged : until;
        }
        return until;
    }

    private static boolean sameText(String verified, String presented) {
        return verified != null && MessageDigest.isEqual(verified.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // Everything else is not a request's bearer token: straight to SmallRye's parser.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
