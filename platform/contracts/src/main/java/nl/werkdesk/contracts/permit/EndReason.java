package nl.werkdesk.contracts.permit;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a TWV ended before its validity did. */
public enum EndReason {
    @JsonProperty("reception-ended") RECEPTION_ENDED
}
