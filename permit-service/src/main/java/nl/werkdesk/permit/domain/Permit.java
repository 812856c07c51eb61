package nl.werkdesk.permit.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.permit.DeclineReason;
import nl.werkdesk.contracts.permit.EndReason;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.contracts.permit.PermitEvent.TwvApplicationCompleted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvEnded;
import nl.werkdesk.contracts.permit.PermitEvent.TwvExpired;
import nl.werkdesk.contracts.permit.PermitEvent.TwvGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvNoLongerRequired;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRefused;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequestDeclined;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequested;
import nl.werkdesk.contracts.permit.PermitEvent.TwvWithdrawn;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.permit.domain.Facts.Information;
import nl.werkdesk.permit.domain.Facts.ParticipantStanding;

/**
 * A TWV (tewerkstellingsvergunning) for one participant, one employer and one job: requested by the employer,
 * screened by Werkdesk's own rules (may the participant work on the start date? is a TWV needed at all?),
 * completed, decided by UWV within the legal term, and then withdrawn, expired, no longer required or ended.
 * Pure: no I/O, no clock; what the other services told comes in on the commands as {@link Facts}.
 */
public final class Permit {

    public sealed interface Command {
        record RequestTwv(UUID permitId, UUID participantId, UUID employerId, UUID vacancyId, long hourlyWageCents,
                          int hoursPerWeek, LocalDate startDate, LocalDate requestedOn, boolean viaIntermediary,
                          Facts facts) implements Command {}

        /** Information a waiting request lacked has arrived: screen it now. */
        record ScreenRequest(Facts facts) implements Command {}

        /** {@code pendingInformation}: what the request still waits for (UWV gets no incomplete story from us). */
        record CompleteApplication(LocalDate completedOn, Period decisionTerm, Set<Information> pendingInformation)
                implements Command {}

        /** {@code validUntil} null: until the W-document ends ({@code wDocumentEndsOn}, the participant's eligibility). */
        record GrantTwv(LocalDate decidedOn, LocalDate validFrom, LocalDate validUntil, LocalDate wDocumentEndsOn) implements Command {}

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

        /** Requested, and complete once {@code application.completedOn} is set: waiting for UWV. */
        record Pending(Application application) implements State {}

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
            throw new Rejected("no TWV was requested");
        }
        Application application = applicationOf(state);
        UUID id = application.permitId();
        UUID participant = application.participantId();
        if (command instanceof Command.ScreenRequest screen) {
            if (!(state instanceof State.Pending) || application.isComplete()) {
                return List.of();
            }
            return screen(application, screen.facts());
        }
        if (command instanceof Command.CompleteApplication complete) {
            Application pending = pending(state);
            if (pending.isComplete()) {
                throw new Rejected("the application was already completed on " + pending.completedOn());
            }
            if (!complete.pendingInformation().isEmpty()) {
                throw new Rejected("the request waits for information about the " + describe(complete.pendingInformation())
                        + " from the other Werkdesk services; it can be completed once that has arrived and the request was screened");
            }
            notBefore("completedOn", complete.completedOn(), pending.latestOn());
            return List.of(new TwvApplicationCompleted(id, participant, complete.completedOn(),
                    complete.completedOn().plus(complete.decisionTerm())));
        }
        if (command instanceof Command.GrantTwv grant) {
            Application decided = awaitingDecision(state);
            notBefore("decidedOn", grant.decidedOn(), decided.latestOn());
            LocalDate validUntil = grant.validUntil() != null ? grant.validUntil() : grant.wDocumentEndsOn();
            if (validUntil == null) {
                throw new Rejected("validUntil", "is required: the end of the participant's W-document is not known");
            }
            if (grant.wDocumentEndsOn() != null && validUntil.isAfter(grant.wDocumentEndsOn())) {
                throw new Rejected("validUntil", "lies after the end of the participant's W-document on " + grant.wDocumentEndsOn());
            }
            if (grant.validFrom().isAfter(validUntil)) {
                throw new Rejected("validFrom", "lies after the last valid day " + validUntil);
            }
            return List.of(new TwvGranted(id, participant, decided.employerId(), decided.vacancyId(), grant.decidedOn(),
                    grant.validFrom(), validUntil));
        }
        if (command instanceof Command.RefuseTwv refusal) {
            Application decided = awaitingDecision(state);
            notBefore("decidedOn", refusal.decidedOn(), decided.latestOn());
            return List.of(new TwvRefused(id, participant, refusal.decidedOn(), refusal.reason()));
        }
        if (command instanceof Command.WithdrawTwv withdrawal) {
            if (state instanceof State.Granted granted) {
                throw new Rejected("a granted TWV is not withdrawn: it expires on " + granted.grant().validUntil().plusDays(1) + " or ends");
            }
            Application pending = pending(state);
            notBefore("withdrawnOn", withdrawal.withdrawnOn(), pending.latestOn());
            return List.of(new TwvWithdrawn(id, participant, withdrawal.withdrawnOn()));
        }
        if (command instanceof Command.ExpireTwv expiry) {
            if (!(state instanceof State.Granted granted)) {
                throw new Rejected(state instanceof State.Closed closed ? closed(closed) : "only a granted TWV expires, and this one is not granted yet");
            }
            if (!expiry.expiredOn().isAfter(granted.grant().validUntil())) {
                throw new Rejected("expiredOn", "lies within the validity, which lasts until " + granted.grant().validUntil());
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
            throw new Rejected("this TWV was already requested");
        }
        if (request.startDate().isBefore(request.requestedOn())) {
            throw new Rejected("startDate", "lies before the request on " + request.requestedOn() + ": a TWV is needed before the work starts");
        }
        TwvRequested requested = new TwvRequested(request.permitId(), request.participantId(), request.employerId(), request.vacancyId(),
                request.hourlyWageCents(), request.hoursPerWeek(), request.startDate(), request.requestedOn(), request.viaIntermediary());
        Application application = ((State.Pending) evolve(state, requested)).application();
        List<PermitEvent> screened = screen(application, request.facts());
        return screened.isEmpty() ? List.of(requested) : List.of(requested, screened.get(0));
    }

