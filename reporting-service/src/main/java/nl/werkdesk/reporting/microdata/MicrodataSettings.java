package nl.werkdesk.reporting.microdata;

import java.util.Optional;

/**
 * How the researcher's export is made in this deployment: the pseudonym key, the k of k-anonymity, the minimum wages. Checked
 * when the service starts, so that it never runs without a key or with a k the data-sharing agreement does not allow.
 */
public record MicrodataSettings(Pseudonyms pseudonyms, int k, MinimumWages minimumWages) {

    /** The data-sharing agreement's floor: no combination of quasi-identifiers may be shared by fewer than 5 records. */
    public static final int MINIMUM_K = 5;
    /** A key shorter than this is too easy to guess. */
    public static final int MINIMUM_KEY_LENGTH = 32;
    static final String KEY_PROPERTY = "werkdesk.reporting.pseudonym-key";
    static final String K_PROPERTY = "werkdesk.reporting.microdata.k";

    /** The settings; {@link IllegalStateException}, saying what to set, when the key is missing or short or k is below 5. */
    public static MicrodataSettings of(Optional<String> key, int k, MinimumWages minimumWages) {
        String secret = key.map(String::trim).orElse("");
        if (secret.isEmpty()) {
            throw new IllegalStateException(KEY_PROPERTY + " is not set (environment WERKDESK_PSEUDONYM_KEY): reporting-service needs "
                    + "this deployment's secret key to pseudonymise the researcher's export, and does not start without it. Generate "
                    + "one, e.g. openssl rand -hex 32, keep it secret and keep it: another key gives other pseudonyms.");
        }
        if (secret.length() < MINIMUM_KEY_LENGTH) {
            throw new IllegalStateException(KEY_PROPERTY + " is " + secret.length() + " characters long; it must be at least "
                    + MINIMUM_KEY_LENGTH + " (e.g. openssl rand -hex 32).");
        }
        if (k < MINIMUM_K) {
            throw new IllegalStateException(K_PROPERTY + " is " + k + "; the data-sharing agreement does not allow a k below "
                    + MINIMUM_K + ".");
        }
        return new MicrodataSettings(new Pseudonyms(secret), k, minimumWages);
    }
}
