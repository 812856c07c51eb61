package nl.werkdesk.employer.domain;

import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.eventsourcing.core.RejectionCode;

/**
 * What employer-service knows of a participant from werkdesk.participants.v1: only the pseudonymous id and
 * when the participant joined and (if so) left the pilot. A local copy of participant-service's facts, looked up by
 * the resource and passed in on the commands that name a participant.
 */
public record KnownParticipant(UUID participantId, LocalDate registeredOn, LocalDate leftOn) {

    /** An aggregate's codes for the participant refusals: its own enum's constants. */
    record Refusals(RejectionCode notKnownYet, RejectionCode dateBeforeRegistration, RejectionCode leftPilot) {
    }

    /**
     * Refuses a participant this service has not seen yet ({@code known} null: participant-service may not have
     * published the registration yet, so the same command may succeed a little later), or who was not in the pilot on
     * {@code on}, the date in the command's field {@code dateField}.
     */
    static void checkInPilot(UUID participantId, KnownParticipant known, String dateField, LocalDate on, Refusals refusals) {
        if (known == null) {
            throw new Rejected(refusals.notKnownYet(), "participant " + participantId
                    + " has not reached employer-service from werkdesk.participants.v1 (yet)");
        }
        if (on.isBefore(known.registeredOn())) {
            throw new Rejected(refusals.dateBeforeRegistration(), dateField,
                    "lies before the participant's registration in the pilot on " + known.registeredOn());
        }
        if (known.leftOn() != null && on.isAfter(known.leftOn())) {
            throw new Rejected(refusals.leftPilot(), "participantId", "left the pilot on " + known.leftOn() + ", before " + on);
        }
    }
}
