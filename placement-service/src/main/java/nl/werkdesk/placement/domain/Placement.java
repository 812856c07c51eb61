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
import nl.werkdesk.contracts.placement.PlacementEvent;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementAtRisk;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementChanged;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementContinued;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustained;
import nl.werkdesk.contracts.placement.RiskReason;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;

/**
 * A participant's job with one employer: started only when the participant may take it on the start date,
 * changed, put at risk by what happens elsewhere (a relocation out of the job's commuting region, the end of
 * the TWV it rests on, a rejected asylum application), continued or ended, and sustained after 26 weeks.
 * Pure: the facts from other services, the commuting regions and today's date all come in from outside.
 *
 * <p>Refusals about one value of the command (an unknown id, a date before the start) name the field; refusals
 * because of where the participant, vacancy or permit stand are about the state of things (HTTP 409).
 */
public final class Placement {

    public sealed interface Command {
        record StartPlacement(UUID placementId, UUID participantId, UUID employerId, UUID vacancyId, Sector sector,
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
                throw new Rejected("the placement was already started");
            }
            return List.of(start(start));
        }
        if (state instanceof State.NotStarted) {
            throw new Rejected("the placement has not been started");
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
            throw new Rejected("the placement ended on " + ended.endedOn());
        }
        Details placement = active.details();
        if (command instanceof Command.ChangePlacement change) {
            notBefore("changedOn", change.changedOn(), placement.startedOn(), "the start on");
            notBefore("changedOn", change.changedOn(), placement.lastChangedOn(), "the previous change on");
            if (change.hoursPerWeek() == placement.hoursPerWeek() && change.hourlyWageCents() == placement.hourlyWageCents()) {
                throw new Rejected("nothing changes: the placement already has " + placement.hoursPerWeek() + " hours a week at "
                        + placement.hourlyWageCents() + " cents an hour");
            }
            return List.of(new PlacementChanged(placement.placementId(), placement.participantId(), change.changedOn(),
                    change.hoursPerWeek(), change.hourlyWageCents()));
        }
        if (command instanceof Command.EndPlacement end) {
            notBefore("endedOn", end.endedOn(), placement.startedOn(), "the start on");
            notBefore("endedOn", end.endedOn(), placement.lastChangedOn(), "the last change on");
            // An end dated before the milestone may come in after the check recorded it (the news came late): it is
            // accepted, and withdraws the milestone, since the placement did not last 26 weeks after all.
            return List.of(new PlacementEnded(placement.placementId(), placement.participantId(), end.endedOn(), end.reason()));
        }
        if (command instanceof Command.ContinuePlacement proceed) {
            if (!placement.atRisk()) {
                throw new Rejected("the placement is not at risk");
            }
            notBefore("confirmedOn", proceed.confirmedOn(), placement.lastFlaggedOn().orElseThrow(), "the day it was flagged at risk,");
            return List.of(new PlacementContinued(placement.placementId(), placement.participantId(), proceed.confirmedOn()));
        }
        if (command instanceof Command.AssessRelocation relocation) {
            if (regions.withinOneRegion(relocation.toLocation(), placement.location())) {
                return List.of();
            }
            return flag(placement, RiskReason.RELOCATED_OUT_OF_REGION, relocation.relocatedOn());
        }
        if (command instanceof Command.AssessPermitEnd permitEnd) {
            boolean restsOnIt = permitEnd.permitId().equals(placement.permitId());
            boolean needsNone = permitEnd.statusHolderSince() != null && !permitEnd.statusHolderSince().isAfter(permitEnd.endedOn());
            if (!restsOnIt || needsNone) {
                return List.of();
            }
            return flag(placement, RiskReason.PERMIT_ENDED, permitEnd.endedOn());
        }
        if (command instanceof Command.AssessAsylumRejection rejection) {
            return flag(placement, RiskReason.ASYLUM_REJECTED, rejection.rejectedOn());
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    private static PlacementEvent start(Command.StartPlacement start) {
        PlacementFacts facts = start.facts();
        LocalDate on = start.startedOn();
        PlacementFacts.Participant participant = facts.participant();
        PlacementFacts.Vacancy vacancy = facts.vacancy();
        if (participant == null) {
            throw new Rejected("participantId", "is not a participant of the pilot known to this service");
        }
        if (vacancy == null) {
            throw new Rejected("vacancyId", "is not a vacancy known to this service");
        }
        if (!vacancy.employerId().equals(start.employerId())) {
            throw new Rejected("employerId", "is not the employer of vacancy " + start.vacancyId());
        }
        vacancyOpen(vacancy, start.participantId(), on);
        if (participant.leftOn() != null && !participant.leftOn().isAfter(on)) {
            throw new Rejected("the participant left the pilot on " + participant.leftOn());
        }
        if (participant.intakeCompletedOn() == null) {
            throw new Rejected("the participant has not completed the intake");
        }
        if (participant.intakeCompletedOn().isAfter(on)) {
            throw new Rejected("the participant completed the intake on " + participant.intakeCompletedOn() + ", after the start date " + on);
        }
        UUID permitId = null;
        if (!participant.statusHolderOn(on)) {
            mayWork(participant, on);
            permitId = permitFor(facts.permits(), start.employerId(), start.vacancyId(), on);
        }
        return new PlacementStarted(start.placementId(), start.participantId(), start.employerId(), start.vacancyId(), permitId,
                start.sector(), vacancy.location(), on, start.hoursPerWeek(), start.hourlyWageCents(), start.contractType());
    }

    private static void vacancyOpen(PlacementFacts.Vacancy vacancy, UUID participantId, LocalDate on) {
        if (vacancy.openedOn().isAfter(on)) {
            throw new Rejected("the vacancy opened on " + vacancy.openedOn() + ", after the start date " + on);
        }
        if (vacancy.closedOn() != null && !vacancy.closedOn().isAfter(on)) {
            throw new Rejected("the vacancy was closed on " + vacancy.closedOn());
        }
        boolean filledByAnother = vacancy.filledOn() != null && !vacancy.filledOn().isAfter(on) && !participantId.equals(vacancy.filledBy());
        if (filledByAnother) {
            throw new Rejected("the vacancy was filled on " + vacancy.filledOn() + " by someone else");
        }
    }

    /** The work eligibility window judged at registration, and reception ending after a rejection. */
    private static void mayWork(PlacementFacts.Participant participant, LocalDate on) {
        if (participant.eligibleFrom() == null) {
            throw new Rejected("the participant may not do paid work: " + participant.ineligibleReason());
        }
        if (on.isBefore(participant.eligibleFrom())) {
            throw new Rejected("the participant may do paid work from " + participant.eligibleFrom() + " only, not on " + on);
        }
        if (participant.eligibleUntil() != null && on.isAfter(participant.eligibleUntil())) {
            throw new Rejected("the participant's permission to do paid work ended on " + participant.eligibleUntil());
        }
        if (participant.receptionEndsOn() != null && on.isAfter(participant.receptionEndsOn())) {
            throw new Rejected("reception ended on " + participant.receptionEndsOn()
                    + " after the asylum application was rejected: the participant may no longer work");
        }
    }

    /** A participant who is no status holder needs a granted TWV, valid on the day, for exactly this job. */
    private static UUID permitFor(List<PlacementFacts.Permit> permits, UUID employerId, UUID vacancyId, LocalDate on) {
        List<PlacementFacts.Permit> forThisJob = permits.stream()
                .filter(permit -> permit.isFor(employerId, vacancyId) && permit.grantedOn() != null).toList();
        return forThisJob.stream().filter(permit -> permit.validOn(on)).map(PlacementFacts.Permit::permitId).findFirst()
                .orElseThrow(() -> new Rejected(forThisJob.isEmpty()
                        ? "the participant is no status holder and has no granted TWV for this employer and vacancy"
                        : "the TWV for this employer and vacancy is not valid on " + on + ": " + describe(forThisJob)));
    }

    private static String describe(List<PlacementFacts.Permit> permits) {
        List<String> parts = new ArrayList<>();
        for (PlacementFacts.Permit permit : permits) {
            parts.add("valid from " + permit.validFrom() + " until " + permit.validUntil()
                    + (permit.endedOn() == null ? "" : ", " + permit.endedBy() + " on " + permit.endedOn()));
        }
        return String.join("; ", parts);
    }

    /** A new risk is flagged once, on the day it arose but never before the start; a risk already flagged adds nothing. */
    private static List<PlacementEvent> flag(Details placement, RiskReason reason, LocalDate on) {
        if (placement.atRiskFor(reason)) {
            return List.of();
        }
        LocalDate flaggedOn = on.isBefore(placement.startedOn()) ? placement.startedOn() : on;
        return List.of(new PlacementAtRisk(placement.placementId(), placement.participantId(), flaggedOn, reason));
    }

    /** Sustained once, dated on the milestone itself: still active then, or ended on or after it. */
    private static List<PlacementEvent> sustained(State state, LocalDate today, Period sustainedAfter) {
        Details placement = state instanceof State.Active active ? active.details() : ((State.Ended) state).details();
        LocalDate dueOn = sustainedDueOn(placement.startedOn(), sustainedAfter);
        if (placement.sustainedOn() != null || today.isBefore(dueOn)) {
            return List.of();
        }
        if (state instanceof State.Ended ended && ended.endedOn().isBefore(dueOn)) {
            return List.of();
        }
        return List.of(new PlacementSustained(placement.placementId(), placement.participantId(), dueOn));
    }

    static State evolve(State state, PlacementEvent event) {
        if (event instanceof PlacementStarted started) {
            return new State.Active(new Details(started.placementId(), started.participantId(), started.employerId(), started.vacancyId(),
                    started.permitId(), started.sector(), started.location(), started.startedOn(), started.hoursPerWeek(),
                    started.hourlyWageCents(), started.contractType(), started.startedOn(), List.of(), null));
        }
        if (event instanceof PlacementSustained sustained) {
            if (state instanceof State.Active active) {
                return new State.Active(active.details().sustained(sustained.sustainedOn()));
            }
            if (state instanceof State.Ended ended) {
                return new State.Ended(ended.details().sustained(sustained.sustainedOn()), ended.endedOn(), ended.reason());
            }
            return state;
        }
        if (!(state instanceof State.Active active)) {
            return state;
        }
        Details placement = active.details();
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
        if (event instanceof PlacementEnded ended) {
            boolean lastedUntilMilestone = placement.sustainedOn() == null || !ended.endedOn().isBefore(placement.sustainedOn());
            return new State.Ended(lastedUntilMilestone ? placement : placement.sustained(null), ended.endedOn(), ended.reason());
        }
        return state;
    }

    public static Details detailsOf(State state) {
        if (state instanceof State.Active active) {
            return active.details();
        }
        if (state instanceof State.Ended ended) {
            return ended.details();
        }
        throw new Rejected("the placement has not been started");
    }

    private static void notBefore(String field, LocalDate date, LocalDate earliest, String what) {
        if (date.isBefore(earliest)) {
            throw new Rejected(field, "lies before " + what + " " + earliest);
        }
    }
}
