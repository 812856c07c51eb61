package nl.werkdesk.participant.domain;

import static nl.werkdesk.participant.domain.ParticipantRejection.ALREADY_AT_LOCATION;
import static nl.werkdesk.participant.domain.ParticipantRejection.ALREADY_REGISTERED;
import static nl.werkdesk.participant.domain.ParticipantRejection.ALREADY_STATUS_HOLDER;
import static nl.werkdesk.participant.domain.ParticipantRejection.ASYLUM_ALREADY_REJECTED;
import static nl.werkdesk.participant.domain.ParticipantRejection.ASYLUM_APPLICATION_AFTER_REGISTRATION;
import static nl.werkdesk.participant.domain.ParticipantRejection.BIRTH_NOT_BEFORE_ASYLUM_APPLICATION;
import static nl.werkdesk.participant.domain.ParticipantRejection.DATE_BEFORE_FIRST_POLICY;
import static nl.werkdesk.participant.domain.ParticipantRejection.DATE_BEFORE_INTAKE;
import static nl.werkdesk.participant.domain.ParticipantRejection.DATE_BEFORE_LATEST_STEP;
import static nl.werkdesk.participant.domain.ParticipantRejection.DATE_BEFORE_PREVIOUS_RELOCATION;
import static nl.werkdesk.participant.domain.ParticipantRejection.DATE_BEFORE_REGISTRATION;
import static nl.werkdesk.participant.domain.ParticipantRejection.DATE_BEFORE_STATUS_CHANGE;
import static nl.werkdesk.participant.domain.ParticipantRejection.INTAKE_ALREADY_COMPLETED;
import static nl.werkdesk.participant.domain.ParticipantRejection.INTAKE_NOT_COMPLETED;
import static nl.werkdesk.participant.domain.ParticipantRejection.NOT_CURRENT_LOCATION;
import static nl.werkdesk.participant.domain.ParticipantRejection.NOT_REGISTERED;
import static nl.werkdesk.participant.domain.ParticipantRejection.PARTICIPANT_LEFT;
import static nl.werkdesk.participant.domain.ParticipantRejection.PERSONAL_DATA_ALREADY_ERASED;
import static nl.werkdesk.participant.domain.ParticipantRejection.W_DOCUMENT_EXPIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.contracts.participant.WorkExperience;
import nl.werkdesk.eventsourcing.core.DeciderScenario;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import nl.werkdesk.participant.domain.Participant.Command.CompleteIntake;
import nl.werkdesk.participant.domain.Participant.Command.ErasePersonalData;
import nl.werkdesk.participant.domain.Participant.Command.GrantResidencePermit;
import nl.werkdesk.participant.domain.Participant.Command.LeavePilot;
import nl.werkdesk.participant.domain.Participant.Command.RecordActivity;
import nl.werkdesk.participant.domain.Participant.Command.RegisterParticipant;
import nl.werkdesk.participant.domain.Participant.Command.RejectAsylumApplication;
import nl.werkdesk.participant.domain.Participant.Command.RelocateByCOA;
import nl.werkdesk.participant.domain.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.participant.domain.ParticipantEvent.AsylumApplicationRejected;
import nl.werkdesk.participant.domain.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.participant.domain.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.participant.domain.ParticipantEvent.ParticipantPersonalDataErased;
import nl.werkdesk.participant.domain.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.participant.domain.ParticipantEvent.RelocatedByCOA;
import nl.werkdesk.participant.domain.ParticipantEvent.ResidencePermitGranted;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParticipantTest {

    static final UUID ID = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    static final LocalDate FEB_3 = LocalDate.of(2025, 2, 3);
    static final LocalDate FEB_10 = LocalDate.of(2025, 2, 10);
    static final LocalDate MARCH_3 = LocalDate.of(2025, 3, 3);
    static final LocalDate APPLIED = LocalDate.of(2024, 9, 15);
    static final LocalDate W_VALID_UNTIL = LocalDate.of(2026, 3, 1);
    static final LocalDate BORN = LocalDate.of(1994, 5, 17);

    static final RegisterParticipant REGISTER = new RegisterParticipant(ID, FEB_3, "Willinklaan", APPLIED, AsylumTrack.REGULAR,
            WDocumentType.W, W_VALID_UNTIL, List.of("ar", "en"), BORN);
    static final ParticipantRegistered REGISTERED = new ParticipantRegistered(ID, FEB_3, "Willinklaan", APPLIED, AsylumTrack.REGULAR,
            new WDocument(WDocumentType.W, W_VALID_UNTIL), List.of("ar", "en"),
            new WorkEligibility(LocalDate.of(2025, 3, 15), W_VALID_UNTIL, "nl-2023-11-29", null));
    static final CompleteIntake COMPLETE_INTAKE = new CompleteIntake(FEB_10, Set.of(Sector.HORECA), LanguageLevel.A1, LanguageLevel.B1,
            List.of(new WorkExperience(Sector.PRODUCTION, 4)));
    static final IntakeCompleted INTAKE_COMPLETED = new IntakeCompleted(ID, FEB_10, Set.of(Sector.HORECA), LanguageLevel.A1,
            LanguageLevel.B1, List.of(new WorkExperience(Sector.PRODUCTION, 4)));
    static final ParticipantLeftPilot LEFT = new ParticipantLeftPilot(ID, LeaveReason.FOUND_WORK_ELSEWHERE, MARCH_3);

    static DeciderScenario<Participant.Command, Participant.State, ParticipantEvent> participant() {
        return DeciderScenario.with(Participant.decider(Policies.CURRENT));
    }

    @Nested
    class Registering {

        @Test
        void registersAParticipantWithTheWorkEligibilityJudgedUnderThePolicies() {
            participant().given().when(REGISTER).then(REGISTERED);
        }

        @Test
        void keepsTheDateOfBirthOutOfTheEventButCountsItForTheAgeOfEighteen() {
            RegisterParticipant minor = new RegisterParticipant(ID, FEB_3, "Willinklaan", APPLIED, AsylumTrack.REGULAR,
                    WDocumentType.W, W_VALID_UNTIL, List.of(), LocalDate.of(2007, 6, 30));
            participant().given().when(minor).then(new ParticipantRegistered(ID, FEB_3, "Willinklaan", APPLIED, AsylumTrack.REGULAR,
                    new WDocument(WDocumentType.W, W_VALID_UNTIL), List.of(),
                    new WorkEligibility(LocalDate.of(2025, 6, 30), W_VALID_UNTIL, "nl-2023-11-29", null)));
        }

        @Test
        void registersADublinClaimantWhoMayNotWork() {
            RegisterParticipant dublin = new RegisterParticipant(ID, FEB_3, "Willinklaan", APPLIED, AsylumTrack.REGULAR,
                    WDocumentType.W2, W_VALID_UNTIL, List.of(), BORN);
            participant().given().when(dublin).then(new ParticipantRegistered(ID, FEB_3, "Willinklaan", APPLIED, AsylumTrack.REGULAR,
                    new WDocument(WDocumentType.W2, W_VALID_UNTIL), List.of(),
                    new WorkEligibility(null, null, "nl-2023-11-29", "Dublin claimant (W2-document): not allowed to work")));
        }

        @Test
        void refusesAnAsylumApplicationDatedAfterTheRegistration() {
            participant().given().when(new RegisterParticipant(ID, FEB_3, "Willinklaan", FEB_10, AsylumTrack.REGULAR,
                    WDocumentType.W, W_VALID_UNTIL, List.of(), BORN)).rejectedOn("asylumApplicationDate", ASYLUM_APPLICATION_AFTER_REGISTRATION);
        }

        @Test
        void refusesAWDocumentThatExpiredBeforeTheRegistration() {
            participant().given().when(new RegisterParticipant(ID, FEB_3, "Willinklaan", APPLIED, AsylumTrack.REGULAR,
                    WDocumentType.W, FEB_3.minusDays(1), List.of(), BORN)).rejectedOn("wDocumentValidUntil", W_DOCUMENT_EXPIRED);
        }

        @Test
        void refusesADateOfBirthAfterTheAsylumApplication() {
            participant().given().when(new RegisterParticipant(ID, FEB_3, "Willinklaan", APPLIED, AsylumTrack.REGULAR,
                    WDocumentType.W, W_VALID_UNTIL, List.of(), APPLIED.plusDays(1))).rejectedOn("dateOfBirth", BIRTH_NOT_BEFORE_ASYLUM_APPLICATION);
        }

        @Test
        void refusesARegistrationBeforeTheFirstKnownPolicy() {
            participant().given().when(new RegisterParticipant(ID, LocalDate.of(2001, 6, 1), "Willinklaan", LocalDate.of(2001, 1, 1),
                    AsylumTrack.REGULAR, WDocumentType.W, W_VALID_UNTIL, List.of(), BORN))
                    .rejectedOn("registeredOn", DATE_BEFORE_FIRST_POLICY);
        }

        @Test
        void refusesToRegisterAParticipantTwice() {
            participant().given(REGISTERED).when(REGISTER).rejectedWith(ALREADY_REGISTERED);
        }
    }

    @Nested
    class TheIntake {

        @Test
        void completesTheIntake() {
            participant().given(REGISTERED).when(COMPLETE_INTAKE).then(INTAKE_COMPLETED);
        }

        @Test
        void refusesAnIntakeForSomeoneNotRegistered() {
            participant().given().when(COMPLETE_INTAKE).rejectedWith(NOT_REGISTERED);
        }

        @Test
        void refusesAnIntakeDatedBeforeTheRegistration() {
            participant().given(REGISTERED).when(new CompleteIntake(FEB_3.minusDays(1), Set.of(), LanguageLevel.NONE,
                    LanguageLevel.NONE, List.of())).rejectedOn("completedOn", DATE_BEFORE_REGISTRATION);
        }

        @Test
        void refusesASecondIntake() {
            participant().given(REGISTERED, INTAKE_COMPLETED).when(COMPLETE_INTAKE).rejectedWith(INTAKE_ALREADY_COMPLETED);
        }

        @Test
        void refusesAnIntakeAfterLeavingThePilot() {
            participant().given(REGISTERED, LEFT).when(COMPLETE_INTAKE).rejectedWith(PARTICIPANT_LEFT);
        }
    }

    @Nested
    class Activities {

        @Test
        void recordsAnActivityAfterTheIntake() {
            participant().given(REGISTERED, INTAKE_COMPLETED).when(new RecordActivity(ActivityType.CV_HELP, MARCH_3))
                    .then(new ActivityCompleted(ID, ActivityType.CV_HELP, MARCH_3));
        }

        @Test
        void refusesAnActivityBeforeAnyIntake() {
            participant().given(REGISTERED).when(new RecordActivity(ActivityType.JOB_FAIR, MARCH_3))
                    .rejectedWith(INTAKE_NOT_COMPLETED);
        }

        @Test
        void refusesAnActivityDatedBeforeTheIntake() {
            participant().given(REGISTERED, INTAKE_COMPLETED).when(new RecordActivity(ActivityType.JOB_FAIR, FEB_3))
                    .rejectedOn("completedOn", DATE_BEFORE_INTAKE);
        }

        @Test
        void refusesAnActivityAfterLeavingThePilot() {
            participant().given(REGISTERED, INTAKE_COMPLETED, LEFT).when(new RecordActivity(ActivityType.CV_HELP, MARCH_3))
                    .rejectedWith(PARTICIPANT_LEFT);
        }
    }

    @Nested
    class Relocation {

        @Test
        void relocatesTheParticipantToAnotherLocation() {
            Participant.State after = participant().given(REGISTERED).when(new RelocateByCOA("Willinklaan", "Kabelweg", MARCH_3))
                    .then(new RelocatedByCOA(ID, "Willinklaan", "Kabelweg", MARCH_3));
            assertEquals("Kabelweg", Participant.journeyOf(after).location());
        }

        @Test
        void refusesARelocationFromAnotherLocationThanTheCurrentOne() {
            participant().given(REGISTERED).when(new RelocateByCOA("Kabelweg", "Provincialeweg", MARCH_3))
                    .rejectedOn("fromLocation", NOT_CURRENT_LOCATION);
        }

        @Test
        void refusesARelocationToWhereTheParticipantAlreadyIs() {
            participant().given(REGISTERED).when(new RelocateByCOA("Willinklaan", "Willinklaan", MARCH_3))
                    .rejectedOn("toLocation", ALREADY_AT_LOCATION);
        }

        @Test
        void refusesARelocationDatedBeforeThePreviousOne() {
            participant().given(REGISTERED, new RelocatedByCOA(ID, "Willinklaan", "Kabelweg", MARCH_3))
                    .when(new RelocateByCOA("Kabelweg", "Willinklaan", FEB_10))
                    .rejectedOn("relocatedOn", DATE_BEFORE_PREVIOUS_RELOCATION);
        }
    }

    @Nested
    class AsylumDecision {

        @Test
        void grantsAResidencePermit() {
            participant().given(REGISTERED).when(new GrantResidencePermit(MARCH_3)).then(new ResidencePermitGranted(ID, MARCH_3));
        }

        @Test
        void refusesASecondResidencePermit() {
            participant().given(REGISTERED, new ResidencePermitGranted(ID, MARCH_3)).when(new GrantResidencePermit(MARCH_3))
                    .rejectedWith(ALREADY_STATUS_HOLDER);
        }

        @Test
        void grantsAPermitAfterARejectionThatWasOverturned() {
            participant().given(REGISTERED, new AsylumApplicationRejected(ID, FEB_10, FEB_10.plusDays(28)))
                    .when(new GrantResidencePermit(MARCH_3)).then(new ResidencePermitGranted(ID, MARCH_3));
        }

        @Test
        void refusesAPermitDatedBeforeTheRejection() {
            participant().given(REGISTERED, new AsylumApplicationRejected(ID, MARCH_3, MARCH_3.plusDays(28)))
                    .when(new GrantResidencePermit(FEB_10)).rejectedOn("grantedOn", DATE_BEFORE_STATUS_CHANGE);
        }

        @Test
        void endsReceptionTwentyEightDaysAfterARejection() {
            participant().given(REGISTERED).when(new RejectAsylumApplication(MARCH_3))
                    .then(new AsylumApplicationRejected(ID, MARCH_3, LocalDate.of(2025, 3, 31)));
        }

        @Test
        void refusesToRejectTheApplicationOfAStatusHolder() {
            participant().given(REGISTERED, new ResidencePermitGranted(ID, FEB_10)).when(new RejectAsylumApplication(MARCH_3))
                    .rejectedWith(ALREADY_STATUS_HOLDER);
        }

        @Test
        void refusesASecondRejection() {
            participant().given(REGISTERED, new AsylumApplicationRejected(ID, FEB_10, FEB_10.plusDays(28)))
                    .when(new RejectAsylumApplication(MARCH_3)).rejectedWith(ASYLUM_ALREADY_REJECTED);
        }
    }

    @Nested
    class LeavingAndErasure {

        @Test
        void leavesThePilot() {
            participant().given(REGISTERED, INTAKE_COMPLETED).when(new LeavePilot(LeaveReason.FOUND_WORK_ELSEWHERE, MARCH_3)).then(LEFT);
        }

        @Test
        void refusesToLeaveBeforeTheLastStepOfTheJourney() {
            participant().given(REGISTERED, INTAKE_COMPLETED).when(new LeavePilot(LeaveReason.OTHER, FEB_3))
                    .rejectedOn("leftOn", DATE_BEFORE_LATEST_STEP);
        }

        @Test
        void refusesToLeaveTwice() {
            participant().given(REGISTERED, LEFT).when(new LeavePilot(LeaveReason.OTHER, MARCH_3)).rejectedWith(PARTICIPANT_LEFT);
        }

        @Test
        void erasesPersonalDataAlsoAfterLeaving() {
            participant().given(REGISTERED, LEFT).when(new ErasePersonalData(MARCH_3))
                    .then(new ParticipantPersonalDataErased(ID, MARCH_3));
        }

        @Test
        void erasureKeepsThePseudonymousJourney() {
            Participant.State after = participant().given(REGISTERED, INTAKE_COMPLETED, new ParticipantPersonalDataErased(ID, MARCH_3)).state();
            assertEquals(INTAKE_COMPLETED.completedOn(), Participant.journeyOf(after).intake().completedOn());
            assertEquals(MARCH_3, Participant.journeyOf(after).personalDataErasedOn());
        }

        @Test
        void refusesToEraseTwice() {
            participant().given(REGISTERED, new ParticipantPersonalDataErased(ID, MARCH_3)).when(new ErasePersonalData(MARCH_3))
                    .rejectedWith(PERSONAL_DATA_ALREADY_ERASED);
        }

        @Test
        void refusesAnErasureDatedBeforeTheRegistration() {
            participant().given(REGISTERED).when(new ErasePersonalData(FEB_3.minusDays(1)))
                    .rejectedOn("erasedOn", DATE_BEFORE_REGISTRATION);
        }

        @Test
        void refusesToEraseForSomeoneNotRegistered() {
            participant().given().when(new ErasePersonalData(MARCH_3)).rejectedWith(NOT_REGISTERED);
        }
    }

    @Nested
    class WorkEligibilityOnADate {

        @Test
        void notYetEligibleSaysFromWhen() {
            var verdict = Participant.workEligibilityOn(participant().given(REGISTERED).state(), MARCH_3, Policies.CURRENT);
            assertFalse(verdict.eligible());
            assertEquals(List.of("not yet: work is allowed from 2025-03-15"), verdict.reasons());
        }

        @Test
        void eligibleWithinTheWindow() {
            var verdict = Participant.workEligibilityOn(participant().given(REGISTERED).state(), LocalDate.of(2025, 4, 1), Policies.CURRENT);
            assertTrue(verdict.eligible());
            assertEquals("nl-2023-11-29", verdict.policyInForce());
        }

        @Test
        void aStatusHolderMayWorkWithoutWaiting() {
            var verdict = Participant.workEligibilityOn(participant().given(REGISTERED, new ResidencePermitGranted(ID, FEB_10)).state(),
                    MARCH_3, Policies.CURRENT);
            assertTrue(verdict.eligible());
            assertTrue(verdict.reasons().get(0).contains("status holder"));
        }

        @Test
        void eligibilityEndsWithReceptionAfterARejection() {
            var rejected = participant().given(REGISTERED, new AsylumApplicationRejected(ID, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 29))).state();
            assertTrue(Participant.workEligibilityOn(rejected, LocalDate.of(2025, 4, 29), Policies.CURRENT).eligible());
            var after = Participant.workEligibilityOn(rejected, LocalDate.of(2025, 4, 30), Policies.CURRENT);
            assertFalse(after.eligible());
            assertTrue(after.reasons().get(0).contains("reception ended on 2025-04-29"));
        }

        @Test
        void namesThePolicyInForceOnAPastDate() {
            var verdict = Participant.workEligibilityOn(participant().given(REGISTERED).state(), LocalDate.of(2023, 6, 1), Policies.CURRENT);
            assertEquals("nl-24-weeks-rule", verdict.policyInForce());
        }
    }

    @Nested
    class EveryType {

        /** An instanceof ladder compiles with a branch missing: every command is decided, every event changes the state. */
        @Test
        void decidesEveryCommandAndEvolvesEveryEvent() {
            List<Participant.Command> commands = List.of(REGISTER, COMPLETE_INTAKE, new RecordActivity(ActivityType.CV_HELP, MARCH_3),
                    new RelocateByCOA("Willinklaan", "Kabelweg", MARCH_3), new GrantResidencePermit(MARCH_3),
                    new RejectAsylumApplication(MARCH_3), new LeavePilot(LeaveReason.OTHER, MARCH_3), new ErasePersonalData(MARCH_3));
            SealedTypes.assertEveryTypeHasAnExample(Participant.Command.class, commands);
            Participant.State registered = participant().given(REGISTERED).state();
            Participant.State afterIntake = participant().given(REGISTERED, INTAKE_COMPLETED).state();
            for (Participant.Command command : commands) {
                Participant.State state = command instanceof RegisterParticipant ? new Participant.State.Unregistered()
                        : command instanceof CompleteIntake ? registered : afterIntake;
                assertEquals(1, Participant.decider(Policies.CURRENT).decide(command, state).size(), command.getClass().getSimpleName());
            }
            List<ParticipantEvent> events = List.of(REGISTERED, INTAKE_COMPLETED, new ActivityCompleted(ID, ActivityType.CV_HELP, MARCH_3),
                    new RelocatedByCOA(ID, "Willinklaan", "Kabelweg", MARCH_3), new ResidencePermitGranted(ID, MARCH_3),
                    new AsylumApplicationRejected(ID, MARCH_3, MARCH_3.plusDays(28)), LEFT, new ParticipantPersonalDataErased(ID, MARCH_3));
            SealedTypes.assertEveryTypeHasAnExample(ParticipantEvent.class, events);
            for (ParticipantEvent event : events) {
                Participant.State before = event == REGISTERED ? new Participant.State.Unregistered() : registered;
                assertNotEquals(before, Participant.evolve(before, event), event.getClass().getSimpleName());
            }
        }
    }
}
