package nl.werkdesk.permit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.Period;
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
import nl.werkdesk.eventsourcing.core.DeciderScenario;
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
    static final Facts KNOWN = new Facts(MAY_WORK, true);
    static final Set<Information> NOTHING_PENDING = Set.of();

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
        return new Facts(new ParticipantStanding(REGISTERED, eligibleFrom, eligibleUntil, statusHolderSince, receptionEndsOn), true);
    }

    static TwvRequestDeclined declined(DeclineReason reason, LocalDate eligibleFrom) {
        return new TwvRequestDeclined(PERMIT, PARTICIPANT, REQUESTED_ON, reason, eligibleFrom);
    }

    @Nested
    class Requesting {

        @Test
        void requestsATwvForAnEligibleParticipantAndAKnownEmployer() {
            Permit.State state = permit().given().when(request(START, KNOWN)).then(REQUESTED);
            assertEquals(Permit.Status.REQUESTED, Permit.statusOf(state));
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
            Facts facts = new Facts(new ParticipantStanding(joined, null, null, null, null), true);
            permit().given().when(request(START, facts))
                    .then(REQUESTED, new TwvRequestDeclined(PERMIT, PARTICIPANT, joined, DeclineReason.NOT_ELIGIBLE, null));
        }

        @Test
        void waitsForAParticipantItHasNotHeardOf() {
            Permit.State state = permit().given().when(request(START, new Facts(null, true))).then(REQUESTED);
            assertEquals(Permit.Status.REQUESTED, Permit.statusOf(state));
        }

        @Test
        void waitsForAnEmployerItHasNotHeardOf() {
            permit().given().when(request(START, new Facts(MAY_WORK, false))).then(REQUESTED);
        }

        @Test
        void declinesAnIneligibleParticipantAtOnceEvenWhileTheEmployerIsUnknown() {
            permit().given().when(request(START, new Facts(new ParticipantStanding(REGISTERED, null, null, null, null), false)))
                    .then(REQUESTED, declined(DeclineReason.NOT_ELIGIBLE, null));
        }

        @Test
        void rejectsAStartDateBeforeTheRequest() {
            permit().given().when(request(REQUESTED_ON.minusDays(1), KNOWN)).rejectedOn("startDate", "lies before the request on 2025-03-03");
        }

        @Test
        void rejectsRequestingTheSamePermitTwice() {
            permit().given(REQUESTED).when(request(START, KNOWN)).rejectedWith("already requested");
        }
    }

    @Nested
    class ScreeningAWaitingRequest {

        @Test
        void proceedsWhenTheParticipantItWaitedForMayWork() {
            permit().given(REQUESTED).when(new ScreenRequest(KNOWN)).then();
        }

        @Test
        void declinesWhenTheParticipantItWaitedForMayNotWorkYet() {
            LocalDate later = LocalDate.of(2025, 5, 1);
            permit().given(REQUESTED).when(new ScreenRequest(participant(later, W_DOCUMENT_ENDS, null, null)))
                    .then(declined(DeclineReason.NOT_YET_ELIGIBLE, later));
        }

        @Test
        void declinesWhenTheParticipantItWaitedForIsAStatusHolder() {
            permit().given(REQUESTED).when(new ScreenRequest(participant(MAY_WORK_FROM, W_DOCUMENT_ENDS, REGISTERED, null)))
                    .then(declined(DeclineReason.NOT_REQUIRED_STATUS_HOLDER, null));
        }

        @Test
        void keepsWaitingWhileTheParticipantIsStillUnknown() {
            permit().given(REQUESTED).when(new ScreenRequest(new Facts(null, true))).then();
        }

        @Test
        void leavesACompleteApplicationOrAClosedPermitAlone() {
            Facts ineligible = participant(null, null, null, null);
            permit().given(REQUESTED, COMPLETED).when(new ScreenRequest(ineligible)).then();
            permit().given(REQUESTED, new TwvWithdrawn(PERMIT, PARTICIPANT, REQUESTED_ON)).when(new ScreenRequest(ineligible)).then();
        }
    }

    @Nested
    class CompletingTheApplication {

        @Test
        void completesTheApplicationWithTheDecisionDueFiveWeeksLater() {
            Permit.State state = permit().given(REQUESTED).when(new CompleteApplication(COMPLETED_ON, FIVE_WEEKS, NOTHING_PENDING))
                    .then(COMPLETED);
            assertEquals(Permit.Status.APPLICATION_COMPLETE, Permit.statusOf(state));
        }

        @Test
        void takesTheDecisionTermItIsGiven() {
            permit().given(REQUESTED).when(new CompleteApplication(COMPLETED_ON, Period.ofWeeks(8), NOTHING_PENDING))
                    .then(new TwvApplicationCompleted(PERMIT, PARTICIPANT, COMPLETED_ON, LocalDate.of(2025, 5, 5)));
        }

        @Test
        void refusesToCompleteARequestThatWaitsForInformation() {
            permit().given(REQUESTED).when(new CompleteApplication(COMPLETED_ON, FIVE_WEEKS, Set.of(Information.EMPLOYER, Information.PARTICIPANT)))
                    .rejectedWith("waits for information about the participant and employer");
        }

        @Test
        void refusesToCompleteTwice() {
            permit().given(REQUESTED, COMPLETED).when(new CompleteApplication(COMPLETED_ON, FIVE_WEEKS, NOTHING_PENDING))
                    .rejectedWith("already completed on 2025-03-10");
        }

        @Test
        void refusesACompletionDatedBeforeTheRequest() {
            permit().given(REQUESTED).when(new CompleteApplication(REQUESTED_ON.minusDays(1), FIVE_WEEKS, NOTHING_PENDING))
                    .rejectedOn("completedOn", "before the permit's latest step on 2025-03-03");
        }

        @Test
        void refusesToCompleteADeclinedRequest() {
            permit().given(requested(LocalDate.of(2025, 3, 10)), declined(DeclineReason.NOT_YET_ELIGIBLE, MAY_WORK_FROM))
                    .when(new CompleteApplication(COMPLETED_ON, FIVE_WEEKS, NOTHING_PENDING))
                    .rejectedWith("declined by Werkdesk on 2025-03-03");
        }

        @Test
        void refusesToCompleteAPermitThatWasNeverRequested() {
            permit().given().when(new CompleteApplication(COMPLETED_ON, FIVE_WEEKS, NOTHING_PENDING)).rejectedWith("no TWV was requested");
        }
    }

    @Nested
    class RecordingUwvsDecision {

        @Test
        void grantsTheTwvUntilTheWDocumentEndsWhenNoEndIsGiven() {
            Permit.State state = permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, START, null, W_DOCUMENT_ENDS)).then(GRANTED);
            assertEquals(Permit.Status.GRANTED, Permit.statusOf(state));
            assertEquals(35L, Permit.leadTimeDays(state));
        }

        @Test
        void grantsTheTwvWithTheValidityUwvGave() {
            LocalDate until = LocalDate.of(2025, 12, 31);
            permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, START, until, W_DOCUMENT_ENDS))
                    .then(new TwvGranted(PERMIT, PARTICIPANT, EMPLOYER, VACANCY, DECIDED_ON, START, until));
        }

        @Test
        void refusesAValidityBeyondTheWDocument() {
            permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, START, W_DOCUMENT_ENDS.plusDays(1), W_DOCUMENT_ENDS))
                    .rejectedOn("validUntil", "after the end of the participant's W-document on 2026-03-01");
        }

        @Test
        void refusesAValidityThatStartsAfterItEnds() {
            permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, LocalDate.of(2026, 1, 1), LocalDate.of(2025, 12, 31), W_DOCUMENT_ENDS))
                    .rejectedOn("validFrom", "after the last valid day 2025-12-31");
        }

        @Test
        void refusesAGrantWithoutAnEndWhenTheWDocumentsEndIsUnknown() {
            permit().given(REQUESTED, COMPLETED).when(new GrantTwv(DECIDED_ON, START, null, null)).rejectedOn("validUntil", "is required");
        }

        @Test
        void refusesADecisionOnAnIncompleteApplication() {
            permit().given(REQUESTED).when(new GrantTwv(DECIDED_ON, START, null, W_DOCUMENT_ENDS)).rejectedWith("complete application");
            permit().given(REQUESTED).when(new RefuseTwv(DECIDED_ON, RefusalReason.OTHER)).rejectedWith("complete application");
        }

        @Test
        void refusesADecisionDatedBeforeTheApplicationWasComplete() {
            permit().given(REQUESTED, COMPLETED).when(new RefuseTwv(COMPLETED_ON.minusDays(1), RefusalReason.OTHER))
                    .rejectedOn("decidedOn", "before the permit's latest step on 2025-03-10");
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
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new RefuseTwv(DECIDED_ON, RefusalReason.OTHER))
                    .rejectedWith("already granted on 2025-04-07");
            permit().given(REQUESTED, COMPLETED, new TwvRefused(PERMIT, PARTICIPANT, DECIDED_ON, RefusalReason.WAGE_NOT_MARKET_RATE))
                    .when(new GrantTwv(DECIDED_ON, START, null, W_DOCUMENT_ENDS))
                    .rejectedWith("refused by UWV on 2025-04-07");
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
        void refusesToWithdrawAGrantedTwv() {
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new WithdrawTwv(DECIDED_ON)).rejectedWith("a granted TWV is not withdrawn");
        }

        @Test
        void refusesAWithdrawalDatedBeforeThePermitsLatestStep() {
            permit().given(REQUESTED, COMPLETED).when(new WithdrawTwv(REQUESTED_ON)).rejectedOn("withdrawnOn", "before the permit's latest step");
        }

        @Test
        void refusesToWithdrawTwice() {
            permit().given(REQUESTED, new TwvWithdrawn(PERMIT, PARTICIPANT, WITHDRAWN_ON)).when(new WithdrawTwv(WITHDRAWN_ON))
                    .rejectedWith("withdrawn on 2025-03-20");
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
            permit().given(REQUESTED, COMPLETED, GRANTED).when(new ExpireTwv(W_DOCUMENT_ENDS))
                    .rejectedOn("expiredOn", "within the validity, which lasts until 2026-03-01");
        }

        @Test
        void refusesToExpireATwvThatWasNotGranted() {
            permit().given(REQUESTED, COMPLETED).when(new ExpireTwv(DAY_AFTER)).rejectedWith("only a granted TWV expires");
        }

        @Test
        void refusesToExpireTwice() {
            permit().given(REQUESTED, COMPLETED, GRANTED, new TwvExpired(PERMIT, PARTICIPANT, DAY_AFTER)).when(new ExpireTwv(DAY_AFTER))
                    .rejectedWith("expired on 2026-03-02");
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
}
