package nl.werkdesk.employer.domain;

import static nl.werkdesk.employer.domain.JobFairRejection.EMPLOYER_NOT_AT_FAIR;
import static nl.werkdesk.employer.domain.JobFairRejection.EMPLOYER_REGISTERED_AFTER_FAIR;
import static nl.werkdesk.employer.domain.JobFairRejection.JOB_FAIR_ALREADY_RECORDED;
import static nl.werkdesk.employer.domain.JobFairRejection.JOB_FAIR_NOT_RECORDED;
import static nl.werkdesk.employer.domain.JobFairRejection.MEETING_ALREADY_RECORDED;
import static nl.werkdesk.employer.domain.JobFairRejection.NOT_THE_FAIR_DAY;
import static nl.werkdesk.employer.domain.JobFairRejection.NO_EMPLOYERS;
import static nl.werkdesk.employer.domain.JobFairRejection.UNKNOWN_EMPLOYER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

        /** {@code participant}: what this service knows of the participant, null when nothing (yet). */
        record RecordMeeting(UUID participantId, UUID employerId, LocalDate metOn, KnownParticipant participant) implements Command {}
    }

    /**
     * What happens at a job fair, as employer-service stores it (stored under the records' names). Published through
     * {@code EmployerPublication} onto werkdesk.employers.v1.
     */
    public sealed interface Event {
        UUID jobFairId();

        /** The business date of the event. */
        LocalDate occurredOn();

        /** A job fair (banenmarkt) took place, with these employers taking part. */
        record JobFairHeld(UUID jobFairId, LocalDate heldOn, String location, List<UUID> employerIds) implements Event {
            public LocalDate occurredOn() {
                return heldOn;
            }
        }

        /** At a job fair, a participant met an employer. */
        record CandidateMetEmployer(UUID jobFairId, UUID participantId, UUID employerId, LocalDate metOn) implements Event {
            public LocalDate occurredOn() {
                return metOn;
            }
        }
    }

    public record Meeting(UUID participantId, UUID employerId, LocalDate metOn) {}

    public sealed interface State {
        record None() implements State {}

        record Held(UUID jobFairId, LocalDate heldOn, String location, List<UUID> employerIds, List<Meeting> meetings) implements State {}
    }

    public static final Decider<Command, State, Event> DECIDER = new Decider<>(new State.None(), JobFair::decide, JobFair::evolve);

    private JobFair() {
    }

    static List<Event> decide(Command command, State state) {
        if (command instanceof Command.RecordJobFair fair) {
            if (state instanceof State.Held held) {
                throw new Rejected(JOB_FAIR_ALREADY_RECORDED, "the job fair was recorded, held on " + held.heldOn());
            }
            if (fair.employerIds().isEmpty()) {
                throw new Rejected(NO_EMPLOYERS, "employerIds", "must name at least one employer that took part");
            }
            List<UUID> employers = fair.employerIds().stream().distinct().toList();
            for (int i = 0; i < fair.employerIds().size(); i++) {
                RegisteredEmployer employer = fair.registeredEmployers().get(fair.employerIds().get(i));
                if (employer == null) {
                    throw new Rejected(UNKNOWN_EMPLOYER, "employerIds[" + i + "]", "is not a registered employer");
                }
                if (fair.heldOn().isBefore(employer.registeredOn())) {
                    throw new Rejected(EMPLOYER_REGISTERED_AFTER_FAIR, "employerIds[" + i + "]",
                            "was registered on " + employer.registeredOn() + ", after the job fair");
                }
            }
            return List.of(new Event.JobFairHeld(fair.jobFairId(), fair.heldOn(), fair.location(), employers));
        }
        if (command instanceof Command.RecordMeeting meeting) {
            State.Held fair = held(state);
            if (!fair.employerIds().contains(meeting.employerId())) {
                throw new Rejected(EMPLOYER_NOT_AT_FAIR, "employerId", "did not take part in this job fair");
            }
            if (!meeting.metOn().equals(fair.heldOn())) {
                throw new Rejected(NOT_THE_FAIR_DAY, "metOn", "must be the day of the job fair, " + fair.heldOn());
            }
            KnownParticipant.checkInPilot(meeting.participantId(), meeting.participant(), "metOn", meeting.metOn(),
                    JobFairRejection.PARTICIPANT);
            boolean metBefore = fair.meetings().stream().anyMatch(earlier ->
                    earlier.participantId().equals(meeting.participantId()) && earlier.employerId().equals(meeting.employerId()));
            if (metBefore) {
                throw new Rejected(MEETING_ALREADY_RECORDED, "this participant's meeting with this employer at the job fair is already recorded");
            }
            return List.of(new Event.CandidateMetEmployer(fair.jobFairId(), meeting.participantId(), meeting.employerId(), meeting.metOn()));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    static State evolve(State state, Event event) {
        if (event instanceof Event.JobFairHeld held) {
            return new State.Held(held.jobFairId(), held.heldOn(), held.location(), List.copyOf(held.employerIds()), List.of());
        }
        if (event instanceof Event.CandidateMetEmployer met && state instanceof State.Held fair) {
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
        throw new Rejected(JOB_FAIR_NOT_RECORDED, "the job fair is not recorded");
    }
}
