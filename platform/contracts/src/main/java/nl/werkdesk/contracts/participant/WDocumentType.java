package nl.werkdesk.contracts.participant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The asylum seeker's identity document: a W-document, or a W2-document for Dublin claimants. */
public enum WDocumentType {
    @JsonProperty("W") W,
    @JsonProperty("W2") W2
}
