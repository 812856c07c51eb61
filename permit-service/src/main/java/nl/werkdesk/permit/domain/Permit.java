package nl.werkdesk.permit.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.permit.DeclineReason;
import nl.werkdesk.contracts.permit.EndReason;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.permit.domain.Facts.Information;
import nl.werkdesk.permit.domain.Facts.ParticipantStanding;
import nl.werkdesk.permit.domain.PermitEvent.InformationReceived;
import nl.werkdesk.permit.domain.PermitEvent.ScreeningDeferred;
import nl.werkdesk.permit.domain.PermitEvent.TwvApplicationCompleted;
import nl.werkdesk.permit.domain.PermitEvent.TwvEnded;
import nl.werkdesk.permit.domain.PermitEvent.TwvExpired;
import nl.werkdesk.permit.domain.PermitEvent.TwvGranted;
import nl.werkdesk.permit.domain.PermitEvent.TwvNoLongerRequired;
import nl.werkdesk.permit.domain.PermitEvent.TwvRefused;
import nl.werkdesk.permit.domain.PermitEvent.TwvRequestDeclined;
import nl.werkdesk.permit.domain.PermitEvent.TwvRequested;
import nl.werkdesk.permit.domain.PermitEvent.TwvWithdrawn;

/**
 * A TWV (tewerkstellingsvergunning) for one participant, one employer and one job: requested by the employer,
 * screened by Werkdesk's own rules (may the participant work on the start date? is a TWV needed at all?),
 * completed, decided by UWV within the legal term, and then withdrawn, expired, no longer required or ended.
 * Pure: no I/O, no clock; what the other services told comes in on the commands as {@link Facts}. A request whose
 * participant or employer has not reached this service yet is recorded and waits: the wait and the arrival are
 * events of the permit ({@link ScreeningDeferred}, {@link InformationReceived}), so the state carries them.
 */
public final class Permit {

    public sealed interface Command {
        record RequestTwv(UUID permitId, UUID participantId, UUID employerId, UUID vacancyId, long hourlyWageCents,
                          int hoursPerWeek, LocalDate startDate, LocalDate requestedOn, boolean viaIntermediary,
                          Facts facts) implements Command {}

        /** Information a waiting request lacked may have arrived: screen it with what is known now. */
        record ScreenRequest(Facts facts) implements Command {}

        /** UWV gets no incomplete story from us: a request still waiting for information is not completed. */
        record CompleteApplication(LocalDate completedOn, Period decisionTerm) implements Command {}

        /**
         * {@code validUntil} null: until the W-document ends (the participant's {@code eligibleUntil}). {@code participant}: as
         * werkdesk.participants.v1 told of them, null when it has not yet (the W-document's end is then unknown).
         */
        record GrantTwv(LocalDate decidedOn, LocalDate validFrom, LocalDate validUntil, ParticipantStanding participant) implements Command {}

        record RefuseTwv(LocalDate decidedOn, RefusalReason reason) implements Command {}

        record WithdrawTwv(LocalDate withdrawnOn) implements Command {}

        record ExpireTwv(LocalDate expiredOn) implements Command {}

        /** The participant became a status holder on {@code residencePermitGrantedOn}. */
        record EndAsNoLongerRequired(LocalDate residencePermitGrantedOn) implements Command {}

        /** What has become due by {@code today}: expiry after the validity, the end of reception after a rejection. */
        record ApplyDueDates(LocalDate today, LocalDate receptionEndsOn) implements Command {}
    }

    /** The request as made, its completeness and the latest date in the permit's history. */
    public record Application(UUID permitId, UUID participantId, UUID employerId, UUID vacancyId, long hourlyWageCents,
                              int hoursPerWeek, LocalDate startDate, LocalDate requestedOn, boolean viaIntermediary,
                              LocalDate completedOn, LocalDate decisionDueOn, LocalDate latestOn) {

        public boolean isComplete() {
            return completedOn != null;
        }

        Application completed(LocalDate on, LocalDate dueOn) {
            return new Application(permitId, participantId, employerId, vacancyId, hourlyWageCents, hoursPerWeek, startDate,
                    requestedOn, viaIntermediary, on, dueOn, later(latestOn, on));
        }

        Application on(LocalDate date) {
            return new Application(permitId, participantId, employerId, vacancyId, hourlyWageCents, hoursPerWeek, startDate,
                    requestedOn, viaIntermediary, completedOn, decisionDueOn, later(latestOn, date));
        }
    }

    /** UWV's grant: for this employer and job, valid from/until (inclusive). */
    public record Grant(LocalDate grantedOn, LocalDate validFrom, LocalDate validUntil) {}

