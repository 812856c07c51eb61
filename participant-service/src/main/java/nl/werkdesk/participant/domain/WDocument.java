package nl.werkdesk.participant.domain;

import java.time.LocalDate;
import nl.werkdesk.contracts.participant.WDocumentType;

/** The participant's W-document: W, or W2 for a Dublin claimant, and the last day it is valid. */
public record WDocument(WDocumentType type, LocalDate validUntil) {
}
