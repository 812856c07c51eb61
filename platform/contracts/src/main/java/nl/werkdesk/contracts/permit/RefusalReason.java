package nl.werkdesk.contracts.permit;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why UWV refused a TWV (about a quarter of the requests). */
public enum RefusalReason {
    @JsonProperty("withdrawn") WITHDRAWN,
    @JsonProperty("already-status-holder") ALREADY_STATUS_HOLDER,
    @JsonProperty("wage-not-market-rate") WAGE_NOT_MARKET_RATE,
    @JsonProperty("departure-imminent") DEPARTURE_IMMINENT,
    @JsonProperty("other") OTHER
}
