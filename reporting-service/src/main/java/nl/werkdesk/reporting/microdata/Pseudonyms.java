package nl.werkdesk.reporting.microdata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The researcher's pseudonym of a participant: HMAC-SHA256 of the participant id (its canonical text, lower case, UTF-8)
 * under the deployment's key (werkdesk.reporting.pseudonym-key), the first 16 hex characters. The same key gives the same
 * pseudonym in every export, so that the researcher can follow a person over time; without the key nobody can compute it
 * from an id, and another deployment's key gives pseudonyms that cannot be linked to these.
 */
public final class Pseudonyms {

    static final String ALGORITHM = "HmacSHA256";
    /** 16 hex characters: 64 bits, so that two participants of a pilot practically never share one. */
    public static final int LENGTH = 16;

    private final SecretKeySpec key;

    public Pseudonyms(String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String of(UUID participantId) {
        try {
            // A Mac is not thread-safe: one per call, which costs microseconds.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] hash = mac.doFinal(participantId.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
