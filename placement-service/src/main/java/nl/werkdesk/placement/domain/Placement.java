package nl.werkdesk.placement.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.RiskReason;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementAtRisk;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementChanged;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementContinued;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementEnded;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementStarted;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementSustained;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementSustainedWithdrawn;

/**
 * A participant's job with one employer: started only when the participant may take it on the start date,
 * changed, put at risk by what happens elsewhere (a relocation out of the job's commuting region, the end of
 * the TWV it rests on, a rejected asylum application), continued or ended, and sustained after 26 weeks.
 * Pure: the facts from other services, the commuting regions and today's date all come in from outside.
 *
 * <p>Every refusal has a {@link PlacementRejection} code. Refusals about one value of the command (a date before the
 * start) name the field; refusals because of where the participant, vacancy or permit stand are about the state of
 * things (HTTP 409); a fact from another service that has not arrived is a not-yet-known refusal (409, Retry-After).
 */
public final class Placement {

    public sealed interface Command {
        /** {@code permitId}: the TWV the caseworker names, or null to take the participant's valid TWV for this job. */
        record StartPlacement(UUID placementId, UUID participantId, UUID employerId, UUID vacancyId, UUID permitId, Sector sector,
                              LocalDate startedOn, int hoursPerWeek, long hourlyWageCents, ContractType contractType,
                              PlacementFacts facts) implements Command {}

        record ChangePlacement(LocalDate changedOn, int hoursPerWeek, long hourlyWageCents) implements Command {}

        record EndPlacement(LocalDate endedOn, EndReason reason) implements Command {}

        /** The caseworker confirms that a placement at risk goes on. */
        record ContinuePlacement(LocalDate confirmedOn) implements Command {}

        /** COA moved the participant: does the job stay within commuting distance? */
        record AssessRelocation(String toLocation, LocalDate relocatedOn) implements Command {}

        /** A TWV expired or ended; {@code statusHolderSince} is null while the participant is no status holder. */
        record AssessPermitEnd(UUID permitId, LocalDate endedOn, LocalDate statusHolderSince) implements Command {}

        record AssessAsylumRejection(LocalDate rejectedOn) implements Command {}

        /** The milestone check on a business date: has the placement lasted long enough to count as sustained? */
        record RecordSustainedMilestone(LocalDate today) implements Command {}
    }

    public record Risk(RiskReason reason, LocalDate flaggedOn) {}

    /** Everything the placement's events say, as of the latest one. */
    public record Details(UUID placementId, UUID participantId, UUID employerId, UUID vacancyId, UUID permitId, Sector sector,
                          String location, LocalDate startedOn, int hoursPerWeek, long hourlyWageCents, ContractType contractType,
                          LocalDate lastChangedOn, List<Risk> risks, LocalDate sustainedOn) {

        Details changed(LocalDate on, int hours, long wage) {
            return new Details(placementId, participantId, employerId, vacancyId, permitId, sector, location, startedOn, hours, wage,
                    contractType, on, risks, sustainedOn);
        }

        Details withRisks(List<Risk> newRisks) {
            return new Details(placementId, participantId, employerId, vacancyId, permitId, sector, location, startedOn, hoursPerWeek,
                    hourlyWageCents, contractType, lastChangedOn, List.copyOf(newRisks), sustainedOn);
        }

        Details sustained(LocalDate on) {
            return new Details(placementId, participantId, employerId, vacancyId, permitId, sector, location, startedOn, hoursPerWeek,
                    hourlyWageCents, contractType, lastChangedOn, risks, on);
        }

        public boolean atRisk() {
            return !risks.isEmpty();
        }

        boolean atRiskFor(RiskReason reason) {
            return risks.stream().anyMatch(risk -> risk.reason() == reason);
        }

        Optional<LocalDate> lastFlaggedOn() {
            return risks.stream().map(Risk::flaggedOn).max(LocalDate::compareTo);
        }
    }

    public sealed interface State {
        record NotStarted() implements State {}

        record Active(Details details) implements State {}

        record Ended(Details details, LocalDate endedOn, EndReason reason) implements State {}
    }

    private Placement() {
    }

