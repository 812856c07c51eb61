package nl.werkdesk.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A language level on the Common European Framework of Reference (CEFR), or none at all. */
public enum LanguageLevel {
    @JsonProperty("none") NONE,
    @JsonProperty("A1") A1,
    @JsonProperty("A2") A2,
    @JsonProperty("B1") B1,
    @JsonProperty("B2") B2,
    @JsonProperty("C1") C1,
    @JsonProperty("C2") C2
}
