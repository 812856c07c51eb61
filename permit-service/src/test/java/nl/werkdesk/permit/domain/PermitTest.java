package nl.werkdesk.permit.domain;

import static nl.werkdesk.permit.domain.PermitRejection.ALREADY_GRANTED;
import static nl.werkdesk.permit.domain.PermitRejection.ALREADY_REQUESTED;
import static nl.werkdesk.permit.domain.PermitRejection.APPLICATION_ALREADY_COMPLETED;
import static nl.werkdesk.permit.domain.PermitRejection.APPLICATION_NOT_COMPLETE;
import static nl.werkdesk.permit.domain.PermitRejection.DATE_BEFORE_LATEST_STEP;
import static nl.werkdesk.permit.domain.PermitRejection.EMPLOYER_NOT_KNOWN_YET;
import static nl.werkdesk.permit.domain.PermitRejection.EXPIRY_WITHIN_VALIDITY;
import static nl.werkdesk.permit.domain.PermitRejection.NOT_GRANTED;
import static nl.werkdesk.permit.domain.PermitRejection.NOT_REQUESTED;
import static nl.werkdesk.permit.domain.PermitRejection.PARTICIPANT_NOT_KNOWN_YET;
import static nl.werkdesk.permit.domain.PermitRejection.PERMIT_CLOSED;
import static nl.werkdesk.permit.domain.PermitRejection.REQUEST_DECLINED;
import static nl.werkdesk.permit.domain.PermitRejection.START_BEFORE_REQUEST;
import static nl.werkdesk.permit.domain.PermitRejection.VALID_FROM_AFTER_VALID_UNTIL;
import static nl.werkdesk.permit.domain.PermitRejection.VALID_UNTIL_AFTER_W_DOCUMENT;
import static nl.werkdesk.permit.domain.PermitRejection.VALID_UNTIL_REQUIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.permit.DeclineReason;
import nl.werkdesk.contracts.permit.EndReason;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.eventsourcing.core.DeciderScenario;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import nl.werkdesk.permit.domain.Facts.Information;
import nl.werkdesk.permit.domain.Facts.ParticipantStanding;
import nl.werkdesk.permit.domain.Permit.Command.ApplyDueDates;
import nl.werkdesk.permit.domain.Permit.Command.CompleteApplication;
import nl.werkdesk.permit.domain.Permit.Command.EndAsNoLongerRequired;
import nl.werkdesk.permit.domain.Permit.Command.ExpireTwv;
import nl.werkdesk.permit.domain.Permit.Command.GrantTwv;
import nl.werkdesk.permit.domain.Permit.Command.RefuseTwv;
import nl.werkdesk.permit.domain.Permit.Command.RequestTwv;
import nl.werkdesk.permit.domain.Permit.Command.ScreenRequest;
import nl.werkdesk.permit.domain.Permit.Command.WithdrawTwv;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PermitTest {

    static final UUID PERMIT = UUID.fromString("0b7e3a52-5d1c-4c3e-9a51-2f64c1d9e801");
    static final UUID PARTICIPANT = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    static final UUID EMPLOYER = UUID.fromString("a3c1f0e2-7b44-4e0b-8d2a-5e6f7a8b9c0d");
    static final UUID VACANCY = UUID.fromString("c9d8e7f6-1a2b-4c3d-8e4f-5a6b7c8d9e0f");

    static final LocalDate REGISTERED = LocalDate.of(2025, 2, 3);
    static final LocalDate MAY_WORK_FROM = LocalDate.of(2025, 3, 15);
    static final LocalDate W_DOCUMENT_ENDS = LocalDate.of(2026, 3, 1);
    static final LocalDate REQUESTED_ON = LocalDate.of(2025, 3, 3);
    static final LocalDate START = LocalDate.of(2025, 4, 1);
    static final LocalDate COMPLETED_ON = LocalDate.of(2025, 3, 10);
    static final LocalDate DUE_ON = LocalDate.of(2025, 4, 14);
    static final LocalDate DECIDED_ON = LocalDate.of(2025, 4, 7);
    static final Period FIVE_WEEKS = Period.ofWeeks(5);

    static final ParticipantStanding MAY_WORK = new ParticipantStanding(REGISTERED, MAY_WORK_FROM, W_DOCUMENT_ENDS, null, null);
    static final LocalDate EMPLOYER_REGISTERED = LocalDate.of(2025, 1, 20);
    static final Facts KNOWN = new Facts(MAY_WORK, EMPLOYER_REGISTERED);
    static final Facts NOTHING_KNOWN = new Facts(null, null);

    static final TwvRequested REQUESTED = requested(START);
    static final TwvApplicationCompleted COMPLETED = new TwvApplicationCompleted(PERMIT, PARTICIPANT, COMPLETED_ON, DUE_ON);
    static final TwvGranted GRANTED = new TwvGranted(PERMIT, PARTICIPANT, EMPLOYER, VACANCY, DECIDED_ON, START, W_DOCUMENT_ENDS);

    static DeciderScenario<Permit.Command, Permit.State, PermitEvent> permit() {
        return DeciderScenario.with(Permit.DECIDER);
    }

    static RequestTwv request(LocalDate start, Facts facts) {
        return new RequestTwv(PERMIT, PARTICIPANT, EMPLOYER, VACANCY, 1450, 32, start, REQUESTED_ON, true, facts);
    }

    static TwvRequested requested(LocalDate start) {
        return new TwvRequested(PERMIT, PARTICIPANT, EMPLOYER, VACANCY, 1450, 32, start, REQUESTED_ON, true);
    }

    static Facts participant(LocalDate eligibleFrom, LocalDate eligibleUntil, LocalDate statusHolderSince, LocalDate receptionEndsOn) {
        return new Facts(new ParticipantStanding(REGISTERED, eligibleFrom, eligibleUntil, statusHolderSince, receptionEndsOn),
                EMPLOYER_REGISTERED);
    }

    static TwvRequestDeclined declined(DeclineReason reason, LocalDate eligibleFrom) {
        return new TwvRequestDeclined(PERMIT, PARTICIPANT, REQUESTED_ON, reason, eligibleFrom);
    }

    static ScreeningDeferred deferred(Information... awaiting) {
        return new ScreeningDeferred(PERMIT, PARTICIPANT, Set.of(awaiting), REQUESTED_ON);
    }

    static InformationReceived received(LocalDate on, Information... received) {
        return new InformationReceived(PERMIT, PARTICIPANT, Set.of(received), on);
    }

    static CompleteApplication complete(LocalDate on) {
        return new CompleteApplication(on, FIVE_WEEKS);
    }

    @Nested
    class Requesting {

        @Test
        void requestsATwvForAnEligibleParticipantAndAKnownEmployer() {
            Permit.State state = permit().given().when(request(START, KNOWN)).then(REQUESTED);
            assertEquals(Permit.Status.REQUESTED, Permit.statusOf(state));
            assertEquals(Set.of(), Permit.awaitingOf(state));
        }

        @Test
        void declinesARequestWhoseStartLiesBeforeTheParticipantMayWorkAndSaysFromWhen() {
            LocalDate early = LocalDate.of(2025, 3, 10);
            permit().given().when(request(early, KNOWN)).then(requested(early), declined(DeclineReason.NOT_YET_ELIGIBLE, MAY_WORK_FROM));
        }

        @Test
        void declinesARequestForAParticipantWhoMayNeverWorkAsNotEligible() {
            permit().given().when(request(START, participant(null, null, null, null)))
                    .then(REQUESTED, declined(DeclineReason.NOT_ELIGIBLE, null));
        }

        @Test
        void declinesARequestForAStatusHolderAsNotRequired() {
            permit().given().when(request(START, participant(MAY_WORK_FROM, W_DOCUMENT_ENDS, LocalDate.of(2025, 3, 1), null)))
                    .then(REQUESTED, declined(DeclineReason.NOT_REQUIRED_STATUS_HOLDER, null));
        }

        @Test
        void declinesAStartAfterTheWDocumentEndsAsNoLongerEligible() {
            LocalDate late = W_DOCUMENT_ENDS.plusDays(1);
            permit().given().when(request(late, KNOWN)).then(requested(late), declined(DeclineReason.NO_LONGER_ELIGIBLE, null));
        }

        @Test
        void declinesAStartAfterReceptionEndsAsNoLongerEligible() {
            permit().given().when(request(START, participant(MAY_WORK_FROM, W_DOCUMENT_ENDS, null, LocalDate.of(2025, 3, 31))))
                    .then(REQUESTED, declined(DeclineReason.NO_LONGER_ELIGIBLE, null));
        }

        @Test
        void acceptsAStartOnTheLastDayOfReception() {
            permit().given().when(request(START, participant(MAY_WORK_FROM, W_DOCUMENT_ENDS, null, START))).then(REQUESTED);
        }

        @Test
        void datesADeclineOnTheRegistrationWhenTheParticipantJoinedAfterTheRequest() {
            LocalDate joined = LocalDate.of(2025, 3, 5);
            Facts facts = new Facts(new ParticipantStanding(joined, null, null, null, null), EMPLOYER_REGISTERED);
            permit().given().when(request(START, facts))
                    .then(REQUESTED, new TwvRequestDeclined(PERMIT, PARTICIPANT, joined, DeclineReason.NOT_ELIGIBLE, null));
        }

        @Test
        void defersTheScreeningOfARequestForAParticipantItHasNotHeardOf() {
            Permit.State state = permit().given().when(request(START, new Facts(null, EMPLOYER_REGISTERED)))
                    .then(REQUESTED, deferred(Information.PARTICIPANT));
            assertEquals(Permit.Status.REQUESTED, Permit.statusOf(state));
            assertEquals(Set.of(Information.PARTICIPANT), Permit.awaitingOf(state));
        }

        @Test
        void defersTheScreeningOfARequestForAnEmployerItHasNotHeardOf() {
            permit().given().when(request(START, new Facts(MAY_WORK, null))).then(REQUESTED, deferred(Information.EMPLOYER));
        }

        @Test
        void waitsForBothWhenItHasHeardOfNeither() {
            Permit.State state = permit().given().when(request(START, NOTHING_KNOWN))
                    .then(REQUESTED, deferred(Information.PARTICIPANT, Information.EMPLOYER));
            assertEquals(Set.of(Information.PARTICIPANT, Information.EMPLOYER), Permit.awaitingOf(state));
        }

        @Test
        void declinesAnIneligibleParticipantAtOnceEvenWhileTheEmployerIsUnknown() {
            permit().given().when(request(START, new Facts(new ParticipantStanding(REGISTERED, null, null, null, null), null)))
                    .then(REQUESTED, declined(DeclineReason.NOT_ELIGIBLE, null));
        }

        @Test
        void rejectsAStartDateBeforeTheRequest() {
            permit().given().when(request(REQUESTED_ON.minusDays(1), KNOWN)).rejectedOn("startDate", START_BEFORE_REQUEST);
        }

        @Test
        void rejectsRequestingTheSamePermitTwice() {
            permit().given(REQUESTED).when(request(START, KNOWN)).rejectedWith(ALREADY_REQUESTED);
        }
    }

    @Nested
    class ScreeningAWaitingRequest {

        @Test
        void receivesTheParticipantItWaitedForAndProceedsWhenTheyMayWork() {
            Permit.State state = permit().given(REQUESTED, deferred(Information.PARTICIPANT)).when(new ScreenRequest(KNOWN))
                    .then(received(REQUESTED_ON, Information.PARTICIPANT));
            assertEquals(Set.of(), Permit.awaitingOf(state));
            assertEquals(REQUESTED_ON, Permit.applicationOf(state).latestOn(), "the wait moves no date of the permit");
        }

        @Test
        void datesTheArrivalOnTheRegistrationWhenItCameAfterTheRequest() {
            LocalDate employerJoined = REQUESTED_ON.plusDays(4);
            permit().given(REQUESTED, deferred(Information.EMPLOYER)).when(new ScreenRequest(new Facts(MAY_WORK, employerJoined)))
                    .then(received(employerJoined, Information.EMPLOYER));
        }

        @Test
        void declinesWhenTheParticipantItWaitedForMayNotWorkYet() {
            LocalDate later = LocalDate.of(2025, 5, 1);
            permit().given(REQUESTED, deferred(Information.PARTICIPANT)).when(new ScreenRequest(participant(later, W_DOCUMENT_ENDS, null, null)))
                    .then(received(REQUESTED_ON, Information.PARTICIPANT), declined(DeclineReason.NOT_YET_ELIGIBLE, later));
        }

        @Test
        void declinesWhenTheParticipantItWaitedForIsAStatusHolder() {
            permit().given(REQUESTED, deferred(Information.PARTICIPANT))
                    .when(new ScreenRequest(participant(MAY_WORK_FROM, W_DOCUMENT_ENDS, REGISTERED, null)))
                    .then(received(REQUESTED_ON, Information.PARTICIPANT), declined(DeclineReason.NOT_REQUIRED_STATUS_HOLDER, null));
        }

        @Test
        void receivesTheEmployerAndKeepsWaitingForTheParticipant() {
            Permit.State state = permit().given(REQUESTED, deferred(Information.PARTICIPANT, Information.EMPLOYER))
                    .when(new ScreenRequest(new Facts(null, EMPLOYER_REGISTERED)))
                    .then(received(REQUESTED_ON, Information.EMPLOYER));
            assertEquals(Set.of(Information.PARTICIPANT), Permit.awaitingOf(state));
        }

        @Test
        void keepsWaitingWhileNothingItWaitsForHasArrived() {
            permit().given(REQUESTED, deferred(Information.PARTICIPANT)).when(new ScreenRequest(new Facts(null, EMPLOYER_REGISTERED))).then();
        }

        @Test
        void leavesARequestThatWaitsForNothingAlone() {
            permit().given(REQUESTED).when(new ScreenRequest(participant(null, null, null, null))).then();
            permit().given(REQUESTED, deferred(Information.PARTICIPANT), received(REQUESTED_ON, Information.PARTICIPANT))
                    .when(new ScreenRequest(KNOWN)).then();
        }

        @Test
        void leavesACompleteApplicationOrAClosedPermitAlone() {
            Facts ineligible = participant(null, null, null, null);
            permit().given(REQUESTED, COMPLETED).when(new ScreenRequest(ineligible)).then();
            permit().given(REQUESTED, deferred(Information.PARTICIPANT), new TwvWithdrawn(PERMIT, PARTICIPANT, REQUESTED_ON))
                    .when(new ScreenRequest(ineligible)).then();
        }
    }

    @Nested
    class CompletingTheApplication {

        @Test
        void completesTheApplicationWithTheDecisionDueFiveWeeksLater() {
            Permit.State state = permit().given(REQUESTED).when(complete(COMPLETED_ON)).then(COMPLETED);
            assertEquals(Permit.Status.APPLICATION_COMPLETE, Permit.statusOf(state));
        }

        @Test
        void takesTheDecisionTermItIsGiven() {
            permit().given(REQUESTED).when(new CompleteApplication(COMPLETED_ON, Period.ofWeeks(8)))
                    .then(new TwvApplicationCompleted(PERMIT, PARTICIPANT, COMPLETED_ON, LocalDate.of(2025, 5, 5)));
        }

        @Test
        void refusesToCompleteARequestWaitingForItsParticipantAsNotKnownYet() {
            permit().given(REQUESTED, deferred(Information.PARTICIPANT, Information.EMPLOYER)).when(complete(COMPLETED_ON))
                    .rejectedWith(PARTICIPANT_NOT_KNOWN_YET);
            permit().given(REQUESTED, deferred(Information.PARTICIPANT, Information.EMPLOYER), received(REQUESTED_ON, Information.EMPLOYER))
                    .when(complete(COMPLETED_ON)).rejectedWith(PARTICIPANT_NOT_KNOWN_YET);
        }

        @Test
        void refusesToCompleteARequestWaitingForItsEmployerAsNotKnownYet() {
            permit().given(REQUESTED, deferred(Information.EMPLOYER)).when(complete(COMPLETED_ON)).rejectedWith(EMPLOYER_NOT_KNOWN_YET);
        }

        @Test
        void completesARequestOnceWhatItWaitedForHasArrived() {
            permit().given(REQUESTED, deferred(Information.PARTICIPANT), received(REGISTERED.plusMonths(2), Information.PARTICIPANT))
                    .when(complete(COMPLETED_ON)).then(COMPLETED);
        }

        @Test
        void refusesToCompleteARequestDeclinedForAParticipantWhoIsKnownAndMayNotWork() {
            permit().given(REQUESTED, declined(DeclineReason.NOT_ELIGIBLE, null)).when(complete(COMPLETED_ON)).rejectedWith(REQUEST_DECLINED);
        }

        @Test
        void refusesToCompleteTwice() {
            permit().given(REQUESTED, COMPLETED).when(complete(COMPLETED_ON)).rejectedWith(APPLICATION_ALREADY_COMPLETED);
        }

        @Test
        void refusesACompletionDatedBeforeTheRequest() {
            permit().given(REQUESTED).when(complete(REQUESTED_ON.minusDays(1))).rejectedOn("completedOn", DATE_BEFORE_LATEST_STEP);
        }

        @Test
        void refusesToCompleteAWithdrawnOrGrantedPermit() {
            permit().given(REQUESTED, new TwvWithdrawn(PERMIT, PARTICIPANT, REQUESTED_ON)).when(complete(COMPLETED_ON)).rejectedWith(PERMIT_CLOSED);
            permit().given(REQUESTED, COMPLETED, GRANTED).when(complete(DECIDED_ON)).rejectedWith(ALREADY_GRANTED);
        }

        @Test
        void refusesToCompleteAPermitThatWasNeverRequested() {
            permit().given().when(complete(COMPLETED_ON)).rejectedWith(NOT_REQUESTED);
        }
    }

    @Nested
    class RecordingUwvsDecision {

        @Test
        void grantsTheTwvUntilTheWDocumentEndsWhenNoEndIsGiven() {
            Permit.State state = permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, START, null, MAY_WORK)).then(GRANTED);
            assertEquals(Permit.Status.GRANTED, Permit.statusOf(state));
            assertEquals(35L, Permit.leadTimeDays(state));
        }

        @Test
        void grantsTheTwvWithTheValidityUwvGave() {
            LocalDate until = LocalDate.of(2025, 12, 31);
            permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, START, until, MAY_WORK))
                    .then(new TwvGranted(PERMIT, PARTICIPANT, EMPLOYER, VACANCY, DECIDED_ON, START, until));
        }

        @Test
        void refusesAValidityBeyondTheWDocument() {
            permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, START, W_DOCUMENT_ENDS.plusDays(1), MAY_WORK))
                    .rejectedOn("validUntil", VALID_UNTIL_AFTER_W_DOCUMENT);
        }

        @Test
        void refusesAValidityThatStartsAfterItEnds() {
            permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, LocalDate.of(2026, 1, 1), LocalDate.of(2025, 12, 31), MAY_WORK))
                    .rejectedOn("validFrom", VALID_FROM_AFTER_VALID_UNTIL);
        }

        @Test
        void refusesAGrantWithoutAnEndWhenTheWDocumentHasNone() {
            ParticipantStanding noEnd = new ParticipantStanding(REGISTERED, MAY_WORK_FROM, null, null, null);
            permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, START, null, noEnd)).rejectedOn("validUntil", VALID_UNTIL_REQUIRED);
        }

        /** A request completed before its wait was part of the stream: its participant may still be on the way. */
        @Test
        void refusesAGrantAsNotKnownYetWhileTheParticipantHasNotArrivedNeverAsARealRefusal() {
            permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, START, null, null)).rejectedWith(PARTICIPANT_NOT_KNOWN_YET);
            permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, START, W_DOCUMENT_ENDS.plusDays(1), null))
                    .rejectedWith(PARTICIPANT_NOT_KNOWN_YET);
        }

        @Test
        void refusesADecisionOnAnIncompleteApplication() {
            permit().given(REQUESTED).when(new GrantTwv(DECIDED_ON, START, null, MAY_WORK)).rejectedWith(APPLICATION_NOT_COMPLETE);
            permit().given(REQUESTED).when(new RefuseTwv(DECIDED_ON, RefusalReason.OTHER)).rejectedWith(APPLICATION_NOT_COMPLETE);
        }

        @Test
        void refusesADecisionDatedBeforeTheApplicationWasComplete() {
            permit().given(REQUESTED, COMPLETED).when(new RefuseTwv(COMPLETED_ON.minusDays(1), RefusalReason.OTHER))
                    .rejectedOn("decidedOn", DATE_BEFORE_LATEST_STEP);
        }

        @Test
        void recordsARefusalForEachOfUwvsReasons() {
            for (RefusalReason reason : RefusalReason.values()) {
                Permit.State state = permit().given(REQUESTED, COMPLETED).when(new RefuseTwv(DECIDED_ON, reason))
                        .then(new TwvRefused(PERMIT, PARTICIPANT, DECIDED_ON, reason));
                assertEquals(Permit.Status.REFUSED, Permit.statusOf(state));
                assertEquals(35L, Permit.leadTimeDays(state));
            }
        }

        @Test
        void refusesASecondDecision() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new RefuseTwv(DECIDED_ON, RefusalReason.OTHER)).rejectedWith(ALREADY_GRANTED);
            permit().given(REQUESTED, COMPLETED, new TwvRefused(PERMIT, PARTICIPANT, DECIDED_ON, RefusalReason.WAGE_NOT_MARKET_RATE))
                    .when(new GrantTwv(DECIDED_ON, START, null, MAY_WORK))
                    .rejectedWith(PERMIT_CLOSED);
        }
    }

    @Nested
    class Withdrawing {

        static final LocalDate WITHDRAWN_ON = LocalDate.of(2025, 3, 20);

        @Test
        void withdrawsARequestOrACompleteApplication() {
            Permit.State state = permit().given(REQUESTED).when(new WithdrawTwv(WITHDRAWN_ON))
                    .then(new TwvWithdrawn(PERMIT, PARTICIPANT, WITHDRAWN_ON));
            assertEquals(Permit.Status.WITHDRAWN, Permit.statusOf(state));
            assertNull(Permit.leadTimeDays(state));
            permit().given(REQUESTED, COMPLETED).when(new WithdrawTwv(WITHDRAWN_ON)).then(new TwvWithdrawn(PERMIT, PARTICIPANT, WITHDRAWN_ON));
        }

        @Test
        void withdrawsARequestStillWaitingForInformation() {
            Permit.State state = permit().given(REQUESTED, deferred(Information.PARTICIPANT)).when(new WithdrawTwv(WITHDRAWN_ON))
                    .then(new TwvWithdrawn(PERMIT, PARTICIPANT, WITHDRAWN_ON));
            assertEquals(Set.of(), Permit.awaitingOf(state), "a closed permit waits for nothing");
        }

        @Test
        void refusesToWithdrawAGrantedTwv() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new WithdrawTwv(DECIDED_ON)).rejectedWith(ALREADY_GRANTED);
        }

        @Test
        void refusesAWithdrawalDatedBeforeThePermitsLatestStep() {
            permit().given(REQUESTED, COMPLETED).when(new WithdrawTwv(REQUESTED_ON)).rejectedOn("withdrawnOn", DATE_BEFORE_LATEST_STEP);
        }

        @Test
        void refusesToWithdrawTwice() {
            permit().given(REQUESTED, new TwvWithdrawn(PERMIT, PARTICIPANT, WITHDRAWN_ON)).when(new WithdrawTwv(WITHDRAWN_ON))
                    .rejectedWith(PERMIT_CLOSED);
        }
    }

    @Nested
    class Expiring {

        static final LocalDate DAY_AFTER = W_DOCUMENT_ENDS.plusDays(1);

        @Test
        void expiresAGrantedTwvAfterItsLastValidDay() {
            Permit.State state = permit().given(REQUESTED, COMPLETED, GRANTED).when(new ExpireTwv(DAY_AFTER))
                    .then(new TwvExpired(PERMIT, PARTICIPANT, DAY_AFTER));
            assertEquals(Permit.Status.EXPIRED, Permit.statusOf(state));
            assertEquals(35L, Permit.leadTimeDays(state), "the decision's lead time stays");
        }

        @Test
        void refusesToExpireWithinTheValidity() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new ExpireTwv(W_DOCUMENT_ENDS)).rejectedOn("expiredOn", EXPIRY_WITHIN_VALIDITY);
        }

        @Test
        void refusesToExpireATwvThatWasNotGranted() {
            permit().given(REQUESTED, COMPLETED).when(new ExpireTwv(DAY_AFTER)).rejectedWith(NOT_GRANTED);
            permit().given(REQUESTED, declined(DeclineReason.NOT_ELIGIBLE, null)).when(new ExpireTwv(DAY_AFTER)).rejectedWith(REQUEST_DECLINED);
        }

        @Test
        void refusesToExpireTwice() {
            permit().given(REQUESTED, COMPLETED, GRANTED, new TwvExpired(PERMIT, PARTICIPANT, DAY_AFTER)).when(new ExpireTwv(DAY_AFTER))
                    .rejectedWith(PERMIT_CLOSED);
        }
    }

    @Nested
    class BecomingAStatusHolder {

        static final LocalDate GRANTED_ASYLUM = LocalDate.of(2025, 6, 2);

        @Test
        void endsAPendingRequestAsNoLongerRequired() {
            Permit.State state = permit().given(REQUESTED).when(new EndAsNoLongerRequired(GRANTED_ASYLUM))
                    .then(new TwvNoLongerRequired(PERMIT, PARTICIPANT, GRANTED_ASYLUM));
            assertEquals(Permit.Status.NO_LONGER_REQUIRED, Permit.statusOf(state));
        }

        @Test
        void endsAGrantedTwvAsNoLongerRequired() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new EndAsNoLongerRequired(GRANTED_ASYLUM))
                    .then(new TwvNoLongerRequired(PERMIT, PARTICIPANT, GRANTED_ASYLUM));
        }

        @Test
        void neverDatesTheEndBeforeThePermitsLatestStep() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new EndAsNoLongerRequired(REQUESTED_ON))
                    .then(new TwvNoLongerRequired(PERMIT, PARTICIPANT, DECIDED_ON));
        }

        @Test
        void leavesAClosedPermitAlone() {
            permit().given(REQUESTED, new TwvWithdrawn(PERMIT, PARTICIPANT, REQUESTED_ON)).when(new EndAsNoLongerRequired(GRANTED_ASYLUM)).then();
        }
    }

    @Nested
    class ApplyingDueDates {

        static final LocalDate RECEPTION_ENDS = LocalDate.of(2025, 4, 29);

        @Test
        void endsAPendingPermitTheDayAfterReceptionEnds() {
            permit().given(REQUESTED).when(new ApplyDueDates(RECEPTION_ENDS, RECEPTION_ENDS)).then();
            Permit.State state = permit().given(REQUESTED).when(new ApplyDueDates(RECEPTION_ENDS.plusDays(1), RECEPTION_ENDS))
                    .then(new TwvEnded(PERMIT, PARTICIPANT, RECEPTION_ENDS.plusDays(1), EndReason.RECEPTION_ENDED));
            assertEquals(Permit.Status.ENDED, Permit.statusOf(state));
        }

        @Test
        void endsAGrantedTwvTheDayAfterReceptionEndsEvenWhenAppliedLater() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new ApplyDueDates(LocalDate.of(2025, 6, 1), RECEPTION_ENDS))
                    .then(new TwvEnded(PERMIT, PARTICIPANT, RECEPTION_ENDS.plusDays(1), EndReason.RECEPTION_ENDED));
        }

        @Test
        void writesNothingBeforeReceptionEnds() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new ApplyDueDates(RECEPTION_ENDS.minusDays(1), RECEPTION_ENDS)).then();
        }

        @Test
        void expiresAGrantedTwvOnTheDayAfterItsLastValidDay() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new ApplyDueDates(W_DOCUMENT_ENDS.plusDays(1), null))
                    .then(new TwvExpired(PERMIT, PARTICIPANT, W_DOCUMENT_ENDS.plusDays(1)));
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new ApplyDueDates(W_DOCUMENT_ENDS, null)).then();
        }

        @Test
        void anExpiryBeforeTheEndOfReceptionWins() {
            TwvGranted shortGrant = new TwvGranted(PERMIT, PARTICIPANT, EMPLOYER, VACANCY, DECIDED_ON, START, LocalDate.of(2025, 4, 20));
            permit().given(REQUESTED, COMPLETED, shortGrant).when(new ApplyDueDates(LocalDate.of(2025, 6, 1), RECEPTION_ENDS))
                    .then(new TwvExpired(PERMIT, PARTICIPANT, LocalDate.of(2025, 4, 21)));
        }

        @Test
        void anEndOfReceptionBeforeTheExpiryWins() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new ApplyDueDates(LocalDate.of(2026, 6, 1), RECEPTION_ENDS))
                    .then(new TwvEnded(PERMIT, PARTICIPANT, RECEPTION_ENDS.plusDays(1), EndReason.RECEPTION_ENDED));
        }

        @Test
        void neverDatesTheEndBeforeThePermitsLatestStep() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new ApplyDueDates(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 3, 31)))
                    .then(new TwvEnded(PERMIT, PARTICIPANT, DECIDED_ON, EndReason.RECEPTION_ENDED));
        }

        @Test
        void appliesWhatIsDueOnlyOnce() {
            TwvEnded ended = new TwvEnded(PERMIT, PARTICIPANT, RECEPTION_ENDS, EndReason.RECEPTION_ENDED);
            permit().given(REQUESTED, ended).when(new ApplyDueDates(RECEPTION_ENDS, RECEPTION_ENDS)).then();
            permit().given(REQUESTED, COMPLETED, GRANTED, new TwvExpired(PERMIT, PARTICIPANT, W_DOCUMENT_ENDS.plusDays(1)))
                    .when(new ApplyDueDates(W_DOCUMENT_ENDS.plusDays(5), null)).then();
        }
    }

    @Nested
    class EveryType {

        /** An instanceof ladder compiles with a branch missing: every command decides, and every event changes the state. */
        @Test
        void decidesEveryCommandAndEvolvesOnEveryEvent() {
            Permit.State requested = permit().given(REQUESTED, deferred(Information.PARTICIPANT)).state();
            Permit.State complete = permit().given(REQUESTED, COMPLETED).state();
            Permit.State granted = permit().given(REQUESTED, COMPLETED, GRANTED).state();
            List<Object[]> decisions = List.of(
                    new Object[] {new Permit.State.None(), request(START, KNOWN)},
                    new Object[] {requested, new ScreenRequest(KNOWN)},
                    new Object[] {permit().given(REQUESTED).state(), complete(COMPLETED_ON)},
                    new Object[] {complete, new GrantTwv(DECIDED_ON, START, null, MAY_WORK)},
                    new Object[] {complete, new RefuseTwv(DECIDED_ON, RefusalReason.OTHER)},
                    new Object[] {complete, new WithdrawTwv(DECIDED_ON)},
                    new Object[] {granted, new ExpireTwv(W_DOCUMENT_ENDS.plusDays(1))},
                    new Object[] {granted, new EndAsNoLongerRequired(DECIDED_ON)},
                    new Object[] {granted, new ApplyDueDates(W_DOCUMENT_ENDS.plusDays(1), null)});
            SealedTypes.assertEveryTypeHasAnExample(Permit.Command.class, decisions.stream().map(pair -> pair[1]).toList());
            for (Object[] decision : decisions) {
                assertNotEquals(List.of(), Permit.decide((Permit.Command) decision[1], (Permit.State) decision[0]),
                        decision[1].getClass().getSimpleName());
            }

            List<PermitEvent> events = List.of(REQUESTED, deferred(Information.EMPLOYER), received(REQUESTED_ON, Information.EMPLOYER),
                    declined(DeclineReason.NOT_ELIGIBLE, null), COMPLETED, GRANTED, new TwvRefused(PERMIT, PARTICIPANT, DECIDED_ON, RefusalReason.OTHER),
                    new TwvWithdrawn(PERMIT, PARTICIPANT, DECIDED_ON), new TwvExpired(PERMIT, PARTICIPANT, DECIDED_ON),
                    new TwvNoLongerRequired(PERMIT, PARTICIPANT, DECIDED_ON), new TwvEnded(PERMIT, PARTICIPANT, DECIDED_ON, EndReason.RECEPTION_ENDED));
            SealedTypes.assertEveryTypeHasAnExample(PermitEvent.class, events);
            Permit.State requestedOnly = permit().given(REQUESTED).state();
            for (PermitEvent event : events) {
                Permit.State before = event == REQUESTED ? new Permit.State.None()
                        : event instanceof InformationReceived ? permit().given(REQUESTED, deferred(Information.EMPLOYER)).state()
                        : event == GRANTED ? complete : requestedOnly;
                assertNotEquals(before, Permit.evolve(before, event), event.getClass().getSimpleName());
            }
        }
    }
}
