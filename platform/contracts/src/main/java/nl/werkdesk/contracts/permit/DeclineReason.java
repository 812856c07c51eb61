package nl.werkdesk.contracts.permit;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why Werkdesk did not pursue a TWV request. */
public enum DeclineReason {
    @JsonProperty("not-yet-eligible") NOT_YET_ELIGIBLE,
    @JsonProperty("not-eligible") NOT_ELIGIBLE,
    @JsonProperty("not-required-status-holder") NOT_REQUIRED_STATUS_HOLDER
}
