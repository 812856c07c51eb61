package nl.werkdesk.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The sectors the pilot's employers hire in. */
public enum Sector {
    @JsonProperty("horeca") HORECA,
    @JsonProperty("production") PRODUCTION,
    @JsonProperty("logistics") LOGISTICS,
    @JsonProperty("cleaning") CLEANING,
    @JsonProperty("home-care") HOME_CARE,
    @JsonProperty("other") OTHER
}
