package nl.werkdesk.participant.domain;

import java.time.LocalDate;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.WDocumentType;

/**
 * What work eligibility depends on. {@code adultOn} (the 18th birthday) is only known at registration,
 * from the date of birth, which never leaves the participant service.
 */
public record EligibilityFacts(LocalDate asylumApplicationDate, AsylumTrack track, WDocumentType wDocumentType,
                               LocalDate wDocumentValidUntil, LocalDate adultOn) {
}