    /** How a permit closed: the status it shows and, in words, what happened. */
    public sealed interface Outcome {
        LocalDate on();

        Status status();

        String what();

        record Declined(LocalDate on, DeclineReason reason, LocalDate eligibleFrom) implements Outcome {
            public Status status() {
                return Status.DECLINED;
            }

            public String what() {
                return "declined by Werkdesk";
            }
        }

        record Refused(LocalDate on, RefusalReason reason) implements Outcome {
            public Status status() {
                return Status.REFUSED;
            }

            public String what() {
                return "refused by UWV";
            }
        }

        record Withdrawn(LocalDate on) implements Outcome {
            public Status status() {
                return Status.WITHDRAWN;
            }

            public String what() {
                return "withdrawn";
            }
        }

        record Expired(LocalDate on) implements Outcome {
            public Status status() {
                return Status.EXPIRED;
            }

            public String what() {
                return "expired";
            }
        }

        record NoLongerRequired(LocalDate on) implements Outcome {
            public Status status() {
                return Status.NO_LONGER_REQUIRED;
            }

            public String what() {
                return "no longer required (the participant became a status holder)";
            }
        }

        record Ended(LocalDate on, EndReason reason) implements Outcome {
            public Status status() {
                return Status.ENDED;
            }

            public String what() {
                return "ended with the participant's reception";
            }
        }
    }

    public sealed interface State {
        record None() implements State {}

        /**
         * Requested, and complete once {@code application.completedOn} is set: waiting for UWV. {@code awaiting}: what
         * the screening still waits for from the other services (empty once screened).
         */
        record Pending(Application application, Set<Information> awaiting) implements State {}

        record Granted(Application application, Grant grant) implements State {}

        /** {@code grant} is set when the TWV had been granted before it closed. */
        record Closed(Application application, Grant grant, Outcome outcome) implements State {}
    }

    /** The status a permit shows, derived from its state. */
    public enum Status { REQUESTED, APPLICATION_COMPLETE, GRANTED, DECLINED, REFUSED, WITHDRAWN, EXPIRED, NO_LONGER_REQUIRED, ENDED }

    public static final Decider<Command, State, PermitEvent> DECIDER = new Decider<>(new State.None(), Permit::decide, Permit::evolve);

    private Permit() {
    }

