package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.employer.domain.Vacancy;
import nl.werkdesk.employer.domain.Vacancy.Event.VacancyClosed;
import nl.werkdesk.employer.domain.Vacancy.Event.VacancyFilled;
import nl.werkdesk.employer.domain.Vacancy.Event.VacancyOpened;
import nl.werkdesk.eventsourcing.command.Aggregate.InlineProjection;
import nl.werkdesk.eventsourcing.store.RecordedEvent;

/** Keeps the vacancy list in step with the vacancy streams, inside the append's transaction. */
@ApplicationScoped
public class VacancyProjection implements InlineProjection<Vacancy.Event> {

    @Override
    public Uni<Void> apply(UUID vacancyId, List<RecordedEvent<Vacancy.Event>> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RecordedEvent<Vacancy.Event> recorded : events) {
            chain = chain.chain(() -> apply(vacancyId, recorded));
        }
        return chain;
    }

    private Uni<Void> apply(UUID vacancyId, RecordedEvent<Vacancy.Event> recorded) {
        if (recorded.event() instanceof VacancyOpened opened) {
            VacancySummary summary = new VacancySummary();
            summary.vacancyId = vacancyId;
            summary.employerId = opened.employerId();
            summary.openedOn = opened.openedOn();
            summary.title = opened.title();
            summary.sector = opened.sector();
            summary.hoursPerWeek = opened.hoursPerWeek();
            summary.hourlyWageCents = opened.hourlyWageCents();
            summary.requiredDutchLevel = opened.requiredDutchLevel();
            summary.location = opened.location();
            summary.status = VacancySummary.Status.OPEN;
            summary.version = recorded.version();
            return summary.persist().replaceWithVoid();
        }
        return Panache.getSession().chain(session -> session.find(VacancySummary.class, vacancyId))
                .invoke(summary -> {
                    summary.version = recorded.version();
                    if (recorded.event() instanceof VacancyFilled filled) {
                        summary.status = VacancySummary.Status.FILLED;
                        summary.filledOn = filled.filledOn();
                        summary.participantId = filled.participantId();
                    } else if (recorded.event() instanceof VacancyClosed closed) {
                        summary.status = VacancySummary.Status.CLOSED;
                        summary.closedOn = closed.closedOn();
                    }
                })
                .replaceWithVoid();
    }
}
