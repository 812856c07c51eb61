package nl.werkdesk.placement.view;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.placement.domain.PlacementFacts;
import nl.werkdesk.placement.domain.PlacementRejection;

/**
 * Gathers from the local views (copies of other services' facts, kept by the consumers in messaging/) what the decision
 * to start a placement depends on, and confirms inside the start's transaction that they still hold.
 */
@ApplicationScoped
public class StartFacts {

    /** What a start decides on, read in the caller's session: the participant, the vacancy, the participant's TWVs and the one named. */
    public Uni<PlacementFacts> about(UUID participantId, UUID vacancyId, UUID permitId) {
        return KnownParticipant.<KnownParticipant>findById(participantId).chain(participant ->
                KnownVacancy.<KnownVacancy>findById(vacancyId).chain(vacancy ->
                        permits(participantId, permitId, LockModeType.NONE).map(permits -> new PlacementFacts(
                                participant == null ? null : participant.facts(),
                                vacancy == null ? null : vacancy.facts(),
                                permits))));
    }

    /**
     * Inside the start's transaction, after its placement is written: takes a share lock on the participant's row and
     * TWVs, and refuses the start if they no longer say what it was decided on. A consumer writes those rows before it
     * looks for the participant's placements to assess ({@code RiskAssessment}), so one of the two waits for the other:
     * the consumer finds this placement once the start commits, or the start sees the consumer's fact here and is decided
     * again on a retry. So a relocation, a TWV's end or an asylum rejection arriving at the same moment as a start is
     * never missed.
     */
    public Uni<Void> confirm(PlacementFacts decidedOn, UUID participantId, UUID permitId) {
        return KnownParticipant.<KnownParticipant>findById(participantId, LockModeType.PESSIMISTIC_READ).chain(participant ->
                permits(participantId, permitId, LockModeType.PESSIMISTIC_READ).chain(permits -> {
                    PlacementFacts.Participant now = participant == null ? null : participant.facts();
                    if (now == null || !now.equals(decidedOn.participant()) || !permits.equals(decidedOn.permits())) {
                        return Uni.createFrom().failure(new Rejected(PlacementRejection.FACTS_ARRIVED_DURING_START,
                                "an event about the participant or their TWVs arrived while the start was decided: decide it again"));
                    }
                    return Uni.createFrom().voidItem();
                }));
    }

    private static Uni<List<PlacementFacts.Permit>> permits(UUID participantId, UUID permitId, LockModeType lock) {
        var query = permitId == null
                ? KnownPermit.<KnownPermit>find("participantId", Sort.by("permitId"), participantId)
                : KnownPermit.<KnownPermit>find("participantId = ?1 or permitId = ?2", Sort.by("permitId"), participantId, permitId);
        return query.withLock(lock).list().map(rows -> rows.stream().map(KnownPermit::facts).toList());
    }
}
