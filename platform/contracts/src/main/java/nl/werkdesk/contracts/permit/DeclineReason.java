package nl.werkdesk.contracts.permit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why Werkdesk did not pursue a TWV request: the start date lies before the participant may work, the
 * participant may never work, the start date lies after the permission ended (W-document, reception), or
 * the participant is a status holder and needs no TWV.
 */
public enum DeclineReason {
    @JsonProperty("not-yet-eligible") NOT_YET_ELIGIBLE,
    @JsonProperty("not-eligible") NOT_ELIGIBLE,
    @JsonProperty("no-longer-eligible") NO_LONGER_ELIGIBLE,
    @JsonProperty("not-required-status-holder") NOT_REQUIRED_STATUS_HOLDER
}