    /**
     * Werkdesk's own rules, as soon as the participant is known: no TWV for a status holder, none for a
     * participant who may not work on the start date. Otherwise the request proceeds (once the employer is known too).
     * A decline is dated when Werkdesk could first have known: the request, or the participant's registration if later.
     */
    private static List<PermitEvent> screen(Application application, Facts facts) {
        ParticipantStanding participant = facts.participant();
        if (participant == null) {
            return List.of();
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
            return List.of();
        }
        LocalDate on = later(application.requestedOn(), participant.registeredOn());
        return List.of(new TwvRequestDeclined(application.permitId(), application.participantId(), on, reason, eligibleFrom));
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

    static State evolve(State state, PermitEvent event) {
        if (event instanceof TwvRequested requested) {
            return new State.Pending(new Application(requested.permitId(), requested.participantId(), requested.employerId(),
                    requested.vacancyId(), requested.hourlyWageCents(), requested.hoursPerWeek(), requested.startDate(),
                    requested.requestedOn(), requested.viaIntermediary(), null, null, requested.requestedOn()));
        }
        if (state instanceof State.None) {
            return state;
        }
        Application application = applicationOf(state);
        Grant grant = state instanceof State.Granted granted ? granted.grant() : null;
        if (event instanceof TwvApplicationCompleted completed) {
            return new State.Pending(application.completed(completed.completedOn(), completed.decisionDueOn()));
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
            return state;
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
        throw new Rejected("no TWV was requested");
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
        throw new Rejected("no TWV was requested");
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

    private static Application pending(State state) {
        if (state instanceof State.Pending pending) {
            return pending.application();
        }
        if (state instanceof State.Granted granted) {
            throw new Rejected("the TWV was already granted on " + granted.grant().grantedOn());
        }
        throw new Rejected(closed((State.Closed) state));
    }

    private static Application awaitingDecision(State state) {
        Application pending = pending(state);
        if (!pending.isComplete()) {
            throw new Rejected("UWV decides on a complete application: mark the application complete first");
        }
        return pending;
    }

    private static String closed(State.Closed closed) {
        return "the permit was " + closed.outcome().what() + " on " + closed.outcome().on();
    }

    private static String describe(Set<Information> missing) {
        return String.join(" and ", missing.stream().sorted().map(info -> info.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private static void notBefore(String field, LocalDate date, LocalDate latest) {
        if (date.isBefore(latest)) {
            throw new Rejected(field, "lies before the permit's latest step on " + latest);
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
