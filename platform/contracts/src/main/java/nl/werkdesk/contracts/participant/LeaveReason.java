package nl.werkdesk.contracts.participant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a participant left the pilot. */
public enum LeaveReason {
    @JsonProperty("found-work-elsewhere") FOUND_WORK_ELSEWHERE,
    @JsonProperty("relocated-out-of-region") RELOCATED_OUT_OF_REGION,
    @JsonProperty("departed") DEPARTED,
    @JsonProperty("declined-further-support") DECLINED_FURTHER_SUPPORT,
    @JsonProperty("other") OTHER
}
