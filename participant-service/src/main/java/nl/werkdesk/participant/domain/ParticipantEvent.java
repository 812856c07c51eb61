package nl.werkdesk.participant.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.contracts.participant.WorkExperience;

/**
 * What happens in a participant's journey, as the participant service stores it: the aggregate's own vocabulary.
 * Other services see these events only as {@code ParticipantPublication} maps them onto werkdesk.participants.v1.
 * Pseudonymous like everything stored in an event: no name, date of birth, nationality, V-number or phone number.
 */
public sealed interface ParticipantEvent {

    UUID participantId();

    /** The business date of the event. */
    LocalDate occurredOn();

    /**
     * Enrolled in the pilot at a reception location (azc). Schema version 2: the W-document is one value; version 1
     * stored {@code wDocumentType} and {@code wDocumentValidUntil} side by side (ParticipantModule's upcaster).
     */
    record ParticipantRegistered(UUID participantId, LocalDate registeredOn, String location,
                                 LocalDate asylumApplicationDate, AsylumTrack asylumTrack, WDocument wDocument,
                                 List<String> languages, WorkEligibility workEligibility) implements ParticipantEvent {
        public LocalDate occurredOn() {
            return registeredOn;
        }
    }

    /** The intake interview at the Werkdesk took place. */
    record IntakeCompleted(UUID participantId, LocalDate completedOn, Set<Sector> sectorPreferences,
                           LanguageLevel dutchLevel, LanguageLevel englishLevel,
                           List<WorkExperience> workExperience) implements ParticipantEvent {
        public LocalDate occurredOn() {
            return completedOn;
        }
    }

    /** The participant took part in application training, CV help or a job fair. */
    record ActivityCompleted(UUID participantId, ActivityType activity, LocalDate completedOn) implements ParticipantEvent {
        public LocalDate occurredOn() {
            return completedOn;
        }
    }

    /** COA moved the participant to another reception location. */
    record RelocatedByCOA(UUID participantId, String fromLocation, String toLocation, LocalDate relocatedOn)
            implements ParticipantEvent {
        public LocalDate occurredOn() {
            return relocatedOn;
        }
    }

    /** The IND granted asylum: a status holder may work freely, no TWV required. */
    record ResidencePermitGranted(UUID participantId, LocalDate grantedOn) implements ParticipantEvent {
        public LocalDate occurredOn() {
            return grantedOn;
        }
    }

    /** The IND rejected the asylum application: reception, and with it work eligibility, ends after the departure term. */
    record AsylumApplicationRejected(UUID participantId, LocalDate rejectedOn, LocalDate receptionEndsOn)
            implements ParticipantEvent {
        public LocalDate occurredOn() {
            return rejectedOn;
        }
    }

    /** The participant left the pilot. */
    record ParticipantLeftPilot(UUID participantId, LeaveReason reason, LocalDate leftOn) implements ParticipantEvent {
        public LocalDate occurredOn() {
            return leftOn;
        }
    }

    /** The participant's personal data was erased; the pseudonymous journey stays. */
    record ParticipantPersonalDataErased(UUID participantId, LocalDate erasedOn) implements ParticipantEvent {
        public LocalDate occurredOn() {
            return erasedOn;
        }
    }
}
