package nl.werkdesk.permit.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What permit-service knows of the participant and the employer of a request, from the other services' topics,
 * at the moment it decides. Passed in on the commands that need it, so the decider stays pure and no other
 * service is asked.
 *
 * @param participant   null when werkdesk.participants.v1 has not told of the participant yet
 * @param employerKnown whether werkdesk.employers.v1 has told of the employer
 */
public record Facts(ParticipantStanding participant, boolean employerKnown) {

    /** The information a request still waits for. */
    public Set<Information> missing() {
        Set<Information> missing = EnumSet.noneOf(Information.class);
        if (participant == null) {
            missing.add(Information.PARTICIPANT);
        }
        if (!employerKnown) {
            missing.add(Information.EMPLOYER);
        }
        return missing;
    }

    /** Information from another service that a request may wait for. */
    public enum Information { PARTICIPANT, EMPLOYER }

    /**
     * A participant's right to work as participant-service published it: the window judged at registration
     * under the dated policies ({@code eligibleFrom} null: never), and what happened since.
     *
     * @param registeredOn      when the participant joined the pilot: a decline is never dated before Werkdesk knew of them
     * @param eligibleUntil     last day allowed: the end of the W-document
     * @param statusHolderSince when a residence permit was granted (no TWV required from then on), or null
     * @param receptionEndsOn   the last day of reception after a rejected asylum application, or null
     */
    public record ParticipantStanding(LocalDate registeredOn, LocalDate eligibleFrom, LocalDate eligibleUntil, LocalDate statusHolderSince,
                                      LocalDate receptionEndsOn) {
    }
}
