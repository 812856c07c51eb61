package nl.werkdesk.permit.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What permit-service knows of the participant and the employer of a request, from the other services' topics,
 * at the moment it decides: local copies of their facts (the Known* views its consumers keep). Passed in on the
 * commands that need it, so the decider stays pure and no other service is asked.
 *
 * @param participant          null when werkdesk.participants.v1 has not told of the participant yet
 * @param employerRegisteredOn null when werkdesk.employers.v1 has not told of the employer yet
 */
public record Facts(ParticipantStanding participant, LocalDate employerRegisteredOn) {

    /** The information a screening needs and these facts lack. */
    public Set<Information> missing() {
        Set<Information> missing = EnumSet.noneOf(Information.class);
        if (participant == null) {
            missing.add(Information.PARTICIPANT);
        }
        if (employerRegisteredOn == null) {
            missing.add(Information.EMPLOYER);
        }
        return missing;
    }

    /** The latest registration among {@code information} (all of it known here): when Werkdesk could first have known it all. */
    LocalDate knownSince(Set<Information> information, LocalDate notBefore) {
        LocalDate since = notBefore;
        if (information.contains(Information.PARTICIPANT) && participant.registeredOn().isAfter(since)) {
            since = participant.registeredOn();
        }
        if (information.contains(Information.EMPLOYER) && employerRegisteredOn.isAfter(since)) {
            since = employerRegisteredOn;
        }
        return since;
    }

    /** Information from another service that a request's screening may wait for. */
    public enum Information {
        PARTICIPANT, EMPLOYER;

        /** An unmodifiable copy in declaration order, so that stored events always list it the same way. */
        public static Set<Information> setOf(Collection<Information> information) {
            Set<Information> copy = EnumSet.noneOf(Information.class);
            copy.addAll(information);
            return Collections.unmodifiableSet(copy);
        }
    }

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
