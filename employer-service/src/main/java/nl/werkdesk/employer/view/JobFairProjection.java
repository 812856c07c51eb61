package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.employer.domain.JobFair;
import nl.werkdesk.employer.domain.JobFair.Event.CandidateMetEmployer;
import nl.werkdesk.employer.domain.JobFair.Event.JobFairHeld;
import nl.werkdesk.eventsourcing.command.Aggregate.InlineProjection;
import nl.werkdesk.eventsourcing.store.RecordedEvent;

/** Keeps the job fair list, and which employers took part, in step with the job fair streams. */
@ApplicationScoped
public class JobFairProjection implements InlineProjection<JobFair.Event> {

    @Override
    public Uni<Void> apply(UUID jobFairId, List<RecordedEvent<JobFair.Event>> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RecordedEvent<JobFair.Event> recorded : events) {
            chain = chain.chain(() -> apply(jobFairId, recorded));
        }
        return chain;
    }

    private Uni<Void> apply(UUID jobFairId, RecordedEvent<JobFair.Event> recorded) {
        if (recorded.event() instanceof JobFairHeld held) {
            JobFairSummary summary = new JobFairSummary();
            summary.jobFairId = jobFairId;
            summary.heldOn = held.heldOn();
            summary.location = held.location();
            summary.version = recorded.version();
            List<JobFairEmployer> taking = held.employerIds().stream().map(employerId -> {
                JobFairEmployer row = new JobFairEmployer();
                row.jobFairId = jobFairId;
                row.employerId = employerId;
                return row;
            }).toList();
            return Panache.getSession().chain(session -> session.persist(summary).call(() -> session.persistAll(taking.toArray())))
                    .replaceWithVoid();
        }
        if (recorded.event() instanceof CandidateMetEmployer) {
            return Panache.getSession().chain(session -> session.find(JobFairSummary.class, jobFairId))
                    .invoke(summary -> {
                        summary.meetingCount++;
                        summary.version = recorded.version();
                    })
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
