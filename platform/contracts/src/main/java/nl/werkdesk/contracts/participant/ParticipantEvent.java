package nl.werkdesk.contracts.participant;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.Topics;

/**
 * What happens in a participant's journey through the pilot, as published on werkdesk.participants.v1.
 * Pseudonymous by design: a participant id and non-identifying attributes, never a name, date of birth,
 * nationality, V-number or phone number (those stay in the participant service).
 */
public sealed interface ParticipantEvent extends IntegrationEvent {

    EventCatalog CATALOG = EventCatalog.of("participant", Topics.PARTICIPANTS, "participant-service", ParticipantEvent.class);

    UUID participantId();

    /** Enrolled in the pilot at a reception location (azc). */
    record ParticipantRegistered(UUID participantId, LocalDate registeredOn, String location,
                                 LocalDate asylumApplicationDate, AsylumTrack asylumTrack,
                                 WDocumentType wDocumentType, LocalDate wDocumentValidUntil,
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
