package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.employer.EmployerEvent.EmployerRegistered;
import nl.werkdesk.contracts.employer.EmployerEvent.TwvIntermediaryChanged;
import nl.werkdesk.contracts.employer.TwvIntermediary;
import nl.werkdesk.eventsourcing.command.Aggregate.InlineProjection;
import nl.werkdesk.eventsourcing.store.RecordedEvent;

/** Keeps the employer list in step with the employer streams, inside the append's transaction. */
@ApplicationScoped
public class EmployerProjection implements InlineProjection<EmployerEvent> {

    @Override
    public Uni<Void> apply(UUID employerId, List<RecordedEvent<EmployerEvent>> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RecordedEvent<EmployerEvent> recorded : events) {
            chain = chain.chain(() -> apply(employerId, recorded));
        }
        return chain;
    }

    private Uni<Void> apply(UUID employerId, RecordedEvent<EmployerEvent> recorded) {
        if (recorded.event() instanceof EmployerRegistered registered) {
            EmployerSummary summary = new EmployerSummary();
            summary.employerId = employerId;
            summary.registeredOn = registered.registeredOn();
            summary.tradeName = registered.tradeName();
            summary.kvkNumber = registered.kvkNumber();
            summary.sector = registered.sector();
            summary.temporaryEmploymentAgency = registered.temporaryEmploymentAgency();
            setIntermediary(summary, registered.twvIntermediary());
            summary.version = recorded.version();
            return summary.persist().replaceWithVoid();
        }
        if (recorded.event() instanceof TwvIntermediaryChanged changed) {
            return Panache.getSession().chain(session -> session.find(EmployerSummary.class, employerId))
                    .invoke(summary -> {
                        setIntermediary(summary, changed.twvIntermediary());
                        summary.version = recorded.version();
                    })
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private static void setIntermediary(EmployerSummary summary, TwvIntermediary intermediary) {
        summary.twvIntermediaryFrom = intermediary == null ? null : intermediary.from();
        summary.twvIntermediaryUntil = intermediary == null ? null : intermediary.until();
    }
}
