package nl.werkdesk.employer.domain;

import static nl.werkdesk.employer.domain.JobFairRejection.DATE_BEFORE_PARTICIPANT_REGISTRATION;
import static nl.werkdesk.employer.domain.JobFairRejection.EMPLOYER_NOT_AT_FAIR;
import static nl.werkdesk.employer.domain.JobFairRejection.EMPLOYER_REGISTERED_AFTER_FAIR;
import static nl.werkdesk.employer.domain.JobFairRejection.JOB_FAIR_ALREADY_RECORDED;
import static nl.werkdesk.employer.domain.JobFairRejection.JOB_FAIR_NOT_RECORDED;
import static nl.werkdesk.employer.domain.JobFairRejection.MEETING_ALREADY_RECORDED;
import static nl.werkdesk.employer.domain.JobFairRejection.NOT_THE_FAIR_DAY;
import static nl.werkdesk.employer.domain.JobFairRejection.NO_EMPLOYERS;
import static nl.werkdesk.employer.domain.JobFairRejection.PARTICIPANT_LEFT_PILOT;
import static nl.werkdesk.employer.domain.JobFairRejection.PARTICIPANT_NOT_KNOWN_YET;
import static nl.werkdesk.employer.domain.JobFairRejection.UNKNOWN_EMPLOYER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.employer.domain.JobFair.Command.RecordJobFair;
import nl.werkdesk.employer.domain.JobFair.Command.RecordMeeting;
import nl.werkdesk.employer.domain.JobFair.Event.CandidateMetEmployer;
import nl.werkdesk.employer.domain.JobFair.Event.JobFairHeld;
import nl.werkdesk.eventsourcing.core.DeciderScenario;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JobFairTest {

    static final UUID FAIR = UUID.fromString("7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b");
    static final UUID BAKERY = UUID.fromString("0b9f3c2e-1d4a-4e5f-8a6b-7c8d9e0f1a2b");
    static final UUID AGENCY = UUID.fromString("1c0a4d3f-2e5b-4f60-9b7c-8d9e0f1a2b3c");
    static final UUID STRANGER = UUID.fromString("2d1b5e4a-3f6c-4a71-8c8d-9e0f1a2b3c4d");
    static final UUID PARTICIPANT = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    static final LocalDate FEB_3 = LocalDate.of(2025, 2, 3);
    static final LocalDate FAIR_DAY = LocalDate.of(2025, 3, 12);
    static final Map<UUID, RegisteredEmployer> REGISTERED = Map.of(
            BAKERY, new RegisteredEmployer(BAKERY, FEB_3),
            AGENCY, new RegisteredEmployer(AGENCY, FAIR_DAY));
    static final KnownParticipant IN_PILOT = new KnownParticipant(PARTICIPANT, LocalDate.of(2025, 1, 15), null);
    static final JobFairHeld HELD = new JobFairHeld(FAIR, FAIR_DAY, "azc Willinklaan", List.of(BAKERY, AGENCY));
    static final CandidateMetEmployer MET_BAKERY = new CandidateMetEmployer(FAIR, PARTICIPANT, BAKERY, FAIR_DAY);

    static DeciderScenario<JobFair.Command, JobFair.State, JobFair.Event> fair() {
        return DeciderScenario.with(JobFair.DECIDER);
    }

    @Nested
    class Recording {

        @Test
        void recordsAFairWithTheRegisteredEmployersThatTookPart() {
            fair().given().when(new RecordJobFair(FAIR, FAIR_DAY, "azc Willinklaan", List.of(BAKERY, AGENCY), REGISTERED)).then(HELD);
        }

        @Test
        void namesAnEmployerOnceEvenWhenListedTwice() {
            fair().given().when(new RecordJobFair(FAIR, FAIR_DAY, "azc Willinklaan", List.of(BAKERY, AGENCY, BAKERY), REGISTERED))
                    .then(HELD);
        }

        @Test
        void rejectsAFairWithoutEmployers() {
            fair().given().when(new RecordJobFair(FAIR, FAIR_DAY, "azc Willinklaan", List.of(), REGISTERED))
                    .rejectedOn("employerIds", NO_EMPLOYERS);
        }

        @Test
        void rejectsAnEmployerThatIsNotRegisteredByItsPlaceInTheList() {
            fair().given().when(new RecordJobFair(FAIR, FAIR_DAY, "azc Willinklaan", List.of(BAKERY, STRANGER), REGISTERED))
                    .rejectedOn("employerIds[1]", UNKNOWN_EMPLOYER);
        }

        @Test
        void rejectsAnEmployerRegisteredAfterTheFair() {
            fair().given().when(new RecordJobFair(FAIR, FAIR_DAY.minusDays(1), "azc Willinklaan", List.of(BAKERY, AGENCY), REGISTERED))
                    .rejectedOn("employerIds[1]", EMPLOYER_REGISTERED_AFTER_FAIR);
        }

        @Test
        void rejectsRecordingTheSameFairTwice() {
            fair().given(HELD).when(new RecordJobFair(FAIR, FAIR_DAY, "azc Willinklaan", List.of(BAKERY), REGISTERED))
                    .rejectedWith(JOB_FAIR_ALREADY_RECORDED);
        }
    }

    @Nested
    class Meetings {

        @Test
        void recordsThatAParticipantMetAnEmployerThatTookPart() {
            fair().given(HELD).when(new RecordMeeting(PARTICIPANT, BAKERY, FAIR_DAY, IN_PILOT)).then(MET_BAKERY);
        }

        @Test
        void recordsThatTheSameParticipantMetAnotherEmployer() {
            fair().given(HELD, MET_BAKERY).when(new RecordMeeting(PARTICIPANT, AGENCY, FAIR_DAY, IN_PILOT))
                    .then(new CandidateMetEmployer(FAIR, PARTICIPANT, AGENCY, FAIR_DAY));
        }

        @Test
        void rejectsAnEmployerThatDidNotTakePart() {
            fair().given(HELD).when(new RecordMeeting(PARTICIPANT, STRANGER, FAIR_DAY, IN_PILOT))
                    .rejectedOn("employerId", EMPLOYER_NOT_AT_FAIR);
        }

        @Test
        void rejectsAMeetingOnAnotherDayThanTheFair() {
            fair().given(HELD).when(new RecordMeeting(PARTICIPANT, BAKERY, FAIR_DAY.plusDays(1), IN_PILOT))
                    .rejectedOn("metOn", NOT_THE_FAIR_DAY);
        }

        @Test
        void refusesAParticipantNotKnownYetAsNotYetKnownNotAsARealRefusal() {
            fair().given(HELD).when(new RecordMeeting(PARTICIPANT, BAKERY, FAIR_DAY, null)).rejectedWith(PARTICIPANT_NOT_KNOWN_YET);
        }

        @Test
        void rejectsAParticipantWhoJoinedThePilotAfterTheFair() {
            KnownParticipant late = new KnownParticipant(PARTICIPANT, FAIR_DAY.plusDays(1), null);
            fair().given(HELD).when(new RecordMeeting(PARTICIPANT, BAKERY, FAIR_DAY, late))
                    .rejectedOn("metOn", DATE_BEFORE_PARTICIPANT_REGISTRATION);
        }

        @Test
        void rejectsAParticipantWhoLeftThePilotBeforeTheFair() {
            KnownParticipant gone = new KnownParticipant(PARTICIPANT, FEB_3, FAIR_DAY.minusDays(1));
            fair().given(HELD).when(new RecordMeeting(PARTICIPANT, BAKERY, FAIR_DAY, gone))
                    .rejectedOn("participantId", PARTICIPANT_LEFT_PILOT);
        }

        @Test
        void rejectsTheSameMeetingTwice() {
            fair().given(HELD, MET_BAKERY).when(new RecordMeeting(PARTICIPANT, BAKERY, FAIR_DAY, IN_PILOT))
                    .rejectedWith(MEETING_ALREADY_RECORDED);
        }

        @Test
        void rejectsAMeetingAtAFairThatWasNeverRecorded() {
            fair().given().when(new RecordMeeting(PARTICIPANT, BAKERY, FAIR_DAY, IN_PILOT)).rejectedWith(JOB_FAIR_NOT_RECORDED);
        }
    }

    @Nested
    class EveryType {

        @Test
        void decidesEveryCommandAndEvolvesOnEveryEvent() {
            List<JobFair.Command> commands = List.of(new RecordJobFair(FAIR, FAIR_DAY, "azc Willinklaan", List.of(BAKERY, AGENCY), REGISTERED),
                    new RecordMeeting(PARTICIPANT, BAKERY, FAIR_DAY, IN_PILOT));
            SealedTypes.assertEveryTypeHasAnExample(JobFair.Command.class, commands);
            JobFair.State held = fair().given(HELD).state();
            for (JobFair.Command command : commands) {
                JobFair.State state = command instanceof RecordJobFair ? new JobFair.State.None() : held;
                assertEquals(1, JobFair.DECIDER.decide(command, state).size(), command.getClass().getSimpleName());
            }
            List<JobFair.Event> events = List.of(HELD, MET_BAKERY);
            SealedTypes.assertEveryTypeHasAnExample(JobFair.Event.class, events);
            for (JobFair.Event event : events) {
                JobFair.State before = event == HELD ? new JobFair.State.None() : held;
                assertNotEquals(before, JobFair.evolve(before, event), event.getClass().getSimpleName());
            }
        }
    }
}
