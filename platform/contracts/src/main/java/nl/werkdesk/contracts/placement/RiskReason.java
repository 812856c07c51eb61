package nl.werkdesk.contracts.placement;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What puts a placement at risk. */
public enum RiskReason {
    @JsonProperty("relocated-out-of-region") RELOCATED_OUT_OF_REGION,
    @JsonProperty("permit-ended") PERMIT_ENDED,
    @JsonProperty("asylum-rejected") ASYLUM_REJECTED
}
