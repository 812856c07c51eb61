package nl.werkdesk.permit.automation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.werkdesk.eventsourcing.Unavailability;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.command.CommandRequest;
import nl.werkdesk.eventsourcing.command.Expectation;
import nl.werkdesk.eventsourcing.store.EventMetadata;
import nl.werkdesk.eventsourcing.tracing.TraceContext;
import nl.werkdesk.permit.domain.Permit.Command;
import nl.werkdesk.permit.domain.Permit.State;
import nl.werkdesk.permit.domain.Permit.Status;
import nl.werkdesk.permit.domain.PermitEvent;
import nl.werkdesk.permit.view.KnownFacts;
import nl.werkdesk.permit.view.PermitSummary;
import org.jboss.logging.Logger;

/**
 * The commands permit-service gives itself: on news from the other services (screen the requests that waited
 * for it, end the permits of a new status holder) and when a date has come (expiry after the validity, the end
 * of reception after a rejection). Each decides on the permit's own stream through the kernel, like a REST
 * command; the decider makes them no-ops where they no longer apply, so that applying them twice has one effect.
 * The permit list only finds the candidates: what a permit waits for, and whether anything is due, the stream decides.
 */
@ApplicationScoped
public class PermitAutomation {

    /** The actor of the events the due-dates job writes. */
    public static final String DUE_DATES = "permit-service-due-dates";

    static final Set<Status> OPEN = EnumSet.of(Status.REQUESTED, Status.APPLICATION_COMPLETE, Status.GRANTED);

    private static final Logger LOG = Logger.getLogger(PermitAutomation.class);

    /** Open permits whose validity ended before today, or whose participant's reception ended by today. */
    private static final String DUE = """
            select p.permitId, k.receptionEndsOn, k.rejectionEventId
              from PermitSummary p left join KnownParticipant k on k.participantId = p.participantId
             where p.status in (:requested, :complete, :granted)
               and ((p.status = :granted and p.validUntil < :today) or k.receptionEndsOn < :today)
             order by p.permitId""";

    /**
     * Requests whose screening waits for information that has arrived all the same: a registration consumed between a
     * request's look-up and its commit finds no waiting request. The list's flags (a projection of the permit's
     * ScreeningDeferred and InformationReceived) only find them; the screening decides on the stream.
     */
    private static final String WAITING_NEEDLESSLY = """
            select p.permitId from PermitSummary p
             where p.status = :requested
               and ((p.awaitingParticipant = true and exists (select 1 from KnownParticipant k where k.participantId = p.participantId))
                 or (p.awaitingEmployer = true and exists (select 1 from KnownEmployer e where e.employerId = p.employerId)))
             order by p.permitId""";

    private final CommandHandler handler;
    private final Aggregate<Command, State, PermitEvent> permits;

    PermitAutomation(CommandHandler handler, Aggregate<Command, State, PermitEvent> permits) {
        this.handler = handler;
        this.permits = permits;
    }

    /** In the caller's transaction: screens this participant's requests; those that did not wait for them stay as they are. */
    public Uni<Void> screenWaitingForParticipant(UUID participantId, EventMetadata cause) {
        return PermitSummary.<PermitSummary>list("participantId = ?1 and status = ?2", participantId, Status.REQUESTED)
                .chain(requested -> each(requested, permit -> screen(permit, cause)));
    }

    /** In the caller's transaction: screens this employer's requests; those that did not wait for it stay as they are. */
    public Uni<Void> screenWaitingForEmployer(UUID employerId, EventMetadata cause) {
        return PermitSummary.<PermitSummary>list("employerId = ?1 and status = ?2", employerId, Status.REQUESTED)
                .chain(requested -> each(requested, permit -> screen(permit, cause)));
    }

    /** In the caller's transaction: every pending or granted TWV of a new status holder is no longer required. */
    public Uni<Void> endAsNoLongerRequired(UUID participantId, LocalDate residencePermitGrantedOn, EventMetadata cause) {
        return PermitSummary.<PermitSummary>list("participantId = ?1 and status in ?2", participantId, OPEN)
                .chain(open -> each(open, permit -> decide(permit.permitId, new Command.EndAsNoLongerRequired(residencePermitGrantedOn), cause)));
    }

    /**
     * Applies what has become due by {@code today} (never later dates: no event is dated in the future), each
     * permit in a transaction of its own, and screens requests left waiting although their information arrived.
     * Returns how many permits changed.
     */
    public Uni<Integer> applyDueDates(LocalDate today) {
        Uni<List<Object[]>> due = Panache.withSession(() -> Panache.getSession().chain(session -> session.createQuery(DUE, Object[].class)
                .setParameter("requested", Status.REQUESTED).setParameter("complete", Status.APPLICATION_COMPLETE)
                .setParameter("granted", Status.GRANTED).setParameter("today", today)
                .getResultList()));
        Uni<List<UUID>> waiting = Panache.withSession(() -> Panache.getSession().chain(session -> session.createQuery(WAITING_NEEDLESSLY, UUID.class)
                .setParameter("requested", Status.REQUESTED).getResultList()));
        return due.chain(rows -> count(rows, row -> {
                    UUID permitId = (UUID) row[0];
                    LocalDate receptionEndsOn = (LocalDate) row[1];
                    UUID rejection = (UUID) row[2];
                    EventMetadata metadata = new EventMetadata(DUE_DATES, UUID.randomUUID(),
                            receptionEndsOn != null && receptionEndsOn.isBefore(today) ? rejection : null, TraceContext.current());
                    return Panache.withTransaction(() -> decide(permitId, new Command.ApplyDueDates(today, receptionEndsOn), metadata));
                }))
                .chain(applied -> waiting.chain(ids -> count(ids, permitId -> Panache.withTransaction(() ->
                                PermitSummary.<PermitSummary>findById(permitId).chain(permit -> screen(permit,
                                        EventMetadata.byActor(DUE_DATES))))))
                        .map(screened -> applied + screened));
    }

    private Uni<Boolean> screen(PermitSummary permit, EventMetadata cause) {
        return KnownFacts.of(permit.participantId, permit.employerId)
                .chain(facts -> decide(permit.permitId, new Command.ScreenRequest(facts), cause));
    }

    private Uni<Boolean> decide(UUID permitId, Command command, EventMetadata metadata) {
        return handler.handleInCurrentTransaction(permits,
                        new CommandRequest<>(permitId, Expectation.EXISTING_STREAM, command, OptionalLong.empty(), metadata))
                .map(result -> !result.appended().isEmpty());
    }

    private static <T> Uni<Void> each(List<T> items, Function<T, Uni<Boolean>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> action.apply(item)).replaceWithVoid();
        }
        return chain;
    }

    /** One after the other; a permit that fails is logged and left for the next run, the others go on. */
    private static <T> Uni<Integer> count(List<T> items, Function<T, Uni<Boolean>> action) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (T item : items) {
            chain = chain.chain(done -> action.apply(item)
                    .onFailure().invoke(failure -> LOG.warnf("due dates: a permit is left for the next run: %s", Unavailability.describe(failure)))
                    .onFailure().recoverWithItem(false)
                    .map(changed -> changed ? done + 1 : done));
        }
        return chain;
    }
}