    static List<PermitEvent> decide(Command command, State state) {
        if (command instanceof Command.RequestTwv request) {
            return request(request, state);
        }
        if (state instanceof State.None) {
            throw new Rejected(PermitRejection.NOT_REQUESTED, "no TWV was requested");
        }
        Application application = applicationOf(state);
        UUID id = application.permitId();
        UUID participant = application.participantId();
        if (command instanceof Command.ScreenRequest screen) {
            return state instanceof State.Pending pending ? screenWaiting(pending, screen.facts()) : List.of();
        }
        if (command instanceof Command.CompleteApplication complete) {
            State.Pending pending = pending(state);
            if (pending.application().isComplete()) {
                throw new Rejected(PermitRejection.APPLICATION_ALREADY_COMPLETED, "the application was already completed on "
                        + pending.application().completedOn());
            }
            if (pending.awaiting().contains(Information.PARTICIPANT)) {
                throw new Rejected(PermitRejection.PARTICIPANT_NOT_KNOWN_YET, "participant " + participant
                        + " has not reached permit-service from werkdesk.participants.v1 yet: the request is screened once it has");
            }
            if (pending.awaiting().contains(Information.EMPLOYER)) {
                throw new Rejected(PermitRejection.EMPLOYER_NOT_KNOWN_YET, "employer " + application.employerId()
                        + " has not reached permit-service from werkdesk.employers.v1 yet: the request is screened once it has");
            }
            notBefore("completedOn", complete.completedOn(), application.latestOn());
            return List.of(new TwvApplicationCompleted(id, participant, complete.completedOn(),
                    complete.completedOn().plus(complete.decisionTerm())));
        }
        if (command instanceof Command.GrantTwv grant) {
            awaitingDecision(state);
            if (grant.participant() == null) {
                // Only a request completed before the screening's wait was part of the stream can get here.
                throw new Rejected(PermitRejection.PARTICIPANT_NOT_KNOWN_YET, "participant " + participant
                        + " has not reached permit-service from werkdesk.participants.v1 yet: a TWV lasts at most until the W-document ends");
            }
            notBefore("decidedOn", grant.decidedOn(), application.latestOn());
            LocalDate wDocumentEndsOn = grant.participant().eligibleUntil();
            LocalDate validUntil = grant.validUntil() != null ? grant.validUntil() : wDocumentEndsOn;
            if (validUntil == null) {
                throw new Rejected(PermitRejection.VALID_UNTIL_REQUIRED, "validUntil",
                        "is required: the participant's W-document has no end date");
            }
            if (wDocumentEndsOn != null && validUntil.isAfter(wDocumentEndsOn)) {
                throw new Rejected(PermitRejection.VALID_UNTIL_AFTER_W_DOCUMENT, "validUntil",
                        "lies after the end of the participant's W-document on " + wDocumentEndsOn);
            }
            if (grant.validFrom().isAfter(validUntil)) {
                throw new Rejected(PermitRejection.VALID_FROM_AFTER_VALID_UNTIL, "validFrom", "lies after the last valid day " + validUntil);
            }
            return List.of(new TwvGranted(id, participant, application.employerId(), application.vacancyId(), grant.decidedOn(),
                    grant.validFrom(), validUntil));
        }
        if (command instanceof Command.RefuseTwv refusal) {
            awaitingDecision(state);
            notBefore("decidedOn", refusal.decidedOn(), application.latestOn());
            return List.of(new TwvRefused(id, participant, refusal.decidedOn(), refusal.reason()));
        }
        if (command instanceof Command.WithdrawTwv withdrawal) {
            if (state instanceof State.Granted granted) {
                throw new Rejected(PermitRejection.ALREADY_GRANTED, "a granted TWV is not withdrawn: it expires on "
                        + granted.grant().validUntil().plusDays(1) + " or ends");
            }
            pending(state);
            notBefore("withdrawnOn", withdrawal.withdrawnOn(), application.latestOn());
            return List.of(new TwvWithdrawn(id, participant, withdrawal.withdrawnOn()));
        }
        if (command instanceof Command.ExpireTwv expiry) {
            if (state instanceof State.Closed closed) {
                throw closed(closed);
            }
            if (!(state instanceof State.Granted granted)) {
                throw new Rejected(PermitRejection.NOT_GRANTED, "only a granted TWV expires, and this one is not granted yet");
            }
            if (!expiry.expiredOn().isAfter(granted.grant().validUntil())) {
                throw new Rejected(PermitRejection.EXPIRY_WITHIN_VALIDITY, "expiredOn",
                        "lies within the validity, which lasts until " + granted.grant().validUntil());
            }
            notBefore("expiredOn", expiry.expiredOn(), application.latestOn());
            return List.of(new TwvExpired(id, participant, expiry.expiredOn()));
        }
        if (command instanceof Command.EndAsNoLongerRequired end) {
            if (state instanceof State.Closed) {
                return List.of();
            }
            return List.of(new TwvNoLongerRequired(id, participant, later(end.residencePermitGrantedOn(), application.latestOn())));
        }
        if (command instanceof Command.ApplyDueDates due) {
            return applyDueDates(state, due);
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    private static List<PermitEvent> request(Command.RequestTwv request, State state) {
        if (!(state instanceof State.None)) {
            throw new Rejected(PermitRejection.ALREADY_REQUESTED, "this TWV was already requested");
        }
        if (request.startDate().isBefore(request.requestedOn())) {
            throw new Rejected(PermitRejection.START_BEFORE_REQUEST, "startDate", "lies before the request on " + request.requestedOn()
                    + ": a TWV is needed before the work starts");
        }
        TwvRequested requested = new TwvRequested(request.permitId(), request.participantId(), request.employerId(), request.vacancyId(),
                request.hourlyWageCents(), request.hoursPerWeek(), request.startDate(), request.requestedOn(), request.viaIntermediary());
        Application application = applicationOf(evolve(state, requested));
        List<PermitEvent> events = new ArrayList<>(List.of(requested));
        TwvRequestDeclined declined = screen(application, request.facts().participant());
        if (declined != null) {
            events.add(declined);
        } else if (!request.facts().missing().isEmpty()) {
            events.add(new ScreeningDeferred(application.permitId(), application.participantId(), request.facts().missing(),
                    application.requestedOn()));
        }
        return events;
    }

    /**
     * A request waiting for information, screened with what is known now: what arrived is received, and once the
     * participant is known Werkdesk's rules apply to them as they stand now. Nothing when nothing it waits for arrived.
     */
    private static List<PermitEvent> screenWaiting(State.Pending pending, Facts facts) {
        Set<Information> received = EnumSet.noneOf(Information.class);
        received.addAll(pending.awaiting());
        received.removeAll(facts.missing());
        if (pending.application().isComplete() || received.isEmpty()) {
            return List.of();
        }
        Application application = pending.application();
        List<PermitEvent> events = new ArrayList<>(List.of(new InformationReceived(application.permitId(), application.participantId(),
                received, facts.knownSince(received, application.requestedOn()))));
        TwvRequestDeclined declined = screen(application, facts.participant());
        if (declined != null) {
            events.add(declined);
        }
        return events;
    }

    /**
     * Werkdesk's own rules, once the participant is known: no TWV for a status holder, none for a participant who may
     * not work on the start date; null when the request may proceed (or the participant is not known yet). A decline is
     * dated when Werkdesk could first have known: the request, or the participant's registration if later.
     */
    private static TwvRequestDeclined screen(Application application, ParticipantStanding participant) {
        if (participant == null) {
            return null;
        }
        LocalDate start = application.startDate();
        DeclineReason reason = null;
        LocalDate eligibleFrom = null;
        if (participant.statusHolderSince() != null) {
            reason = DeclineReason.NOT_REQUIRED_STATUS_HOLDER;
        } else if (participant.eligibleFrom() == null) {
            reason = DeclineReason.NOT_ELIGIBLE;
        } else if (start.isBefore(participant.eligibleFrom())) {
            reason = DeclineReason.NOT_YET_ELIGIBLE;
            eligibleFrom = participant.eligibleFrom();
        } else if (participant.eligibleUntil() != null && start.isAfter(participant.eligibleUntil())) {
            reason = DeclineReason.NO_LONGER_ELIGIBLE;
        } else if (participant.receptionEndsOn() != null && start.isAfter(participant.receptionEndsOn())) {
            reason = DeclineReason.NO_LONGER_ELIGIBLE;
        }
        if (reason == null) {
            return null;
        }
        LocalDate on = later(application.requestedOn(), participant.registeredOn());
        return new TwvRequestDeclined(application.permitId(), application.participantId(), on, reason, eligibleFrom);
    }

    /** The earlier of what is due wins: a TWV that expired before reception ended did not end with it. */
    private static List<PermitEvent> applyDueDates(State state, Command.ApplyDueDates due) {
        if (state instanceof State.Closed || state instanceof State.None) {
            return List.of();
        }
        Application application = applicationOf(state);
        LocalDate expiresOn = state instanceof State.Granted granted ? granted.grant().validUntil().plusDays(1) : null;
        // Reception's last day is still a day of work (as participant-service judges it): the TWV ends the day after.
        LocalDate endsOn = due.receptionEndsOn() == null ? null : due.receptionEndsOn().plusDays(1);
        boolean expiryDue = expiresOn != null && !expiresOn.isAfter(due.today());
        boolean endDue = endsOn != null && !endsOn.isAfter(due.today());
        if (expiryDue && (!endDue || !expiresOn.isAfter(endsOn))) {
            return List.of(new TwvExpired(application.permitId(), application.participantId(), later(expiresOn, application.latestOn())));
        }
        if (endDue) {
            return List.of(new TwvEnded(application.permitId(), application.participantId(), later(endsOn, application.latestOn()),
                    EndReason.RECEPTION_ENDED));
        }
        return List.of();
    }

    /**
     * One branch per event. The screening's wait moves no date of the permit: a step may still be dated on or after
     * the request, however late the other services' news arrived.
     */
    static State evolve(State state, PermitEvent event) {
        if (event instanceof TwvRequested requested) {
            return new State.Pending(new Application(requested.permitId(), requested.participantId(), requested.employerId(),
                    requested.vacancyId(), requested.hourlyWageCents(), requested.hoursPerWeek(), requested.startDate(),
                    requested.requestedOn(), requested.viaIntermediary(), null, null, requested.requestedOn()), Set.of());
        }
        if (state instanceof State.None) {
            return state;
        }
        Application application = applicationOf(state);
        Grant grant = state instanceof State.Granted granted ? granted.grant() : null;
        if (event instanceof ScreeningDeferred deferred) {
            return state instanceof State.Pending pending ? new State.Pending(application, union(pending.awaiting(), deferred.awaiting())) : state;
        }
        if (event instanceof InformationReceived received) {
            return state instanceof State.Pending pending ? new State.Pending(application, without(pending.awaiting(), received.received()))
                    : state;
        }
        if (event instanceof TwvApplicationCompleted completed) {
            return new State.Pending(application.completed(completed.completedOn(), completed.decisionDueOn()), awaitingOf(state));
        }
        if (event instanceof TwvGranted granted) {
            return new State.Granted(application.on(granted.grantedOn()),
                    new Grant(granted.grantedOn(), granted.validFrom(), granted.validUntil()));
        }
        Outcome outcome;
        if (event instanceof TwvRequestDeclined declined) {
            outcome = new Outcome.Declined(declined.declinedOn(), declined.reason(), declined.eligibleFrom());
        } else if (event instanceof TwvRefused refused) {
            outcome = new Outcome.Refused(refused.refusedOn(), refused.reason());
        } else if (event instanceof TwvWithdrawn withdrawn) {
            outcome = new Outcome.Withdrawn(withdrawn.withdrawnOn());
        } else if (event instanceof TwvExpired expired) {
            outcome = new Outcome.Expired(expired.expiredOn());
        } else if (event instanceof TwvNoLongerRequired notRequired) {
            outcome = new Outcome.NoLongerRequired(notRequired.endedOn());
        } else if (event instanceof TwvEnded ended) {
            outcome = new Outcome.Ended(ended.endedOn(), ended.reason());
        } else {
            throw new IllegalArgumentException("unknown event " + event.getClass().getName());
        }
        return new State.Closed(application.on(outcome.on()), grant, outcome);
    }

    public static Application applicationOf(State state) {
        if (state instanceof State.Pending pending) {
            return pending.application();
        }
        if (state instanceof State.Granted granted) {
            return granted.application();
        }
        if (state instanceof State.Closed closed) {
            return closed.application();
        }
        throw new Rejected(PermitRejection.NOT_REQUESTED, "no TWV was requested");
    }

    /** What a requested permit's screening still waits for from the other services; nothing once it moved on. */
    public static Set<Information> awaitingOf(State state) {
        return state instanceof State.Pending pending ? pending.awaiting() : Set.of();
    }

    public static Grant grantOf(State state) {
        if (state instanceof State.Granted granted) {
            return granted.grant();
        }
        return state instanceof State.Closed closed ? closed.grant() : null;
    }

    public static Status statusOf(State state) {
        if (state instanceof State.Pending pending) {
            return pending.application().isComplete() ? Status.APPLICATION_COMPLETE : Status.REQUESTED;
        }
        if (state instanceof State.Granted) {
            return Status.GRANTED;
        }
        if (state instanceof State.Closed closed) {
            return closed.outcome().status();
        }
        throw new Rejected(PermitRejection.NOT_REQUESTED, "no TWV was requested");
    }

    /** The day UWV decided (granted or refused), or null while undecided or when it never came to a decision. */
    public static LocalDate decidedOn(State state) {
        Grant grant = grantOf(state);
        if (grant != null) {
            return grant.grantedOn();
        }
        return state instanceof State.Closed closed && closed.outcome() instanceof Outcome.Refused refused ? refused.on() : null;
    }

    /** Days from the request to UWV's decision, or null while there is none. */
    public static Long leadTimeDays(State state) {
        LocalDate decided = decidedOn(state);
        return decided == null ? null : ChronoUnit.DAYS.between(applicationOf(state).requestedOn(), decided);
    }

    private static State.Pending pending(State state) {
        if (state instanceof State.Pending pending) {
            return pending;
        }
        if (state instanceof State.Granted granted) {
            throw new Rejected(PermitRejection.ALREADY_GRANTED, "the TWV was already granted on " + granted.grant().grantedOn());
        }
        throw closed((State.Closed) state);
    }

    private static void awaitingDecision(State state) {
        if (!pending(state).application().isComplete()) {
            throw new Rejected(PermitRejection.APPLICATION_NOT_COMPLETE,
                    "UWV decides on a complete application: mark the application complete first");
        }
    }

    /** A closed permit refuses every step: declined by Werkdesk's screening, or closed in any other way. */
    private static Rejected closed(State.Closed closed) {
        String reason = "the permit was " + closed.outcome().what() + " on " + closed.outcome().on();
        return new Rejected(closed.outcome() instanceof Outcome.Declined ? PermitRejection.REQUEST_DECLINED : PermitRejection.PERMIT_CLOSED,
                reason);
    }

    private static void notBefore(String field, LocalDate date, LocalDate latest) {
        if (date.isBefore(latest)) {
            throw new Rejected(PermitRejection.DATE_BEFORE_LATEST_STEP, field, "lies before the permit's latest step on " + latest);
        }
    }

    private static Set<Information> union(Set<Information> a, Set<Information> b) {
        Set<Information> all = EnumSet.noneOf(Information.class);
        all.addAll(a);
        all.addAll(b);
        return Information.setOf(all);
    }

    private static Set<Information> without(Set<Information> a, Set<Information> b) {
        Set<Information> rest = EnumSet.noneOf(Information.class);
        rest.addAll(a);
        rest.removeAll(b);
        return Information.setOf(rest);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
