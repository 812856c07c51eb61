package nl.werkdesk.placement.domain;

import static nl.werkdesk.placement.domain.PlacementRejection.ALREADY_STARTED;
import static nl.werkdesk.placement.domain.PlacementRejection.DATE_BEFORE_LAST_CHANGE;
import static nl.werkdesk.placement.domain.PlacementRejection.DATE_BEFORE_RISK;
import static nl.werkdesk.placement.domain.PlacementRejection.DATE_BEFORE_START;
import static nl.werkdesk.placement.domain.PlacementRejection.ELIGIBILITY_ENDED;
import static nl.werkdesk.placement.domain.PlacementRejection.EMPLOYER_NOT_OF_VACANCY;
import static nl.werkdesk.placement.domain.PlacementRejection.INTAKE_AFTER_START;
import static nl.werkdesk.placement.domain.PlacementRejection.INTAKE_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.NOTHING_CHANGES;
import static nl.werkdesk.placement.domain.PlacementRejection.NOT_AT_RISK;
import static nl.werkdesk.placement.domain.PlacementRejection.NOT_ELIGIBLE;
import static nl.werkdesk.placement.domain.PlacementRejection.NOT_STARTED;
import static nl.werkdesk.placement.domain.PlacementRejection.PARTICIPANT_LEFT;
import static nl.werkdesk.placement.domain.PlacementRejection.PARTICIPANT_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.PLACEMENT_ENDED;
import static nl.werkdesk.placement.domain.PlacementRejection.RECEPTION_ENDED;
import static nl.werkdesk.placement.domain.PlacementRejection.RESIDENCE_PERMIT_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.START_BEFORE_ELIGIBILITY;
import static nl.werkdesk.placement.domain.PlacementRejection.TWV_DECISION_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.TWV_NOT_FOR_THIS_JOB;
import static nl.werkdesk.placement.domain.PlacementRejection.TWV_NOT_GRANTED;
import static nl.werkdesk.placement.domain.PlacementRejection.TWV_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.TWV_NOT_VALID_ON_START;
import static nl.werkdesk.placement.domain.PlacementRejection.VACANCY_CLOSED;
import static nl.werkdesk.placement.domain.PlacementRejection.VACANCY_FILLED;
import static nl.werkdesk.placement.domain.PlacementRejection.VACANCY_NOT_KNOWN_YET;
import static nl.werkdesk.placement.domain.PlacementRejection.VACANCY_OPENED_AFTER_START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.RiskReason;
import nl.werkdesk.eventsourcing.core.DeciderScenario;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import nl.werkdesk.placement.domain.Placement.Command.AssessAsylumRejection;
import nl.werkdesk.placement.domain.Placement.Command.AssessPermitEnd;
import nl.werkdesk.placement.domain.Placement.Command.AssessRelocation;
import nl.werkdesk.placement.domain.Placement.Command.ChangePlacement;
import nl.werkdesk.placement.domain.Placement.Command.ContinuePlacement;
import nl.werkdesk.placement.domain.Placement.Command.EndPlacement;
import nl.werkdesk.placement.domain.Placement.Command.RecordSustainedMilestone;
import nl.werkdesk.placement.domain.Placement.Command.StartPlacement;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementAtRisk;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementChanged;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementContinued;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementEnded;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementStarted;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementSustained;
import nl.werkdesk.placement.domain.PlacementEvent.PlacementSustainedWithdrawn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlacementTest {

    static final UUID PLACEMENT = UUID.fromString("0b6f2a5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b");
    static final UUID PARTICIPANT = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    static final UUID OTHER_PARTICIPANT = UUID.fromString("7a2b3c4d-5e6f-4a70-8b8c-9d0e1f2a3b4c");
    static final UUID EMPLOYER = UUID.fromString("1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b");
    static final UUID OTHER_EMPLOYER = UUID.fromString("2f3e4d5c-6b7a-4899-8b1c-2d3e4f5a6b7c");
    static final UUID VACANCY = UUID.fromString("3a4b5c6d-7e8f-4901-9c2d-3e4f5a6b7c8d");
    static final UUID OTHER_VACANCY = UUID.fromString("4b5c6d7e-8f90-4a12-8d3e-4f5a6b7c8d9e");
    static final UUID PERMIT = UUID.fromString("5c6d7e8f-9012-4b23-9e4f-5a6b7c8d9e0f");
    static final UUID OTHER_PERMIT = UUID.fromString("6d7e8f90-1234-4c34-8f5a-6b7c8d9e0f1a");

    static final LocalDate REGISTERED = LocalDate.of(2025, 2, 3);
    static final LocalDate INTAKE = LocalDate.of(2025, 2, 10);
    static final LocalDate MAY_WORK_FROM = LocalDate.of(2025, 3, 15);
    static final LocalDate W_DOCUMENT_UNTIL = LocalDate.of(2026, 3, 1);
    static final LocalDate VACANCY_OPENED = LocalDate.of(2025, 3, 1);
    static final LocalDate TWV_GRANTED = LocalDate.of(2025, 3, 25);
    static final LocalDate TWV_FROM = LocalDate.of(2025, 4, 1);
    static final LocalDate START = LocalDate.of(2025, 4, 7);
    static final LocalDate SUSTAINED_DUE = LocalDate.of(2025, 10, 6);

    static final CommutingRegions REGIONS = new CommutingRegions(Map.of(
            "groot-amsterdam", List.of("Willinklaan", "Kabelweg", "Provincialeweg", "Amsterdam"),
            "groningen-drenthe", List.of("Ter Apel", "Groningen")));

    static final PlacementFacts.Participant MAY_WORK = new PlacementFacts.Participant(REGISTERED, INTAKE, MAY_WORK_FROM,
            W_DOCUMENT_UNTIL, null, null, null, null, null, null);
    static final PlacementFacts.Vacancy OPEN_VACANCY = new PlacementFacts.Vacancy(EMPLOYER, "Amsterdam", VACANCY_OPENED, null, null, null);
    static final PlacementFacts.Permit GRANTED_TWV = new PlacementFacts.Permit(PERMIT, PARTICIPANT, EMPLOYER, VACANCY, TWV_GRANTED, TWV_FROM,
            W_DOCUMENT_UNTIL, null, null);
    static final PlacementFacts FACTS = new PlacementFacts(MAY_WORK, OPEN_VACANCY, List.of(GRANTED_TWV));

    static final PlacementStarted STARTED = new PlacementStarted(PLACEMENT, PARTICIPANT, EMPLOYER, VACANCY, PERMIT, Sector.HORECA,
            "Amsterdam", START, 32, 1425, ContractType.TEMPORARY_VIA_AGENCY);

    static DeciderScenario<Placement.Command, Placement.State, PlacementEvent> placement() {
        return DeciderScenario.with(Placement.decider(REGIONS, Period.ofWeeks(26)));
    }

    static StartPlacement start(PlacementFacts facts) {
        return start(START, facts);
    }

    static StartPlacement start(LocalDate on, PlacementFacts facts) {
        return new StartPlacement(PLACEMENT, PARTICIPANT, EMPLOYER, VACANCY, null, Sector.HORECA, on, 32, 1425,
                ContractType.TEMPORARY_VIA_AGENCY, facts);
    }

    /** A start that names the TWV it rests on. */
    static StartPlacement startOn(UUID permitId, PlacementFacts facts) {
        return new StartPlacement(PLACEMENT, PARTICIPANT, EMPLOYER, VACANCY, permitId, Sector.HORECA, START, 32, 1425,
                ContractType.TEMPORARY_VIA_AGENCY, facts);
    }

    static PlacementFacts.Participant participant(LocalDate intake, LocalDate from, LocalDate until, String whyNever,
                                                  LocalDate statusHolderSince, LocalDate receptionEnds, LocalDate left) {
        return new PlacementFacts.Participant(REGISTERED, intake, from, until, whyNever, statusHolderSince, receptionEnds, left, null, null);
    }

    static PlacementFacts withParticipant(PlacementFacts.Participant participant) {
        return new PlacementFacts(participant, OPEN_VACANCY, List.of(GRANTED_TWV));
    }

    static PlacementFacts withVacancy(PlacementFacts.Vacancy vacancy) {
        return new PlacementFacts(MAY_WORK, vacancy, List.of(GRANTED_TWV));
    }

    static PlacementFacts withPermits(PlacementFacts.Permit... permits) {
        return new PlacementFacts(MAY_WORK, OPEN_VACANCY, List.of(permits));
    }

    static PlacementFacts.Permit permit(UUID employer, UUID vacancy, LocalDate grantedOn, LocalDate from, LocalDate until,
                                        LocalDate closedOn, PlacementFacts.Closure closure) {
        return new PlacementFacts.Permit(PERMIT, PARTICIPANT, employer, vacancy, grantedOn, from, until, closedOn, closure);
    }

    /** A request for this job on which no decision has arrived. */
    static PlacementFacts.Permit requested() {
        return permit(EMPLOYER, VACANCY, null, null, null, null, null);
    }

    @Nested
    class Starting {

        @Test
        void startsOnAGrantedValidTwvForThisEmployerAndVacancyAtTheVacancysLocation() {
            placement().given().when(start(FACTS)).then(STARTED);
        }

        @Test
        void startsAStatusHoldersPlacementWithoutATwvEvenBeforeTheWaitingPeriodEnds() {
            LocalDate early = LocalDate.of(2025, 3, 3);
            PlacementFacts facts = new PlacementFacts(participant(INTAKE, MAY_WORK_FROM, W_DOCUMENT_UNTIL, null, LocalDate.of(2025, 3, 1), null, null),
                    OPEN_VACANCY, List.of());
            placement().given().when(start(early, facts)).then(new PlacementStarted(PLACEMENT, PARTICIPANT, EMPLOYER, VACANCY, null,
                    Sector.HORECA, "Amsterdam", early, 32, 1425, ContractType.TEMPORARY_VIA_AGENCY));
        }

        @Test
        void startsOnTheLastDayOfReceptionAfterARejection() {
            LocalDate lastDay = LocalDate.of(2025, 5, 1);
            PlacementFacts facts = withParticipant(participant(INTAKE, MAY_WORK_FROM, W_DOCUMENT_UNTIL, null, null, lastDay, null));
            placement().given().when(start(lastDay, facts)).then(new PlacementStarted(PLACEMENT, PARTICIPANT, EMPLOYER, VACANCY, PERMIT,
                    Sector.HORECA, "Amsterdam", lastDay, 32, 1425, ContractType.TEMPORARY_VIA_AGENCY));
        }

        @Test
        void startsOnAVacancyThatThisVeryParticipantFilled() {
            PlacementFacts facts = withVacancy(new PlacementFacts.Vacancy(EMPLOYER, "Amsterdam", VACANCY_OPENED, START, PARTICIPANT, null));
            placement().given().when(start(facts)).then(STARTED);
        }

        @Test
        void rejectsAParticipantThisServiceHasNotHeardOfAsNotYetKnown() {
            placement().given().when(start(new PlacementFacts(null, OPEN_VACANCY, List.of())))
                    .rejectedWith(PARTICIPANT_NOT_KNOWN_YET);
        }

        @Test
        void rejectsAVacancyThisServiceHasNotHeardOfAsNotYetKnown() {
            placement().given().when(start(new PlacementFacts(MAY_WORK, null, List.of(GRANTED_TWV))))
                    .rejectedWith(VACANCY_NOT_KNOWN_YET);
        }

        @Test
        void rejectsAnEmployerWhoseVacancyItIsNot() {
            placement().given().when(start(withVacancy(new PlacementFacts.Vacancy(OTHER_EMPLOYER, "Amsterdam", VACANCY_OPENED, null, null, null))))
                    .rejectedOn("employerId", EMPLOYER_NOT_OF_VACANCY);
        }

        @Test
        void rejectsAStartBeforeTheVacancyOpened() {
            placement().given().when(start(withVacancy(new PlacementFacts.Vacancy(EMPLOYER, "Amsterdam", LocalDate.of(2025, 4, 10), null, null, null))))
                    .rejectedWith(VACANCY_OPENED_AFTER_START);
        }

        @Test
        void rejectsAClosedVacancy() {
            placement().given().when(start(withVacancy(new PlacementFacts.Vacancy(EMPLOYER, "Amsterdam", VACANCY_OPENED, null, null, START))))
                    .rejectedWith(VACANCY_CLOSED);
        }

        @Test
        void rejectsAVacancyFilledBySomeoneElse() {
            placement().given().when(start(withVacancy(new PlacementFacts.Vacancy(EMPLOYER, "Amsterdam", VACANCY_OPENED,
                            LocalDate.of(2025, 4, 1), OTHER_PARTICIPANT, null))))
                    .rejectedWith(VACANCY_FILLED);
        }

        @Test
        void rejectsAParticipantWhoLeftThePilot() {
            placement().given().when(start(withParticipant(participant(INTAKE, MAY_WORK_FROM, W_DOCUMENT_UNTIL, null, null, null,
                            LocalDate.of(2025, 4, 1)))))
                    .rejectedWith(PARTICIPANT_LEFT);
        }

        @Test
        void rejectsAParticipantWhoseIntakeHasNotArrivedAsNotYetKnown() {
            placement().given().when(start(withParticipant(participant(null, MAY_WORK_FROM, W_DOCUMENT_UNTIL, null, null, null, null))))
                    .rejectedWith(INTAKE_NOT_KNOWN_YET);
        }

        @Test
        void rejectsAStartBeforeTheIntake() {
            placement().given().when(start(withParticipant(participant(LocalDate.of(2025, 4, 8), MAY_WORK_FROM, W_DOCUMENT_UNTIL, null, null, null, null))))
                    .rejectedWith(INTAKE_AFTER_START);
        }

        @Test
        void rejectsAParticipantWhoMayNeverWork() {
            placement().given().when(start(withParticipant(participant(INTAKE, null, null, "Dublin claimant (W2-document): not allowed to work",
                            null, null, null))))
                    .rejectedWith(NOT_ELIGIBLE);
        }

        @Test
        void rejectsAStartBeforeTheParticipantMayWork() {
            placement().given().when(start(LocalDate.of(2025, 3, 14), FACTS))
                    .rejectedWith(START_BEFORE_ELIGIBILITY);
        }

        @Test
        void rejectsAStartAfterTheWorkEligibilityEnded() {
            PlacementFacts facts = withParticipant(participant(INTAKE, MAY_WORK_FROM, LocalDate.of(2025, 4, 6), null, null, null, null));
            placement().given().when(start(facts)).rejectedWith(ELIGIBILITY_ENDED);
        }

        @Test
        void rejectsAStartAfterReceptionEndedFollowingAnAsylumRejection() {
            PlacementFacts facts = withParticipant(participant(INTAKE, MAY_WORK_FROM, W_DOCUMENT_UNTIL, null, null, LocalDate.of(2025, 4, 6), null));
            placement().given().when(start(facts)).rejectedWith(RECEPTION_ENDED);
        }

        @Test
        void rejectsAParticipantWhoIsNoStatusHolderAndHasNoTwvKnownHereAsNotYetKnown() {
            placement().given().when(start(withPermits())).rejectedWith(TWV_NOT_KNOWN_YET);
        }

        @Test
        void takesOnlyATwvForThisVeryEmployerAndVacancy() {
            placement().given().when(start(withPermits(permit(EMPLOYER, OTHER_VACANCY, TWV_GRANTED, TWV_FROM, W_DOCUMENT_UNTIL, null, null))))
                    .rejectedWith(TWV_NOT_KNOWN_YET);
            placement().given().when(start(withPermits(permit(OTHER_EMPLOYER, VACANCY, TWV_GRANTED, TWV_FROM, W_DOCUMENT_UNTIL, null, null))))
                    .rejectedWith(TWV_NOT_KNOWN_YET);
        }

        @Test
        void rejectsATwvRequestedWhoseDecisionHasNotArrivedAsNotYetKnown() {
            placement().given().when(start(withPermits(requested()))).rejectedWith(TWV_DECISION_NOT_KNOWN_YET);
        }

        @Test
        void rejectsATwvKnownToBeRefusedWithdrawnOrDeclinedAsARealRefusal() {
            for (PlacementFacts.Closure closure : List.of(PlacementFacts.Closure.REFUSED, PlacementFacts.Closure.WITHDRAWN,
                    PlacementFacts.Closure.DECLINED)) {
                placement().given().when(start(withPermits(permit(EMPLOYER, VACANCY, null, null, null, TWV_GRANTED, closure))))
                        .rejectedWith(TWV_NOT_GRANTED);
            }
        }

        @Test
        void waitsForADecisionStillToComeRatherThanRefusingOnAnEarlierRefusal() {
            PlacementFacts.Permit refused = permit(EMPLOYER, VACANCY, null, null, null, TWV_GRANTED, PlacementFacts.Closure.REFUSED);
            PlacementFacts.Permit again = new PlacementFacts.Permit(OTHER_PERMIT, PARTICIPANT, EMPLOYER, VACANCY, null, null, null, null, null);
            placement().given().when(start(withPermits(refused, again))).rejectedWith(TWV_DECISION_NOT_KNOWN_YET);
        }

        @Test
        void startsOnTheTwvTheStartNames() {
            PlacementFacts.Permit other = new PlacementFacts.Permit(OTHER_PERMIT, PARTICIPANT, EMPLOYER, VACANCY, TWV_GRANTED, TWV_FROM,
                    W_DOCUMENT_UNTIL, null, null);
            placement().given().when(startOn(OTHER_PERMIT, withPermits(GRANTED_TWV, other)))
                    .then(new PlacementStarted(PLACEMENT, PARTICIPANT, EMPLOYER, VACANCY, OTHER_PERMIT, Sector.HORECA, "Amsterdam", START, 32,
                            1425, ContractType.TEMPORARY_VIA_AGENCY));
        }

        @Test
        void rejectsANamedTwvNotSeenHereAsNotYetKnownAndOneForAnotherJobByName() {
            placement().given().when(startOn(OTHER_PERMIT, FACTS)).rejectedWith(TWV_NOT_KNOWN_YET);
            PlacementFacts.Permit anothers = new PlacementFacts.Permit(OTHER_PERMIT, OTHER_PARTICIPANT, EMPLOYER, VACANCY, TWV_GRANTED,
                    TWV_FROM, W_DOCUMENT_UNTIL, null, null);
            placement().given().when(startOn(OTHER_PERMIT, withPermits(GRANTED_TWV, anothers))).rejectedOn("permitId", TWV_NOT_FOR_THIS_JOB);
            placement().given().when(startOn(PERMIT, withPermits(permit(EMPLOYER, OTHER_VACANCY, TWV_GRANTED, TWV_FROM, W_DOCUMENT_UNTIL,
                    null, null)))).rejectedOn("permitId", TWV_NOT_FOR_THIS_JOB);
            placement().given().when(startOn(PERMIT, withPermits(requested()))).rejectedWith(TWV_DECISION_NOT_KNOWN_YET);
        }

        @Test
        void waitsForAResidencePermitThatATwvClosedForButHasNotArrived() {
            for (PlacementFacts.Closure closure : List.of(PlacementFacts.Closure.NO_LONGER_REQUIRED,
                    PlacementFacts.Closure.DECLINED_AS_STATUS_HOLDER)) {
                placement().given().when(start(withPermits(permit(EMPLOYER, OTHER_VACANCY, null, null, null, LocalDate.of(2025, 4, 1),
                        closure)))).rejectedWith(RESIDENCE_PERMIT_NOT_KNOWN_YET);
            }
            PlacementFacts later = withPermits(GRANTED_TWV, new PlacementFacts.Permit(OTHER_PERMIT, PARTICIPANT, EMPLOYER, OTHER_VACANCY,
                    null, null, null, LocalDate.of(2025, 5, 1), PlacementFacts.Closure.NO_LONGER_REQUIRED));
            placement().given().when(start(later)).then(STARTED);
        }

        @Test
        void startsAtRiskWhenCoaRelocatedTheParticipantOutOfTheJobsRegionBeforehand() {
            PlacementFacts relocated = withParticipant(new PlacementFacts.Participant(REGISTERED, INTAKE, MAY_WORK_FROM, W_DOCUMENT_UNTIL,
                    null, null, null, null, "Ter Apel", LocalDate.of(2025, 3, 20)));
            placement().given().when(start(relocated))
                    .then(STARTED, new PlacementAtRisk(PLACEMENT, PARTICIPANT, START, RiskReason.RELOCATED_OUT_OF_REGION));
            PlacementFacts nearby = withParticipant(new PlacementFacts.Participant(REGISTERED, INTAKE, MAY_WORK_FROM, W_DOCUMENT_UNTIL,
                    null, null, null, null, "Kabelweg", LocalDate.of(2025, 3, 20)));
            placement().given().when(start(nearby)).then(STARTED);
        }

        @Test
        void rejectsAStartOutsideTheTwvsValidity() {
            PlacementFacts facts = withPermits(permit(EMPLOYER, VACANCY, TWV_GRANTED, LocalDate.of(2025, 4, 14), W_DOCUMENT_UNTIL, null, null));
            placement().given().when(start(facts))
                    .rejectedWith(TWV_NOT_VALID_ON_START);
            PlacementFacts expired = withPermits(permit(EMPLOYER, VACANCY, TWV_GRANTED, TWV_FROM, LocalDate.of(2025, 4, 6), null, null));
            placement().given().when(start(expired)).rejectedWith(TWV_NOT_VALID_ON_START);
        }

        @Test
        void rejectsATwvThatEndedOnOrBeforeTheStart() {
            for (PlacementFacts.Closure closure : List.of(PlacementFacts.Closure.EXPIRED, PlacementFacts.Closure.ENDED,
                    PlacementFacts.Closure.WITHDRAWN)) {
                PlacementFacts facts = withPermits(permit(EMPLOYER, VACANCY, TWV_GRANTED, TWV_FROM, W_DOCUMENT_UNTIL, START, closure));
                placement().given().when(start(facts)).rejectedWith(TWV_NOT_VALID_ON_START);
            }
        }

        @Test
        void rejectsStartingAPlacementTwice() {
            placement().given(STARTED).when(start(FACTS)).rejectedWith(ALREADY_STARTED);
        }
    }

    @Nested
    class ChangingAndEnding {

        @Test
        void recordsAChangeOfHoursAndWage() {
            placement().given(STARTED).when(new ChangePlacement(LocalDate.of(2025, 6, 1), 38, 1500))
                    .then(new PlacementChanged(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 6, 1), 38, 1500));
        }

        @Test
        void rejectsAChangeBeforeTheStartOrThePreviousChange() {
            placement().given(STARTED).when(new ChangePlacement(LocalDate.of(2025, 4, 6), 38, 1500))
                    .rejectedOn("changedOn", DATE_BEFORE_START);
            placement().given(STARTED, new PlacementChanged(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 6, 1), 38, 1500))
                    .when(new ChangePlacement(LocalDate.of(2025, 5, 1), 36, 1500))
                    .rejectedOn("changedOn", DATE_BEFORE_LAST_CHANGE);
        }

        @Test
        void rejectsAChangeThatChangesNothing() {
            placement().given(STARTED).when(new ChangePlacement(LocalDate.of(2025, 6, 1), 32, 1425)).rejectedWith(NOTHING_CHANGES);
        }

        @Test
        void endsAPlacementWithItsReason() {
            placement().given(STARTED).when(new EndPlacement(LocalDate.of(2025, 7, 31), EndReason.CONTRACT_ENDED))
                    .then(new PlacementEnded(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 7, 31), EndReason.CONTRACT_ENDED));
        }

        @Test
        void rejectsAnEndBeforeTheStartOrTheLastChange() {
            placement().given(STARTED).when(new EndPlacement(LocalDate.of(2025, 4, 1), EndReason.QUIT))
                    .rejectedOn("endedOn", DATE_BEFORE_START);
            placement().given(STARTED, new PlacementChanged(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 6, 1), 38, 1500))
                    .when(new EndPlacement(LocalDate.of(2025, 5, 1), EndReason.QUIT))
                    .rejectedOn("endedOn", DATE_BEFORE_LAST_CHANGE);
        }

        @Test
        void acceptsAnEndThatArrivesAfterTheMilestoneButLiesBeforeItAndWithdrawsTheMilestoneDatedOnTheEnd() {
            PlacementSustained sustained = new PlacementSustained(PLACEMENT, PARTICIPANT, SUSTAINED_DUE);
            PlacementEnded ended = new PlacementEnded(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 10, 1), EndReason.DISMISSED);
            PlacementSustainedWithdrawn withdrawn = new PlacementSustainedWithdrawn(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 10, 1));
            Placement.State state = placement().given(STARTED, sustained)
                    .when(new EndPlacement(LocalDate.of(2025, 10, 1), EndReason.DISMISSED))
                    .then(ended, withdrawn);
            assertNull(Placement.detailsOf(state).sustainedOn(), "it did not last 26 weeks after all");
            placement().given(STARTED, sustained, ended, withdrawn).when(new RecordSustainedMilestone(LocalDate.of(2026, 1, 5))).then();
        }

        @Test
        void leavesTheMilestoneToTheWithdrawalAndNotToTheEnd() {
            Placement.State endedOnly = placement().given(STARTED, new PlacementSustained(PLACEMENT, PARTICIPANT, SUSTAINED_DUE),
                    new PlacementEnded(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 10, 1), EndReason.DISMISSED)).state();
            assertEquals(SUSTAINED_DUE, Placement.detailsOf(endedOnly).sustainedOn(), "evolve applies what each event says, nothing more");
        }

        @Test
        void withdrawsNothingWhenTheEndBeforeTheMilestoneComesBeforeTheCheck() {
            placement().given(STARTED).when(new EndPlacement(LocalDate.of(2025, 10, 1), EndReason.DISMISSED))
                    .then(new PlacementEnded(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 10, 1), EndReason.DISMISSED));
        }

        @Test
        void keepsTheMilestoneOfAPlacementThatEndsOnOrAfterIt() {
            Placement.State ended = placement().given(STARTED, new PlacementSustained(PLACEMENT, PARTICIPANT, SUSTAINED_DUE))
                    .when(new EndPlacement(SUSTAINED_DUE, EndReason.CONTRACT_ENDED))
                    .then(new PlacementEnded(PLACEMENT, PARTICIPANT, SUSTAINED_DUE, EndReason.CONTRACT_ENDED));
            assertEquals(SUSTAINED_DUE, Placement.detailsOf(ended).sustainedOn());
        }

        @Test
        void rejectsEveryCaseworkerCommandOnAnEndedPlacement() {
            PlacementEnded ended = new PlacementEnded(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 7, 31), EndReason.QUIT);
            placement().given(STARTED, ended).when(new EndPlacement(LocalDate.of(2025, 8, 1), EndReason.OTHER))
                    .rejectedWith(PLACEMENT_ENDED);
            placement().given(STARTED, ended).when(new ChangePlacement(LocalDate.of(2025, 8, 1), 20, 1500))
                    .rejectedWith(PLACEMENT_ENDED);
            placement().given(STARTED, ended).when(new ContinuePlacement(LocalDate.of(2025, 8, 1)))
                    .rejectedWith(PLACEMENT_ENDED);
        }

        @Test
        void rejectsCommandsOnAPlacementThatWasNeverStarted() {
            placement().given().when(new EndPlacement(START, EndReason.QUIT)).rejectedWith(NOT_STARTED);
        }
    }

    @Nested
    class Risks {

        static final PlacementAtRisk RELOCATED = new PlacementAtRisk(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 5, 12),
                RiskReason.RELOCATED_OUT_OF_REGION);

        @Test
        void putsAPlacementAtRiskWhenCoaRelocatesTheParticipantOutOfTheJobsRegion() {
            placement().given(STARTED).when(new AssessRelocation("Ter Apel", LocalDate.of(2025, 5, 12))).then(RELOCATED);
        }

        @Test
        void treatsAnUnknownNewLocationAsOutsideTheRegion() {
            placement().given(STARTED).when(new AssessRelocation("Budel", LocalDate.of(2025, 5, 12)))
                    .then(new PlacementAtRisk(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 5, 12), RiskReason.RELOCATED_OUT_OF_REGION));
        }

        @Test
        void leavesThePlacementAloneAfterARelocationWithinTheRegion() {
            placement().given(STARTED).when(new AssessRelocation("Kabelweg", LocalDate.of(2025, 5, 12))).then();
        }

        @Test
        void flagsARiskThatAroseBeforeTheStartOnTheStartDate() {
            placement().given(STARTED).when(new AssessRelocation("Ter Apel", LocalDate.of(2025, 4, 1)))
                    .then(new PlacementAtRisk(PLACEMENT, PARTICIPANT, START, RiskReason.RELOCATED_OUT_OF_REGION));
        }

        @Test
        void flagsTheSameRiskOnlyOnce() {
            placement().given(STARTED, RELOCATED).when(new AssessRelocation("Groningen", LocalDate.of(2025, 6, 1))).then();
        }

        @Test
        void keepsEachDifferentRisk() {
            Placement.State state = placement().given(STARTED, RELOCATED).when(new AssessAsylumRejection(LocalDate.of(2025, 6, 1)))
                    .then(new PlacementAtRisk(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 6, 1), RiskReason.ASYLUM_REJECTED));
            assertEquals(2, Placement.detailsOf(state).risks().size());
        }

        @Test
        void putsAPlacementAtRiskWhenItsTwvExpiresOrEnds() {
            placement().given(STARTED).when(new AssessPermitEnd(PERMIT, LocalDate.of(2026, 3, 2), null))
                    .then(new PlacementAtRisk(PLACEMENT, PARTICIPANT, LocalDate.of(2026, 3, 2), RiskReason.PERMIT_ENDED));
        }

        @Test
        void ignoresTheEndOfAnotherTwv() {
            placement().given(STARTED).when(new AssessPermitEnd(OTHER_PERMIT, LocalDate.of(2026, 3, 2), null)).then();
        }

        @Test
        void ignoresTheEndOfTheTwvOnceTheParticipantIsAStatusHolder() {
            placement().given(STARTED).when(new AssessPermitEnd(PERMIT, LocalDate.of(2026, 3, 2), LocalDate.of(2025, 12, 1))).then();
        }

        @Test
        void putsAPlacementAtRiskWhenTheAsylumApplicationIsRejected() {
            placement().given(STARTED).when(new AssessAsylumRejection(LocalDate.of(2025, 8, 1)))
                    .then(new PlacementAtRisk(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 8, 1), RiskReason.ASYLUM_REJECTED));
        }

        @Test
        void ignoresEveryRiskOnceThePlacementEnded() {
            PlacementEnded ended = new PlacementEnded(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 5, 1), EndReason.QUIT);
            placement().given(STARTED, ended).when(new AssessRelocation("Ter Apel", LocalDate.of(2025, 5, 12))).then();
            placement().given(STARTED, ended).when(new AssessPermitEnd(PERMIT, LocalDate.of(2026, 3, 2), null)).then();
            placement().given(STARTED, ended).when(new AssessAsylumRejection(LocalDate.of(2025, 8, 1))).then();
        }

        @Test
        void continuesAPlacementAtRiskWhenTheCaseworkerConfirmsIt() {
            Placement.State state = placement().given(STARTED, RELOCATED).when(new ContinuePlacement(LocalDate.of(2025, 5, 14)))
                    .then(new PlacementContinued(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 5, 14)));
            assertTrue(Placement.detailsOf(state).risks().isEmpty());
        }

        @Test
        void flagsANewRelocationAgainAfterTheCaseworkerConfirmedTheLastOne() {
            placement().given(STARTED, RELOCATED, new PlacementContinued(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 5, 14)))
                    .when(new AssessRelocation("Groningen", LocalDate.of(2025, 7, 1)))
                    .then(new PlacementAtRisk(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 7, 1), RiskReason.RELOCATED_OUT_OF_REGION));
        }

        @Test
        void rejectsAContinuationOfAPlacementThatIsNotAtRisk() {
            placement().given(STARTED).when(new ContinuePlacement(LocalDate.of(2025, 5, 14))).rejectedWith(NOT_AT_RISK);
        }

        @Test
        void rejectsAContinuationDatedBeforeTheRisk() {
            placement().given(STARTED, RELOCATED).when(new ContinuePlacement(LocalDate.of(2025, 5, 11)))
                    .rejectedOn("confirmedOn", DATE_BEFORE_RISK);
        }
    }

    @Nested
    class Milestone {

        @Test
        void recordsASustainedPlacementTwentySixWeeksAfterTheStart() {
            placement().given(STARTED).when(new RecordSustainedMilestone(SUSTAINED_DUE))
                    .then(new PlacementSustained(PLACEMENT, PARTICIPANT, SUSTAINED_DUE));
        }

        @Test
        void datesAMilestoneFoundLateOnTheMilestoneItself() {
            placement().given(STARTED).when(new RecordSustainedMilestone(LocalDate.of(2025, 12, 1)))
                    .then(new PlacementSustained(PLACEMENT, PARTICIPANT, SUSTAINED_DUE));
        }

        @Test
        void recordsNothingBeforeTheMilestone() {
            placement().given(STARTED).when(new RecordSustainedMilestone(SUSTAINED_DUE.minusDays(1))).then();
        }

        @Test
        void neverRecordsTheMilestoneTwice() {
            placement().given(STARTED, new PlacementSustained(PLACEMENT, PARTICIPANT, SUSTAINED_DUE))
                    .when(new RecordSustainedMilestone(LocalDate.of(2025, 12, 1))).then();
        }

        @Test
        void recordsNothingForAPlacementThatEndedBeforeTheMilestone() {
            placement().given(STARTED, new PlacementEnded(PLACEMENT, PARTICIPANT, SUSTAINED_DUE.minusDays(1), EndReason.QUIT))
                    .when(new RecordSustainedMilestone(LocalDate.of(2025, 12, 1))).then();
        }

        @Test
        void recordsTheMilestoneOfAPlacementThatEndedOnOrAfterIt() {
            placement().given(STARTED, new PlacementEnded(PLACEMENT, PARTICIPANT, SUSTAINED_DUE, EndReason.CONTRACT_ENDED))
                    .when(new RecordSustainedMilestone(LocalDate.of(2025, 12, 1)))
                    .then(new PlacementSustained(PLACEMENT, PARTICIPANT, SUSTAINED_DUE));
        }

        @Test
        void keepsAtRiskPlacementsCountingTowardsTheMilestone() {
            placement().given(STARTED, Risks.RELOCATED).when(new RecordSustainedMilestone(SUSTAINED_DUE))
                    .then(new PlacementSustained(PLACEMENT, PARTICIPANT, SUSTAINED_DUE));
        }
    }

    @Nested
    class EveryType {

        @Test
        void decidesEveryCommandAndEvolvesEveryEvent() {
            List<Placement.Command> commands = List.of(start(FACTS), new ChangePlacement(LocalDate.of(2025, 6, 1), 38, 1500),
                    new EndPlacement(LocalDate.of(2025, 7, 31), EndReason.QUIT), new ContinuePlacement(LocalDate.of(2025, 5, 14)),
                    new AssessRelocation("Ter Apel", LocalDate.of(2025, 5, 12)), new AssessPermitEnd(PERMIT, LocalDate.of(2026, 3, 2), null),
                    new AssessAsylumRejection(LocalDate.of(2025, 8, 1)), new RecordSustainedMilestone(SUSTAINED_DUE));
            SealedTypes.assertEveryTypeHasAnExample(Placement.Command.class, commands);
            Placement.State atRisk = placement().given(STARTED, Risks.RELOCATED).state();
            for (Placement.Command command : commands) {
                Placement.State state = command instanceof StartPlacement ? new Placement.State.NotStarted()
                        : command instanceof ContinuePlacement ? atRisk : placement().given(STARTED).state();
                assertFalse(Placement.decider(REGIONS, Period.ofWeeks(26)).decide(command, state).isEmpty(),
                        command.getClass().getSimpleName());
            }
            PlacementSustained sustained = new PlacementSustained(PLACEMENT, PARTICIPANT, SUSTAINED_DUE);
            List<PlacementEvent> events = List.of(STARTED, new PlacementChanged(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 6, 1), 38, 1500),
                    Risks.RELOCATED, new PlacementContinued(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 5, 14)),
                    new PlacementEnded(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 7, 31), EndReason.QUIT), sustained,
                    new PlacementSustainedWithdrawn(PLACEMENT, PARTICIPANT, LocalDate.of(2025, 10, 1)));
            SealedTypes.assertEveryTypeHasAnExample(PlacementEvent.class, events);
            for (PlacementEvent event : events) {
                Placement.State before = event == STARTED ? new Placement.State.NotStarted()
                        : event instanceof PlacementContinued ? atRisk
                        : event instanceof PlacementSustainedWithdrawn ? placement().given(STARTED, sustained).state()
                        : placement().given(STARTED).state();
                assertNotEquals(before, Placement.evolve(before, event), event.getClass().getSimpleName());
            }
        }
    }
}
