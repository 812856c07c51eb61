package nl.werkdesk.employer.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.werkdesk.employer.domain.KnownParticipant;
import nl.werkdesk.employer.domain.RegisteredEmployer;
import nl.werkdesk.employer.view.EmployerSummary;
import nl.werkdesk.employer.view.PilotParticipant;

/**
 * What a command needs to know of other streams, looked up in this service's own views before deciding, so
 * that the deciders stay pure and no other service is asked.
 */
final class CommandFacts {

    private CommandFacts() {
    }

    /** The employer, or null when it is not registered. */
    static Uni<RegisteredEmployer> employer(UUID employerId) {
        return Panache.withSession(() -> EmployerSummary.<EmployerSummary>findById(employerId))
                .map(found -> found == null ? null : new RegisteredEmployer(found.employerId, found.registeredOn));
    }

    /** Of these ids, the registered employers. */
    static Uni<Map<UUID, RegisteredEmployer>> employers(List<UUID> employerIds) {
        List<UUID> ids = employerIds.stream().distinct().toList();
        return Panache.withSession(() -> EmployerSummary.<EmployerSummary>list("employerId in ?1", ids))
                .map(found -> found.stream()
                        .map(row -> new RegisteredEmployer(row.employerId, row.registeredOn))
                        .collect(Collectors.toMap(RegisteredEmployer::employerId, Function.identity())));
    }

    /** The participant as werkdesk.participants.v1 told it, or null when unknown (or when no id was given). */
    static Uni<KnownParticipant> participant(UUID participantId) {
        if (participantId == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> PilotParticipant.<PilotParticipant>findById(participantId))
                .map(found -> found == null ? null : found.known());
    }
}
