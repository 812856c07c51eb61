package nl.werkdesk.contracts.participant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The procedure track of an asylum application. Work eligibility policies may differ per track (an
 * announced change shortens the wait for applicants with a high chance of a permit and removes it for
 * applicants from a safe country of origin).
 */
public enum AsylumTrack {
    @JsonProperty("regular") REGULAR,
    @JsonProperty("high-recognition-chance") HIGH_RECOGNITION_CHANCE,
    @JsonProperty("safe-country-of-origin") SAFE_COUNTRY_OF_ORIGIN
}
