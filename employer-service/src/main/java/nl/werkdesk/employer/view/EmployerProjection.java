package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.employer.TwvIntermediary;
import nl.werkdesk.employer.domain.Employer;
import nl.werkdesk.employer.domain.EmployerRejection;
import nl.werkdesk.eventsourcing.UniqueViolation;
import nl.werkdesk.eventsourcing.command.Aggregate.InlineProjection;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.eventsourcing.store.RecordedEvent;

/**
 * Keeps the employer list in step with the employer streams, inside the append's transaction. The list is also where
 * "one employer per KvK number" is checked: a registration whose number another employer has is refused here, so its
 * events roll back with it; a rebuild of the list restores the check.
 */
@ApplicationScoped
public class EmployerProjection implements InlineProjection<Employer.Event> {

    static final String KVK_TAKEN = "is already registered for another employer";

    @Override
    public Uni<Void> apply(UUID employerId, List<RecordedEvent<Employer.Event>> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RecordedEvent<Employer.Event> recorded : events) {
            chain = chain.chain(() -> apply(employerId, recorded));
        }
        return chain;
    }

    private Uni<Void> apply(UUID employerId, RecordedEvent<Employer.Event> recorded) {
        if (recorded.event() instanceof Employer.Event.EmployerRegistered registered) {
            EmployerSummary summary = new EmployerSummary();
            summary.employerId = employerId;
            summary.registeredOn = registered.registeredOn();
            summary.tradeName = registered.tradeName();
            summary.kvkNumber = registered.kvkNumber();
            summary.sector = registered.sector();
            summary.temporaryEmploymentAgency = registered.temporaryEmploymentAgency();
            setIntermediary(summary, registered.twvIntermediary());
            summary.version = recorded.version();
            return Panache.getSession().chain(session -> session.persist(summary).call(session::flush))
                    .onFailure(failure -> UniqueViolation.of(failure, EmployerSummary.KVK_NUMBER_UNIQUE))
                    .transform(taken -> new Rejected(EmployerRejection.KVK_NUMBER_ALREADY_REGISTERED, "kvkNumber", KVK_TAKEN))
                    .replaceWithVoid();
        }
        return Panache.getSession().chain(session -> session.find(EmployerSummary.class, employerId))
                .invoke(summary -> {
                    if (recorded.event() instanceof Employer.Event.TwvIntermediaryChanged changed) {
                        setIntermediary(summary, changed.twvIntermediary());
                    }
                    summary.version = recorded.version();
                })
                .replaceWithVoid();
    }

    private static void setIntermediary(EmployerSummary summary, TwvIntermediary intermediary) {
        summary.twvIntermediaryFrom = intermediary == null ? null : intermediary.from();
        summary.twvIntermediaryUntil = intermediary == null ? null : intermediary.until();
    }
}