    /**
     * @param regions        which places lie within commuting distance of each other
     * @param sustainedAfter how long a placement must last to count as sustained (26 weeks)
     */
    public static Decider<Command, State, PlacementEvent> decider(CommutingRegions regions, Period sustainedAfter) {
        return new Decider<>(new State.NotStarted(), (command, state) -> decide(command, state, regions, sustainedAfter), Placement::evolve);
    }

    /** The date a placement started on counts as sustained. */
    public static LocalDate sustainedDueOn(LocalDate startedOn, Period sustainedAfter) {
        return startedOn.plus(sustainedAfter);
    }

    static List<PlacementEvent> decide(Command command, State state, CommutingRegions regions, Period sustainedAfter) {
        if (command instanceof Command.StartPlacement start) {
            if (!(state instanceof State.NotStarted)) {
                throw new Rejected(PlacementRejection.ALREADY_STARTED, "the placement was already started");
            }
            return start(start, regions);
        }
        if (state instanceof State.NotStarted) {
            throw new Rejected(PlacementRejection.NOT_STARTED, "the placement has not been started");
        }
        if (command instanceof Command.RecordSustainedMilestone milestone) {
            return sustained(state, milestone.today(), sustainedAfter);
        }
        if (!(state instanceof State.Active active)) {
            State.Ended ended = (State.Ended) state;
            if (command instanceof Command.AssessRelocation || command instanceof Command.AssessPermitEnd
                    || command instanceof Command.AssessAsylumRejection) {
                return List.of();
            }
            throw new Rejected(PlacementRejection.PLACEMENT_ENDED, "the placement ended on " + ended.endedOn());
        }
        Details placement = active.details();
        if (command instanceof Command.ChangePlacement change) {
            notBefore("changedOn", change.changedOn(), placement.startedOn(), PlacementRejection.DATE_BEFORE_START, "the start on");
            notBefore("changedOn", change.changedOn(), placement.lastChangedOn(), PlacementRejection.DATE_BEFORE_LAST_CHANGE,
                    "the previous change on");
            if (change.hoursPerWeek() == placement.hoursPerWeek() && change.hourlyWageCents() == placement.hourlyWageCents()) {
                throw new Rejected(PlacementRejection.NOTHING_CHANGES, "nothing changes: the placement already has "
                        + placement.hoursPerWeek() + " hours a week at " + placement.hourlyWageCents() + " cents an hour");
            }
            return List.of(new PlacementChanged(placement.placementId(), placement.participantId(), change.changedOn(),
                    change.hoursPerWeek(), change.hourlyWageCents()));
        }
        if (command instanceof Command.EndPlacement end) {
            notBefore("endedOn", end.endedOn(), placement.startedOn(), PlacementRejection.DATE_BEFORE_START, "the start on");
            notBefore("endedOn", end.endedOn(), placement.lastChangedOn(), PlacementRejection.DATE_BEFORE_LAST_CHANGE, "the last change on");
            PlacementEnded ended = new PlacementEnded(placement.placementId(), placement.participantId(), end.endedOn(), end.reason());
            // An end dated before the milestone may come in after the check recorded it (the news came late): it is
            // accepted, and withdraws the milestone, since the placement did not last 26 weeks after all.
            if (placement.sustainedOn() != null && end.endedOn().isBefore(placement.sustainedOn())) {
                return List.of(ended, new PlacementSustainedWithdrawn(placement.placementId(), placement.participantId(), end.endedOn()));
            }
            return List.of(ended);
        }
        if (command instanceof Command.ContinuePlacement proceed) {
            if (!placement.atRisk()) {
                throw new Rejected(PlacementRejection.NOT_AT_RISK, "the placement is not at risk");
            }
            notBefore("confirmedOn", proceed.confirmedOn(), placement.lastFlaggedOn().orElseThrow(), PlacementRejection.DATE_BEFORE_RISK,
                    "the day it was flagged at risk,");
            return List.of(new PlacementContinued(placement.placementId(), placement.participantId(), proceed.confirmedOn()));
        }
        if (command instanceof Command.AssessRelocation relocation) {
            return relocatedAway(placement, relocation.toLocation(), relocation.relocatedOn(), regions).<List<PlacementEvent>>map(List::of)
                    .orElse(List.of());
        }
        if (command instanceof Command.AssessPermitEnd permitEnd) {
            boolean restsOnIt = permitEnd.permitId().equals(placement.permitId());
            boolean needsNone = permitEnd.statusHolderSince() != null && !permitEnd.statusHolderSince().isAfter(permitEnd.endedOn());
            if (!restsOnIt || needsNone) {
                return List.of();
            }
            return flag(placement, RiskReason.PERMIT_ENDED, permitEnd.endedOn()).<List<PlacementEvent>>map(List::of).orElse(List.of());
        }
        if (command instanceof Command.AssessAsylumRejection rejection) {
            return flag(placement, RiskReason.ASYLUM_REJECTED, rejection.rejectedOn()).<List<PlacementEvent>>map(List::of).orElse(List.of());
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    /**
     * Started on what this service knows of the participant, the vacancy and the TWVs. A participant who was relocated
     * out of the job's region before the start was recorded starts at risk, as a relocation arriving after it would flag.
     */
    private static List<PlacementEvent> start(Command.StartPlacement start, CommutingRegions regions) {
        PlacementFacts facts = start.facts();
        LocalDate on = start.startedOn();
        PlacementFacts.Participant participant = facts.participant();
        PlacementFacts.Vacancy vacancy = facts.vacancy();
        if (participant == null) {
            throw new Rejected(PlacementRejection.PARTICIPANT_NOT_KNOWN_YET, "no event about participant " + start.participantId()
                    + " has reached placement-service yet: a participant registered moments ago is not known here yet");
        }
        if (vacancy == null) {
            throw new Rejected(PlacementRejection.VACANCY_NOT_KNOWN_YET, "no event about vacancy " + start.vacancyId()
                    + " has reached placement-service yet: a vacancy opened moments ago is not known here yet");
        }
        if (!vacancy.employerId().equals(start.employerId())) {
            throw new Rejected(PlacementRejection.EMPLOYER_NOT_OF_VACANCY, "employerId", "is not the employer of vacancy " + start.vacancyId());
        }
        vacancyOpen(vacancy, start.participantId(), on);
        if (participant.leftOn() != null && !participant.leftOn().isAfter(on)) {
            throw new Rejected(PlacementRejection.PARTICIPANT_LEFT, "the participant left the pilot on " + participant.leftOn());
        }
        if (participant.intakeCompletedOn() == null) {
            throw new Rejected(PlacementRejection.INTAKE_NOT_KNOWN_YET,
                    "no completed intake of the participant has reached placement-service (yet)");
        }
        if (participant.intakeCompletedOn().isAfter(on)) {
            throw new Rejected(PlacementRejection.INTAKE_AFTER_START,
                    "the participant completed the intake on " + participant.intakeCompletedOn() + ", after the start date " + on);
        }
        UUID permitId = null;
        if (!participant.statusHolderOn(on)) {
            if (participant.statusHolderSince() == null
                    && facts.permits().stream().anyMatch(permit -> permit.endedByResidencePermitBy(on))) {
                throw new Rejected(PlacementRejection.RESIDENCE_PERMIT_NOT_KNOWN_YET, "a TWV of the participant closed because they "
                        + "became a status holder, but their residence permit has not reached placement-service yet");
            }
            mayWork(participant, on);
            permitId = permitFor(start, facts.permits(), on);
        }
        PlacementStarted started = new PlacementStarted(start.placementId(), start.participantId(), start.employerId(), start.vacancyId(),
                permitId, start.sector(), vacancy.location(), on, start.hoursPerWeek(), start.hourlyWageCents(), start.contractType());
        if (participant.relocatedTo() == null) {
            return List.of(started);
        }
        Details details = detailsOf(evolve(new State.NotStarted(), started));
        return relocatedAway(details, participant.relocatedTo(), participant.relocatedOn(), regions)
                .<List<PlacementEvent>>map(atRisk -> List.of(started, atRisk)).orElse(List.of(started));
    }

    private static void vacancyOpen(PlacementFacts.Vacancy vacancy, UUID participantId, LocalDate on) {
        if (vacancy.openedOn().isAfter(on)) {
            throw new Rejected(PlacementRejection.VACANCY_OPENED_AFTER_START,
                    "the vacancy opened on " + vacancy.openedOn() + ", after the start date " + on);
        }
        if (vacancy.closedOn() != null && !vacancy.closedOn().isAfter(on)) {
            throw new Rejected(PlacementRejection.VACANCY_CLOSED, "the vacancy was closed on " + vacancy.closedOn());
        }
        boolean filledByAnother = vacancy.filledOn() != null && !vacancy.filledOn().isAfter(on) && !participantId.equals(vacancy.filledBy());
        if (filledByAnother) {
            throw new Rejected(PlacementRejection.VACANCY_FILLED, "the vacancy was filled on " + vacancy.filledOn() + " by someone else");
        }
    }

    /** The work eligibility window judged at registration, and reception ending after a rejection. */
    private static void mayWork(PlacementFacts.Participant participant, LocalDate on) {
        if (participant.eligibleFrom() == null) {
            throw new Rejected(PlacementRejection.NOT_ELIGIBLE, "the participant may not do paid work: " + participant.ineligibleReason());
        }
        if (on.isBefore(participant.eligibleFrom())) {
            throw new Rejected(PlacementRejection.START_BEFORE_ELIGIBILITY,
                    "the participant may do paid work from " + participant.eligibleFrom() + " only, not on " + on);
        }
        if (participant.eligibleUntil() != null && on.isAfter(participant.eligibleUntil())) {
            throw new Rejected(PlacementRejection.ELIGIBILITY_ENDED,
                    "the participant's permission to do paid work ended on " + participant.eligibleUntil());
        }
        if (participant.receptionEndsOn() != null && on.isAfter(participant.receptionEndsOn())) {
            throw new Rejected(PlacementRejection.RECEPTION_ENDED, "reception ended on " + participant.receptionEndsOn()
                    + " after the asylum application was rejected: the participant may no longer work");
        }
    }

    /**
     * A participant who is no status holder needs a granted TWV, valid on the day, for exactly this job: the one the start
     * names, or any of the participant's for this employer and vacancy.
     */
    private static UUID permitFor(Command.StartPlacement start, List<PlacementFacts.Permit> permits, LocalDate on) {
        if (start.permitId() != null) {
            PlacementFacts.Permit named = permits.stream().filter(permit -> permit.permitId().equals(start.permitId())).findFirst()
                    .orElseThrow(() -> new Rejected(PlacementRejection.TWV_NOT_KNOWN_YET,
                            "TWV " + start.permitId() + " has not reached placement-service yet"));
            if (!named.isFor(start.participantId(), start.employerId(), start.vacancyId())) {
                throw new Rejected(PlacementRejection.TWV_NOT_FOR_THIS_JOB, "permitId",
                        "is a TWV for another participant, employer or vacancy");
            }
            return usable(List.of(named), on);
        }
        List<PlacementFacts.Permit> forThisJob = permits.stream()
                .filter(permit -> permit.isFor(start.participantId(), start.employerId(), start.vacancyId())).toList();
        if (forThisJob.isEmpty()) {
            throw new Rejected(PlacementRejection.TWV_NOT_KNOWN_YET, "the participant is no status holder as far as placement-service "
                    + "knows, and no TWV of theirs for this employer and vacancy has reached it (yet)");
        }
        return usable(forThisJob, on);
    }

    /** The first TWV valid on the day; else why none is: a decision not seen yet, or what became of each. */
    private static UUID usable(List<PlacementFacts.Permit> permits, LocalDate on) {
        Optional<PlacementFacts.Permit> valid = permits.stream().filter(permit -> permit.validOn(on)).findFirst();
        if (valid.isPresent()) {
            return valid.get().permitId();
        }
        if (permits.stream().anyMatch(PlacementFacts.Permit::pending)) {
            throw new Rejected(PlacementRejection.TWV_DECISION_NOT_KNOWN_YET,
                    "the TWV for this employer and vacancy was requested; no decision on it has reached placement-service yet");
        }
        List<PlacementFacts.Permit> granted = permits.stream().filter(permit -> permit.grantedOn() != null).toList();
        if (!granted.isEmpty()) {
            throw new Rejected(PlacementRejection.TWV_NOT_VALID_ON_START,
                    "the TWV for this employer and vacancy is not valid on " + on + ": " + describe(granted));
        }
        throw new Rejected(PlacementRejection.TWV_NOT_GRANTED, "the TWV for this employer and vacancy was not granted: " + describe(permits));
    }

    private static String describe(List<PlacementFacts.Permit> permits) {
        List<String> parts = new ArrayList<>();
        for (PlacementFacts.Permit permit : permits) {
            String closed = permit.closure() == null ? "" : permit.closure().words() + " on " + permit.closedOn();
            parts.add(permit.grantedOn() == null ? closed : "valid from " + permit.validFrom() + " until " + permit.validUntil()
                    + (closed.isEmpty() ? "" : ", " + closed));
        }
        return String.join("; ", parts);
    }

    /** A relocation to a place outside the job's commuting region puts the placement at risk (unknown places count as outside). */
    private static Optional<PlacementAtRisk> relocatedAway(Details placement, String toLocation, LocalDate relocatedOn,
                                                           CommutingRegions regions) {
        if (regions.withinOneRegion(toLocation, placement.location())) {
            return Optional.empty();
        }
        return flag(placement, RiskReason.RELOCATED_OUT_OF_REGION, relocatedOn);
    }

    /** A new risk is flagged once, on the day it arose but never before the start; a risk already flagged adds nothing. */
    private static Optional<PlacementAtRisk> flag(Details placement, RiskReason reason, LocalDate on) {
        if (placement.atRiskFor(reason)) {
            return Optional.empty();
        }
        LocalDate flaggedOn = on.isBefore(placement.startedOn()) ? placement.startedOn() : on;
        return Optional.of(new PlacementAtRisk(placement.placementId(), placement.participantId(), flaggedOn, reason));
    }

    /** Sustained once, dated on the milestone itself: still active then, or ended on or after it. */
    private static List<PlacementEvent> sustained(State state, LocalDate today, Period sustainedAfter) {
        Details placement = detailsOf(state);
        LocalDate dueOn = sustainedDueOn(placement.startedOn(), sustainedAfter);
        if (placement.sustainedOn() != null || today.isBefore(dueOn)) {
            return List.of();
        }
        if (state instanceof State.Ended ended && ended.endedOn().isBefore(dueOn)) {
            return List.of();
        }
        return List.of(new PlacementSustained(placement.placementId(), placement.participantId(), dueOn));
    }

    /** One branch per event, each applying what the event says and nothing else; replaying history always succeeds. */
    static State evolve(State state, PlacementEvent event) {
        if (event instanceof PlacementStarted started) {
            return new State.Active(new Details(started.placementId(), started.participantId(), started.employerId(), started.vacancyId(),
                    started.permitId(), started.sector(), started.location(), started.startedOn(), started.hoursPerWeek(),
                    started.hourlyWageCents(), started.contractType(), started.startedOn(), List.of(), null));
        }
        if (state instanceof State.NotStarted) {
            return state;
        }
        Details placement = detailsOf(state);
        if (event instanceof PlacementSustained sustained) {
            return with(state, placement.sustained(sustained.sustainedOn()));
        }
        if (event instanceof PlacementSustainedWithdrawn) {
            return with(state, placement.sustained(null));
        }
        if (event instanceof PlacementEnded ended) {
            return new State.Ended(placement, ended.endedOn(), ended.reason());
        }
        if (!(state instanceof State.Active)) {
            return state;
        }
        if (event instanceof PlacementChanged changed) {
            return new State.Active(placement.changed(changed.changedOn(), changed.hoursPerWeek(), changed.hourlyWageCents()));
        }
        if (event instanceof PlacementAtRisk atRisk) {
            List<Risk> risks = new ArrayList<>(placement.risks());
            risks.add(new Risk(atRisk.reason(), atRisk.flaggedOn()));
            return new State.Active(placement.withRisks(risks));
        }
        if (event instanceof PlacementContinued) {
            return new State.Active(placement.withRisks(List.of()));
        }
        throw new IllegalArgumentException("unknown event " + event.getClass().getName());
    }

    /** The same state with other details. */
    private static State with(State state, Details details) {
        return state instanceof State.Ended ended ? new State.Ended(details, ended.endedOn(), ended.reason()) : new State.Active(details);
    }

    public static Details detailsOf(State state) {
        if (state instanceof State.Active active) {
            return active.details();
        }
        if (state instanceof State.Ended ended) {
            return ended.details();
        }
        throw new Rejected(PlacementRejection.NOT_STARTED, "the placement has not been started");
    }

    private static void notBefore(String field, LocalDate date, LocalDate earliest, PlacementRejection code, String what) {
        if (date.isBefore(earliest)) {
            throw new Rejected(code, field, "lies before " + what + " " + earliest);
        }
    }
}
