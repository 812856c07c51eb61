package nl.werkdesk.contracts.placement;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ContractType {
    @JsonProperty("temporary-via-agency") TEMPORARY_VIA_AGENCY,
    @JsonProperty("fixed-term") FIXED_TERM,
    @JsonProperty("permanent") PERMANENT
}
