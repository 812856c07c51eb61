package nl.werkdesk.contracts.placement;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a placement ended. */
public enum EndReason {
    @JsonProperty("contract-ended") CONTRACT_ENDED,
    @JsonProperty("dismissed") DISMISSED,
    @JsonProperty("quit") QUIT,
    @JsonProperty("relocated-by-coa") RELOCATED_BY_COA,
    @JsonProperty("status-change") STATUS_CHANGE,
    @JsonProperty("other") OTHER
}
