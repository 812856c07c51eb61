package nl.werkdesk.employer.domain;

import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.eventsourcing.core.Rejected;

/**
 * What employer-service knows of a participant from werkdesk.participants.v1: only the pseudonymous id and
 * when the participant joined and (if so) left the pilot. Passed in on the commands that name a participant.
 */
public record KnownParticipant(UUID participantId, LocalDate registeredOn, LocalDate leftOn) {

    /**
     * Refuses a participant this service does not know ({@code known} null), or who was not in the pilot on
     * {@code on}, the date in the command's field {@code dateField}.
     */
    static void checkInPilot(KnownParticipant known, String dateField, LocalDate on) {
        if (known == null) {
            throw new Rejected("participantId", "is not a participant of the pilot (unknown to employer-service)");
        }
        if (on.isBefore(known.registeredOn())) {
            throw new Rejected(dateField, "lies before the participant's registration in the pilot on " + known.registeredOn());
        }
        if (known.leftOn() != null && on.isAfter(known.leftOn())) {
            throw new Rejected("participantId", "left the pilot on " + known.leftOn() + ", before " + on);
        }
    }
}
