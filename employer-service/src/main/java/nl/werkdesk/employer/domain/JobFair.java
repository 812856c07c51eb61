package nl.werkdesk.employer.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.employer.EmployerEvent.CandidateMetEmployer;
import nl.werkdesk.contracts.employer.EmployerEvent.JobFairHeld;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;

/**
 * A job fair (banenmarkt): held on a day at a location with registered employers taking part, where
 * participants meet those employers. Only pseudonymous participant ids; pure: the employers and the
 * participant come in on the commands.
 */
public final class JobFair {

    public sealed interface Command {
        /** {@code registeredEmployers}: of the employers named, those that are registered (absent: unknown). */
        record RecordJobFair(UUID jobFairId, LocalDate heldOn, String location, List<UUID> employerIds,
                             Map<UUID, RegisteredEmployer> registeredEmployers) implements Command {}

        /** {@code participant}: what this service knows of the participant, null when nothing. */
        record RecordMeeting(UUID participantId, UUID employerId, LocalDate metOn, KnownParticipant participant) implements Command {}
    }

    public record Meeting(UUID participantId, UUID employerId, LocalDate metOn) {}

    public sealed interface State {
        record None() implements State {}

        record Held(UUID jobFairId, LocalDate heldOn, String location, List<UUID> employerIds, List<Meeting> meetings) implements State {}
    }

    public static final Decider<Command, State, EmployerEvent> DECIDER = new Decider<>(new State.None(), JobFair::decide, JobFair::evolve);

    private JobFair() {
    }

    static List<EmployerEvent> decide(Command command, State state) {
        if (command instanceof Command.RecordJobFair fair) {
            if (!(state instanceof State.None)) {
                throw new Rejected("the job fair is already recorded");
            }
            if (fair.employerIds().isEmpty()) {
                throw new Rejected("employerIds", "must name at least one employer that took part");
            }
            List<UUID> employers = fair.employerIds().stream().distinct().toList();
            for (int i = 0; i < fair.employerIds().size(); i++) {
                RegisteredEmployer employer = fair.registeredEmployers().get(fair.employerIds().get(i));
                if (employer == null) {
                    throw new Rejected("employerIds[" + i + "]", "is not a registered employer");
                }
                if (fair.heldOn().isBefore(employer.registeredOn())) {
                    throw new Rejected("employerIds[" + i + "]", "was registered on " + employer.registeredOn() + ", after the job fair");
                }
            }
            return List.of(new JobFairHeld(fair.jobFairId(), fair.heldOn(), fair.location(), employers));
        }
        if (command instanceof Command.RecordMeeting meeting) {
            State.Held fair = held(state);
            if (!fair.employerIds().contains(meeting.employerId())) {
                throw new Rejected("employerId", "did not take part in this job fair");
            }
            if (!meeting.metOn().equals(fair.heldOn())) {
                throw new Rejected("metOn", "must be the day of the job fair, " + fair.heldOn());
            }
            KnownParticipant.checkInPilot(meeting.participant(), "metOn", meeting.metOn());
            boolean metBefore = fair.meetings().stream().anyMatch(earlier ->
                    earlier.participantId().equals(meeting.participantId()) && earlier.employerId().equals(meeting.employerId()));
            if (metBefore) {
                throw new Rejected("this participant's meeting with this employer at the job fair is already recorded");
            }
            return List.of(new CandidateMetEmployer(fair.jobFairId(), meeting.participantId(), meeting.employerId(), meeting.metOn()));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    static State evolve(State state, EmployerEvent event) {
        if (event instanceof JobFairHeld held) {
            return new State.Held(held.jobFairId(), held.heldOn(), held.location(), List.copyOf(held.employerIds()), List.of());
        }
        if (event instanceof CandidateMetEmployer met && state instanceof State.Held fair) {
            List<Meeting> meetings = new ArrayList<>(fair.meetings());
            meetings.add(new Meeting(met.participantId(), met.employerId(), met.metOn()));
            return new State.Held(fair.jobFairId(), fair.heldOn(), fair.location(), fair.employerIds(), List.copyOf(meetings));
        }
        return state;
    }

    public static State.Held held(State state) {
        if (state instanceof State.Held held) {
            return held;
        }
        throw new Rejected("the job fair is not recorded");
    }
}
