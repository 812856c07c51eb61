package nl.werkdesk.participant.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import org.junit.jupiter.api.Test;

class WorkEligibilityPoliciesTest {

    static final LocalDate ADULT = LocalDate.of(2008, 1, 1);

    static EligibilityFacts facts(LocalDate applied, AsylumTrack track, WDocumentType document, LocalDate validUntil) {
        return new EligibilityFacts(applied, track, document, validUntil, ADULT);
    }

    @Test
    void judgesEachDateByThePolicyInForceThen() {
        assertEquals("nl-24-weeks-rule", Policies.CURRENT.inForceOn(LocalDate.of(2023, 11, 28)).orElseThrow().id());
        assertEquals(OptionalInt.of(24), Policies.CURRENT.inForceOn(LocalDate.of(2023, 6, 1)).orElseThrow().maxWorkWeeksPer52Weeks());
        assertEquals("nl-2023-11-29", Policies.CURRENT.inForceOn(LocalDate.of(2023, 11, 29)).orElseThrow().id());
        assertTrue(Policies.CURRENT.inForceOn(LocalDate.of(2001, 12, 31)).isEmpty());
    }

    @Test
    void allowsWorkSixMonthsAfterTheAsylumApplicationUntilTheWDocumentEnds() {
        WorkEligibility eligibility = Policies.CURRENT.judge(
                facts(LocalDate.of(2024, 9, 15), AsylumTrack.REGULAR, WDocumentType.W, LocalDate.of(2026, 3, 1)), LocalDate.of(2025, 2, 3));
        assertEquals(new WorkEligibility(LocalDate.of(2025, 3, 15), LocalDate.of(2026, 3, 1), "nl-2023-11-29", null), eligibility);
    }

    @Test
    void anApplicationFiledUnderTheOldRuleIsJudgedByItUntilTheRuleChanged() {
        WorkEligibility eligibility = Policies.CURRENT.judge(
                facts(LocalDate.of(2023, 1, 10), AsylumTrack.REGULAR, WDocumentType.W, LocalDate.of(2026, 1, 1)), LocalDate.of(2025, 2, 3));
        assertEquals(LocalDate.of(2023, 7, 10), eligibility.from());
        assertEquals("nl-24-weeks-rule", eligibility.policy());
    }

    @Test
    void aDublinClaimantMayNotWork() {
        WorkEligibility eligibility = Policies.CURRENT.judge(
                facts(LocalDate.of(2024, 9, 15), AsylumTrack.REGULAR, WDocumentType.W2, LocalDate.of(2026, 3, 1)), LocalDate.of(2025, 2, 3));
        assertNull(eligibility.from());
        assertTrue(eligibility.reason().contains("Dublin"), eligibility.reason());
    }

    @Test
    void aMinorMayWorkFromTheEighteenthBirthday() {
        WorkEligibility eligibility = Policies.CURRENT.judge(new EligibilityFacts(LocalDate.of(2024, 9, 15), AsylumTrack.REGULAR,
                WDocumentType.W, LocalDate.of(2027, 1, 1), LocalDate.of(2025, 8, 20)), LocalDate.of(2025, 2, 3));
        assertEquals(LocalDate.of(2025, 8, 20), eligibility.from());
    }

    @Test
    void aWDocumentEndingBeforeTheWaitIsOverMeansNoWork() {
        WorkEligibility eligibility = Policies.CURRENT.judge(
                facts(LocalDate.of(2024, 12, 1), AsylumTrack.REGULAR, WDocumentType.W, LocalDate.of(2025, 5, 1)), LocalDate.of(2025, 2, 3));
        assertNull(eligibility.from());
        assertTrue(eligibility.reason().contains("W-document ends on 2025-05-01"), eligibility.reason());
    }

    @Test
    void theAnnouncedChangeShortensTheWaitForAHighChanceOfAPermit() {
        WorkEligibility eligibility = Policies.WITH_ANNOUNCED_CHANGE.judge(facts(LocalDate.of(2026, 2, 1),
                AsylumTrack.HIGH_RECOGNITION_CHANCE, WDocumentType.W, LocalDate.of(2027, 6, 1)), LocalDate.of(2026, 2, 10));
        assertEquals(new WorkEligibility(LocalDate.of(2026, 5, 1), LocalDate.of(2027, 6, 1), "announced", null), eligibility);
    }

    @Test
    void aLaterPolicyThatTakesAccessAwayEndsTheEligibility() {
        WorkEligibility eligibility = Policies.WITH_ANNOUNCED_CHANGE.judge(facts(LocalDate.of(2025, 1, 10),
                AsylumTrack.SAFE_COUNTRY_OF_ORIGIN, WDocumentType.W, LocalDate.of(2027, 1, 1)), LocalDate.of(2025, 3, 1));
        assertEquals(new WorkEligibility(LocalDate.of(2025, 7, 10), LocalDate.of(2025, 12, 31), "nl-2023-11-29", null), eligibility);
    }

    @Test
    void refusesTwoPoliciesThatStartOnTheSameDay() {
        assertThrows(IllegalArgumentException.class,
                () -> new WorkEligibilityPolicies(List.of(Policies.SINCE_2023_11_29, Policies.SINCE_2023_11_29)));
    }
}
