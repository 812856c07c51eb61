package nl.werkdesk.placement.view;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import nl.werkdesk.placement.domain.PlacementFacts;

/** Gathers from the local views what the decision to start a placement depends on (call within a session). */
@ApplicationScoped
public class StartFacts {

    public Uni<PlacementFacts> about(UUID participantId, UUID vacancyId) {
        return KnownParticipant.<KnownParticipant>findById(participantId).chain(participant ->
                KnownVacancy.<KnownVacancy>findById(vacancyId).chain(vacancy ->
                        KnownPermit.<KnownPermit>list("participantId", participantId).map(permits -> new PlacementFacts(
                                participant == null ? null : participant.facts(),
                                vacancy == null ? null : vacancy.facts(),
                                permits.stream().map(KnownPermit::facts).toList()))));
    }
}
