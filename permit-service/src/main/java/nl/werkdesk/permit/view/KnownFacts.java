package nl.werkdesk.permit.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import nl.werkdesk.permit.domain.Facts;

/**
 * Reads what this service knows of a request's participant and employer, inside the caller's session: the local copies
 * its consumers keep of the other services' facts (deciding on them is the point of keeping them; they are rebuilt from
 * those services' topics, not from this service's store).
 */
public final class KnownFacts {

    private KnownFacts() {
    }

    public static Uni<Facts> of(UUID participantId, UUID employerId) {
        return Panache.getSession().chain(session -> session.find(KnownParticipant.class, participantId)
                .chain(participant -> session.find(KnownEmployer.class, employerId)
                        .map(employer -> new Facts(participant == null ? null : participant.standing(),
                                employer == null ? null : employer.registeredOn))));
    }
}
